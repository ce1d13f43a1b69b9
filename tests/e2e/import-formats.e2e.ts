/** Importing AIF and Argdown files onto the map list, and the text exports of a map. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { MAP_ID, artifact } from './helpers';

// A refused file is a 4xx answer on purpose; Chromium logs the failed request.
test.use({ allowConsole: [/the server responded with a status of 4\d\d/] });

const AIF = readFileSync('tests/fixtures/aif/undercut-copremises.json');
const ARGDOWN = `===
title: School uniforms
===

[Uniforms]: Schools should keep their uniforms.
  + [Cost]: Uniforms cost families less than a wardrobe of fashionable clothes.
  - [Choice]: Pupils learn to choose for themselves when they dress themselves.
`;

async function choose(page: Page, name: string, buffer: Buffer) {
	await page.locator('input[type=file]').setInputFiles({
		name,
		mimeType: 'application/octet-stream',
		buffer
	});
}

test('the Import button reads an AIF file and opens the map made of it', async ({ page }) => {
	await page.goto('/');
	const button = page.getByRole('button', { name: 'Import…' });
	await expect(button).toBeVisible();
	await page.screenshot({ path: artifact('import-formats-list.png') });
	const unique = Date.now().toString(36);
	await choose(page, `library-${unique}.json`, AIF);
	await expect(page).toHaveURL(new RegExp(`/maps/library-${unique}$`));
	await expect(
		page.getByRole('button', { name: /^Thesis: The town should keep its library open/ })
	).toBeVisible();
});

test('an Argdown file dropped on the page becomes a map', async ({ page }) => {
	await page.goto('/');
	const unique = Date.now().toString(36);
	const dropped = await page.evaluateHandle(
		({ text, name }) => {
			const dt = new DataTransfer();
			dt.items.add(new File([text], name, { type: 'text/plain' }));
			return dt;
		},
		{ text: ARGDOWN, name: `uniforms-${unique}.argdown` }
	);
	await page.dispatchEvent('main', 'dragover', { dataTransfer: dropped });
	await expect(page.getByText('Drop the file to import it')).toBeVisible();
	await page.dispatchEvent('main', 'drop', { dataTransfer: dropped });
	await expect(page).toHaveURL(new RegExp(`/maps/uniforms-${unique}$`));
	await expect(
		page.getByRole('button', { name: /Schools should keep their uniforms/ }).first()
	).toBeVisible();
});

test('what an import left out is listed, and a refused file is named with the reason', async ({
	page
}) => {
	await page.goto('/');
	const unique = Date.now().toString(36);
	await choose(page, `cycling-${unique}.json`, readFileSync('tests/fixtures/aif/problems.json'));
	const status = page.getByRole('status');
	await expect(status).toContainText(`Imported “cycling-${unique}.json” as cycling-${unique}`);
	await expect(status).toContainText('node "d" has the unknown type "XQ"; left out');
	await expect(status.getByRole('link', { name: `cycling-${unique}` })).toHaveAttribute(
		'href',
		`/maps/cycling-${unique}`
	);

	await choose(page, 'broken.argdown', Buffer.from('[a]: One.\n\n[b]: An _unfinished italic.\n'));
	const alert = page.getByRole('alert');
	await expect(alert).toContainText(
		'Cannot import “broken.argdown” as Argdown: line 3: Argdown: Incomplete italic text range'
	);
	// A truncated file: its problem is said once, in the message, not again under it.
	await choose(page, 'broken.json', Buffer.from('{"nodes": ['));
	await expect(alert).toContainText('Cannot import “broken.json”');
	expect(((await alert.textContent()) ?? '').match(/invalid JSON/g)).toHaveLength(1);
	await choose(page, 'notes.txt', Buffer.from('hello'));
	await expect(alert).toContainText('Cannot import “notes.txt”: Warrant imports .map.json, .json');
	await page.screenshot({ path: artifact('import-formats-refused.png') });
});

test('a map downloads as Argdown and as AIF', async ({ request }) => {
	const argdown = await request.get(`/maps/${MAP_ID}/export/argdown`);
	expect(argdown.status()).toBe(200);
	expect(argdown.headers()['content-disposition']).toBe(`attachment; filename="${MAP_ID}.argdown"`);
	expect(await argdown.text()).toMatch(/^===\ntitle: /);
	const aif = await request.get(`/maps/${MAP_ID}/export/aif`);
	expect(aif.headers()['content-disposition']).toBe(`attachment; filename="${MAP_ID}.aif.json"`);
	const doc = (await aif.json()) as { nodes: { type: string }[]; warrant: object };
	expect(doc.nodes.some((n) => n.type === 'RA')).toBe(true);
	expect(doc.warrant).toBeTruthy();
	expect((await request.get('/maps/no-such-map/export/aif')).status()).toBe(404);
});

test('a long import shows its progress and Cancel leaves no map behind', async ({
	page,
	request
}) => {
	// The server's read of the file is held back 3 s here (a 1000-statement AIF file takes about
	// one): the page must say what it is doing after half a second and let the reader stop it.
	let held = 0;
	await page.route('**/api/maps', async (route) => {
		if (route.request().method() === 'POST' && route.request().postDataJSON()?.check) {
			held++;
			await new Promise((r) => setTimeout(r, 3000));
		}
		await route.continue().catch(() => {});
	});
	await page.goto('/');
	const unique = Date.now().toString(36);
	await choose(page, `slow-${unique}.json`, AIF);
	const cancel = page.getByRole('button', { name: 'Cancel' });
	await expect(
		page.getByRole('progressbar', { name: `Reading “slow-${unique}.json”` })
	).toBeVisible();
	await expect(page.getByText(`Reading “slow-${unique}.json”…`)).toBeVisible();
	await page.screenshot({ path: artifact('import-progress.png') });
	await cancel.click();
	await expect(page.getByRole('status')).toHaveText(
		`Import of “slow-${unique}.json” cancelled: no map was made.`
	);
	await expect(cancel).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Import…' })).toBeEnabled();
	expect(held).toBe(1);
	// Past the held-back read: still nothing under that name, and the list does not show it.
	await page.waitForTimeout(3500);
	expect((await request.get(`/api/maps/slow-${unique}`)).status()).toBe(404);
	await page.reload();
	await expect(page.getByRole('link', { name: new RegExp(`slow-${unique}`) })).toHaveCount(0);

	// Not held back, the same file is imported as before. Once it is read there is nothing to
	// cancel: while the new map's page is slow to open, no "Reading…" and no Cancel are shown.
	await page.unroute('**/api/maps');
	let opening = 0;
	await page.route(`**/maps/slow-${unique}**`, async (route) => {
		opening++;
		await new Promise((r) => setTimeout(r, 1500));
		await route.continue().catch(() => {});
	});
	await choose(page, `slow-${unique}.json`, AIF);
	await expect.poll(() => opening).toBeGreaterThan(0);
	await page.waitForTimeout(800);
	await expect(cancel).toHaveCount(0);
	await expect(page.getByText(/Reading “/)).toHaveCount(0);
	await expect(page).toHaveURL(new RegExp(`/maps/slow-${unique}$`));
});
