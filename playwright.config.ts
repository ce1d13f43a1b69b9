import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const CI = !!process.env.CI;
// E2E_PORT moves the test server off 4173 when something else (e.g. `vite preview`) holds it.
const PORT = Number(process.env.E2E_PORT || 4173);
// The test server's copy of arguments/: made once here (workers inherit the variable), so the
// editing tests can read the files the app saved. Never the repository's own folder.
process.env.E2E_ARGUMENTS_DIR ??= mkdtempSync(join(tmpdir(), 'warrant-e2e-'));

// Playwright cannot download browsers here: the tests drive Debian's Chromium
// (scripts/ensure-chromium.mjs installs it on CI) or whatever CHROMIUM_PATH names.
export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	outputDir: 'test-results',
	fullyParallel: true,
	forbidOnly: CI,
	workers: CI ? 1 : undefined,
	retries: CI ? 1 : 0,
	timeout: 30_000,
	expect: { timeout: 5_000 },
	reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		// The app honours prefers-reduced-motion: no layout transitions to wait out in measurements.
		contextOptions: { reducedMotion: 'reduce' },
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } }
		}
	],
	webServer: {
		// Serves build/ over a temporary copy of arguments/ (plus a broken map): see the script.
		command: 'npm run build && node scripts/e2e-server.mjs',
		url: `http://127.0.0.1:${PORT}`,
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			E2E_ARGUMENTS_DIR: process.env.E2E_ARGUMENTS_DIR,
			// URL import may fetch from this server itself (its test pages), and no other
			// local address; a short time-out keeps the slow-page test short.
			WARRANT_IMPORT_ALLOW: `http://127.0.0.1:${PORT}`,
			WARRANT_IMPORT_TIMEOUT_MS: '1500'
		},
		reuseExistingServer: !CI,
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 }
	}
});
