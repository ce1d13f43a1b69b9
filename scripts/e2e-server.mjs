// Serves the built app for the end-to-end tests over a throwaway copy of arguments/, so no test
// can ever write into the repository's maps. The copy also gets one deliberately broken map
// (tests/e2e/fixtures/broken-example.map.json) for the error-page tests. It also turns on the
// fixture pages URL import is tested with (/test-pages/…, from tests/fixtures/import/), which a
// normal server never has.
//
// Usage (after `npm run build`): node scripts/e2e-server.mjs
// Environment: PORT (default 4173), HOST (default 127.0.0.1), WARRANT_IMPORT_ALLOW (default:
// this server's own origin, so imports may fetch the test pages), WARRANT_IMPORT_TIMEOUT_MS.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFlags } from './start-flags.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'build', 'index.js');
const brokenFixture = join(root, 'tests', 'e2e', 'fixtures', 'broken-example.map.json');
const testPages = join(root, 'tests', 'fixtures', 'import');

if (!existsSync(entry)) {
	console.error('e2e-server: build/index.js is missing; run `npm run build` first.');
	process.exit(1);
}

// The Playwright config names the folder (E2E_ARGUMENTS_DIR) so tests can read what was saved.
const dir = process.env.E2E_ARGUMENTS_DIR || mkdtempSync(join(tmpdir(), 'warrant-e2e-'));
let cleaned = false;
function cleanUp() {
	if (cleaned) return;
	cleaned = true;
	rmSync(dir, { recursive: true, force: true });
}
process.on('exit', cleanUp);

mkdirSync(dir, { recursive: true });
cpSync(join(root, 'arguments'), dir, { recursive: true });
cpSync(brokenFixture, join(dir, 'broken-example.map.json'));
// A map that carries its text (an op-ed of our own writing), for the source panel's tests.
cpSync(
	join(root, 'tests', 'e2e', 'fixtures', 'branch-libraries.map.json'),
	join(dir, 'branch-libraries.map.json')
);

// An op-ed of our own writing with its reconstruction, for the exercise tests.
cpSync(
	join(root, 'tests', 'fixtures', 'compare', 'bike-lanes', 'reference.map.json'),
	join(dir, 'bike-lanes.map.json')
);
// Exercises and submissions live in their own throwaway folder too.
const data = mkdtempSync(join(tmpdir(), 'warrant-e2e-data-'));
process.on('exit', () => rmSync(data, { recursive: true, force: true }));

const PORT = process.env.PORT || '4173';
const HOST = process.env.HOST || '127.0.0.1';
const env = {
	...process.env,
	WARRANT_ARGUMENTS_DIR: dir,
	WARRANT_DATA_DIR: data,
	// As scripts/start.mjs: room for maps up to their 5 MB limit.
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT || '6M',
	PORT,
	HOST,
	WARRANT_TEST_PAGES_DIR: testPages,
	// URL import refuses loopback addresses; this one origin is exempt so that the tests can
	// import the pages this server serves. Every other local address stays refused.
	WARRANT_IMPORT_ALLOW: process.env.WARRANT_IMPORT_ALLOW || `http://${HOST}:${PORT}`
};
console.log(`e2e-server: serving maps from ${dir} on http://${env.HOST}:${env.PORT}`);

const child = spawn(process.execPath, [...startFlags(root), entry], {
	cwd: root,
	env,
	stdio: 'inherit'
});

child.on('exit', (code, signal) => {
	cleanUp();
	process.exit(code ?? (signal ? 0 : 1));
});
child.on('error', (e) => {
	console.error(`e2e-server: could not start the server: ${e.message}`);
	cleanUp();
	process.exit(1);
});

for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) {
	process.on(signal, () => {
		// The server shuts down gracefully on SIGTERM; the temp dir goes when it has exited.
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		setTimeout(() => {
			child.kill('SIGKILL');
			cleanUp();
			process.exit(0);
		}, 5000).unref();
	});
}
