/**
 * URL import against pages the test server serves itself (/test-pages/…, turned on by
 * scripts/e2e-server.mjs). The server's own origin is the one exempt from the address check
 * (WARRANT_IMPORT_ALLOW) and its time-out is 1.5 s (WARRANT_IMPORT_TIMEOUT_MS), both set in
 * playwright.config.ts. No test needs the internet. The endpoint is called directly here;
 * attach-text.e2e.ts goes through the UI.
 */
import { expect, test, type Page } from './fixtures';
import { ARTICLE_BLOCKS, ARTICLE_SOURCE } from '../fixtures/import/expected';

// Refusals answer 4xx; were a page to fetch them, Chromium would log each one.
test.use({ allowConsole: [/status of 4\d\d/] });

/** POST /api/import {url}: the status and the JSON answer. */
async function importUrl(page: Page, url: string) {
	const res = await page.request.post('/api/import', { data: { url } });
	return { status: res.status(), body: await res.json() };
}

test.describe('importing a text from a URL', () => {
	test('a page on the test server imports with its title, author, date and paragraphs', async ({
		page,
		baseURL
	}) => {
		// Through a redirect, so that following one is part of the way in.
		const { status, body } = await importUrl(
			page,
			`${baseURL}/test-pages/redirect?to=/test-pages/article`
		);
		expect(status).toBe(200);
		expect(body).toMatchObject({ ...ARTICLE_SOURCE, url: `${baseURL}/test-pages/article` });
		expect(body.blocks).toHaveLength(ARTICLE_BLOCKS);
		expect(body.blocks[0]).toMatch(/^The town library is closed on the one day/);
		expect(body.blocks).toContain('What it would cost');
		expect(body.blocks.join(' ')).not.toMatch(/All rights reserved|More on this topic|</);
	});

	test('another local address is refused, directly or through a redirect', async ({
		page,
		baseURL
	}) => {
		const port = Number(new URL(baseURL ?? '').port);
		const other = `http://127.0.0.1:${port + 1}/test-pages/article`;
		const direct = await importUrl(page, other);
		expect(direct).toEqual({
			status: 422,
			body: {
				code: 'local-address',
				message:
					'127.0.0.1 is a private or local address (loopback). Warrant imports pages from public addresses only.'
			}
		});
		for (const url of [
			`${baseURL}/test-pages/redirect?to=${encodeURIComponent(other)}`,
			// The same server by another name is another origin.
			`http://localhost:${port}/test-pages/article`
		]) {
			const { status, body } = await importUrl(page, url);
			expect([status, body.code], url).toEqual([422, 'local-address']);
			expect(body.message, url).toMatch(/(127\.0\.0\.1|::1)[^.]* a private or local address/);
		}
	});

	test('a file: address is refused', async ({ page }) => {
		expect(await importUrl(page, 'file:///etc/passwd')).toEqual({
			status: 422,
			body: {
				code: 'scheme',
				message: 'Only web addresses (http:// or https://) can be imported, not file: addresses.'
			}
		});
	});

	test('an oversize page and a slow page are refused, each saying why', async ({
		page,
		baseURL
	}) => {
		expect(await importUrl(page, `${baseURL}/test-pages/large`)).toEqual({
			status: 502,
			body: { code: 'too-large', message: 'The page at 127.0.0.1 is larger than 2 MB.' }
		});
		const started = Date.now();
		expect(await importUrl(page, `${baseURL}/test-pages/slow`)).toEqual({
			status: 504,
			body: { code: 'timeout', message: '127.0.0.1 took longer than 1.5 s to send the page.' }
		});
		expect(Date.now() - started).toBeLessThan(5000);
	});
});
