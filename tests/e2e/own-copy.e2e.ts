/**
 * My own copy: a reader's critique of the shared article map is saved as their own copy, and
 * the class map stays byte for byte as it was (issue "a student's critique, handed in", item 2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { MAP_ID, artifact, escapeRegExp, mapTitle } from './helpers';

const dir = process.env.E2E_ARGUMENTS_DIR!;
const OBJECTION = 'Budget support is also what Mongolia itself asked donors for.';

test('a critique of the shared map becomes the reader’s own copy; the class map is unchanged', async ({
	page,
	request
}) => {
	const before = await request.get(`/api/maps/${MAP_ID}`);
	const bytes = await before.body();
	const etag = before.headers()['etag']!;
	const onDisk = readFileSync(join(dir, `${MAP_ID}.map.json`));

	await page.goto(`/maps/${MAP_ID}`);
	await page.waitForLoadState('networkidle');
	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	await find.fill('Motive 3');
	await find.press('Enter');
	await find.press('Escape');
	// An objection: the name is asked once.
	await page.keyboard.press('o');
	const nameDialog = page.getByRole('dialog', { name: 'Your name' });
	await nameDialog.getByRole('textbox', { name: 'Name' }).fill('Ana');
	await nameDialog.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('textbox', { name: /Text of the statement/ })).toBeFocused();
	await page.keyboard.type(OBJECTION);
	await page.keyboard.press('Enter');

	// Saving offers the reader's own copy, under an id and title they may change.
	await page.keyboard.press('Control+s');
	const ask = page.getByRole('dialog', { name: 'Save your own copy' });
	await expect(ask).toContainText('is the class’s shared map');
	await expect(ask.getByRole('textbox', { name: 'Title of your copy' })).toHaveValue(
		`${mapTitle} — critique by Ana`
	);
	const idField = ask.getByRole('textbox', { name: 'Map id' });
	// A server kept from an earlier run may hold Ana's first copy already: then `-2`, `-3` …
	await expect(idField).toHaveValue(/^japan-mongolia-critique-by-ana(-\d+)?$/);
	const id = await idField.inputValue();
	const axe = await new AxeBuilder({ page })
		.include('dialog')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	await page.screenshot({ path: artifact('own-copy-dialog.png') });
	await ask.getByRole('button', { name: 'Save my copy' }).click();

	// The page moves to the copy, with the work in it, and says so in plain words.
	await expect(page).toHaveURL(new RegExp(`/maps/${id}$`));
	const notice = page
		.getByRole('status')
		.filter({ hasText: `Saved as your own copy, “${mapTitle} — critique by Ana”.` });
	await expect(notice).toContainText('The class map is unchanged.');
	await expect(
		page.getByRole('button', { name: new RegExp(escapeRegExp(OBJECTION)) })
	).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	await page.screenshot({ path: artifact('own-copy-notice.png') });

	// The class map: the same bytes and the same ETag, on the server and on disk.
	const after = await request.get(`/api/maps/${MAP_ID}`);
	expect(after.headers()['etag']).toBe(etag);
	expect(Buffer.compare(await after.body(), bytes)).toBe(0);
	expect(Buffer.compare(readFileSync(join(dir, `${MAP_ID}.map.json`)), onDisk)).toBe(0);
	const copy = await (await request.get(`/api/maps/${id}`)).json();
	expect(copy).toMatchObject({
		title: `${mapTitle} — critique by Ana`,
		owner: 'Ana',
		basedOn: { id: MAP_ID, revision: etag.replace(/"/g, '') }
	});
	expect(copy.nodes).toContainEqual(
		expect.objectContaining({ text: OBJECTION, origin: 'reader', author: 'Ana' })
	);

	// Saving again on the copy saves into the copy (the objection is found wherever it is drawn).
	await find.fill('asked donors');
	await find.press('Enter');
	await find.press('Escape');
	await page.keyboard.press('o');
	await page.keyboard.type('Then its dependence is a choice, not a trap.');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Control+s');
	await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(page).toHaveURL(new RegExp(`/maps/${id}$`));
	const saved = await (await request.get(`/api/maps/${id}`)).json();
	expect(saved.nodes).toHaveLength(copy.nodes.length + 1);
	expect((await request.get(`/api/maps/${MAP_ID}`)).headers()['etag']).toBe(etag);

	// The list of maps says whose critique the copy is and what it is based on.
	await page.goto('/');
	const card = page
		.getByRole('list', { name: 'Maps' })
		.getByRole('listitem')
		.filter({ has: page.locator(`a[href="/maps/${id}"]`) })
		.getByRole('article');
	await expect(card).toContainText(`Critique by Ana · based on ${mapTitle}`);
	await expect(card.getByRole('link', { name: mapTitle, exact: true })).toHaveAttribute(
		'href',
		`/maps/${MAP_ID}`
	);
	await expect(
		page.getByRole('article', { name: mapTitle, exact: true }).getByText(/^Shared class map/)
	).toBeVisible();
	await card.scrollIntoViewIfNeeded();
	await page.screenshot({ path: artifact('own-copy-home.png'), fullPage: true });
});
