/**
 * The `test` every end-to-end test uses: Playwright's, plus a guard that fails the test on any
 * console error or warning and on any uncaught exception in the page. A test that expects a
 * message (a 404 page logs the failed request) names it with `test.use({ allowConsole: [...] })`.
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ allowConsole: RegExp[]; consoleGuard: void }>({
	allowConsole: [[], { option: true }],
	consoleGuard: [
		async ({ page, allowConsole }, use) => {
			const bad: string[] = [];
			page.on('console', (m) => {
				const type = m.type();
				if (type !== 'error' && type !== 'warning') return;
				if (allowConsole.some((r) => r.test(m.text()))) return;
				bad.push(`${type}: ${m.text()}`);
			});
			page.on('pageerror', (e) => bad.push(`uncaught: ${e.message}`));
			await use();
			expect(bad, 'the browser console stays clean').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
export type { Locator, Page } from '@playwright/test';
