import { expect, test, type Page } from './fixtures';
import { BROKEN_ID, brokenText, lineOf } from './helpers';

// These pages answer with 4xx on purpose; Chromium logs each failed request.
test.use({ allowConsole: [/the server responded with a status of 4\d\d/] });

/** Signs that an error page leaks internals instead of explaining the problem. */
async function expectNoStackTrace(page: Page) {
	const body = (await page.locator('body').textContent()) ?? '';
	expect(body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/build\/|\.js:\d+:\d+|Error: /);
	expect(body).not.toContain('Internal Error');
}

test.describe('error pages', () => {
	test('a broken map file shows what is wrong, with line numbers', async ({ page }) => {
		const res = await page.goto(`/maps/${BROKEN_ID}`);
		expect(res?.status()).toBe(422);
		const file = `arguments/${BROKEN_ID}.map.json`;
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`The map file ${file} cannot be opened.`
		);
		await expect(page.getByRole('main')).toContainText(/found \d+\s+problems?/);
		await expect(page.getByRole('link', { name: /All maps/ })).toHaveAttribute('href', '/');

		const table = page.getByRole('table', { name: 'Problems' });
		await expect(table).toBeVisible();
		await expect(table.getByRole('columnheader')).toHaveText(['Line', 'Where', 'Problem']);
		const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
		expect(await rows.count()).toBeGreaterThanOrEqual(2);
		for (const row of await rows.all()) {
			await expect(row.getByRole('cell').first()).toHaveText(/^\d+$/);
		}

		// The wrong kind is reported on its own line, naming the allowed kinds.
		const kind = rows.filter({ hasText: 'nodes[1].kind' });
		await expect(kind.getByRole('cell')).toHaveText([
			String(lineOf(brokenText, '"kind": "opinion"')),
			'nodes[1].kind',
			/thesis.*claim.*evidence.*assumption/
		]);
		// The unknown field is reported within the statement that has it.
		const unknown = rows.filter({ hasText: 'unknown field "colour"' });
		await expect(unknown).toHaveCount(1);
		const line = Number(await unknown.getByRole('cell').first().textContent());
		expect(line).toBeGreaterThanOrEqual(lineOf(brokenText, '"id": "other"') - 1);
		expect(line).toBeLessThanOrEqual(lineOf(brokenText, '"colour"'));
		await expectNoStackTrace(page);
	});

	test('an unknown map is a 404 with a plain explanation', async ({ page }) => {
		const res = await page.goto('/maps/no-such-map');
		expect(res?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'There is no map called "no-such-map".'
		);
		await expect(page.getByRole('main')).toContainText('renamed or removed');
		await expect(page.getByRole('table', { name: 'Problems' })).toHaveCount(0);
		await expect(page.getByRole('link', { name: /All maps/ })).toBeVisible();
		await expectNoStackTrace(page);
	});

	test('a path that tries to leave arguments/ is refused without leaking anything', async ({
		page,
		request
	}) => {
		const res = await page.goto('/maps/..%2f..%2fetc');
		expect([400, 404]).toContain(res?.status());
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectNoStackTrace(page);

		for (const path of ['/maps/..%2f..%2f..%2fetc%2fpasswd', '/maps/%2e%2e%2fpackage']) {
			const r = await request.get(path);
			expect([400, 404], path).toContain(r.status());
			const body = await r.text();
			expect(body, path).not.toContain('root:');
			expect(body, path).not.toContain('"devDependencies"');
		}
	});
});
