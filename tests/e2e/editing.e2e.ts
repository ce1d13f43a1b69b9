/**
 * Editing end to end, keyboard first: each test works on its own copy of the article map (made
 * through the API), so tests never disturb each other or the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { withFramesHeldBack } from './helpers';

const dir = process.env.E2E_ARGUMENTS_DIR!;
const fileOf = (id: string) => JSON.parse(readFileSync(join(dir, `${id}.map.json`), 'utf8'));

let mapId: string;
test.beforeEach(async ({ request, context }, info) => {
	// The reader's name is asked once per browser; these tests are about editing, not that.
	await context.addInitScript(() => localStorage.setItem('warrant.author', 'Tester'));
	mapId = `edit-${info.workerIndex}-${Date.now().toString(36)}`;
	const r = await request.post('/api/maps', {
		data: { id: mapId, from: 'japan-mongolia', owner: 'Tester' }
	});
	expect(r.status()).toBe(201);
});

/** Select a statement with the keyboard only: the find box, then Enter. */
async function selectByKeyboard(page: Page, text: string) {
	await page.getByRole('searchbox', { name: 'Find a statement' }).fill(text);
	await page.getByRole('searchbox', { name: 'Find a statement' }).press('Enter');
	await expect(
		page.getByRole('complementary', { name: 'Details of the selected statement' })
	).toBeVisible();
	// Escape hands the keyboard from the find box to the statement found.
	await page.getByRole('searchbox', { name: 'Find a statement' }).press('Escape');
}

const saved = (page: Page) =>
	expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();

test('a critique of Motive 2 by keyboard: add, type, undo, redo, save, reload', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await selectByKeyboard(page, 'Motive 2');
	await expect(page.getByRole('button', { name: /^Motive 2:/ })).toBeFocused();

	await page.keyboard.press('o');
	const editor = page.getByRole('textbox', { name: /Text of the statement/ });
	await expect(editor).toBeFocused();
	await page.keyboard.type(
		'Tied aid is common among donors, so it shows no motive special to Mongolia.'
	);
	await page.keyboard.press('Enter');
	const objection = page.getByRole('button', { name: /Tied aid is common among donors/ });
	await expect(objection).toBeVisible();
	await expect(
		page.getByRole('complementary', { name: 'Details of the selected statement' })
	).toContainText('objection');
	await page.screenshot({ path: 'tests/artifacts/editing-objection.png' });

	// Adding and naming it was one step: one undo removes it, one redo brings it back named.
	await page.keyboard.press('Control+z');
	await expect(objection).toHaveCount(0);
	await page.keyboard.press('Control+Shift+Z');
	await expect(objection).toBeVisible();

	await page.keyboard.press('Control+s');
	await saved(page);
	const file = fileOf(mapId);
	const node = file.nodes.find((n: { text: string }) => n.text.startsWith('Tied aid is common'));
	expect(node).toMatchObject({ kind: 'claim', origin: 'reader' });
	expect(file.links).toContainEqual(
		expect.objectContaining({
			from: node.id,
			to: 'motive-2',
			relation: 'attacks',
			origin: 'reader'
		})
	);

	await page.reload();
	await expect(page.getByRole('button', { name: /Tied aid is common among donors/ })).toBeVisible();
});

test('what is typed at once after the key that adds a statement goes into it, not to shortcuts', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await selectByKeyboard(page, 'Motive 2');
	const statements = page.locator('[data-node-id]');
	const before = await statements.count();
	// The field takes the keyboard in the next frame. Frames are held back here, so every key
	// below comes before it: "a" would add a hidden assumption, "d" would delete, and so on.
	await withFramesHeldBack(page, async () => {
		await page.keyboard.press('o');
		await page.keyboard.type('And tied aid is common among donors.');
		await page.keyboard.press('Enter');
	});
	await expect(
		page.getByRole('button', {
			name: 'Objection: And tied aid is common among donors.',
			exact: true
		})
	).toBeVisible();
	await expect(statements).toHaveCount(before + 1);
	await expect(page.getByRole('textbox', { name: /Text of the statement/ })).toHaveCount(0);
	// Enter kept it, as it does in the field: one undo takes the named objection back.
	await page.keyboard.press('Control+z');
	await expect(statements).toHaveCount(before);
});

test('unsaved edits survive closing the page and are offered back', async ({ page, context }) => {
	await page.goto(`/maps/${mapId}`);
	await selectByKeyboard(page, 'Motive 3');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('textbox', { name: /Text of the statement/ })).toBeFocused();
	await page.keyboard.type('Funding budget programmes may create some dependence on Japanese aid.');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
	// Let the draft reach IndexedDB, then close the tab without saving.
	await page.waitForTimeout(300);
	await page.close({ runBeforeUnload: false });

	const again = await context.newPage();
	await again.goto(`/maps/${mapId}`);
	const offer = again.getByRole('region', { name: 'Unsaved changes found' });
	await expect(offer).toBeVisible();
	await expect(offer).toContainText('1 statement edited');
	await offer.getByRole('button', { name: 'Restore them' }).click();
	await expect(
		again.getByRole('button', { name: /^Motive 3: Funding budget programmes may create/ })
	).toBeVisible();
	await again.keyboard.press('Control+s');
	await saved(again);
	expect(fileOf(mapId).nodes.find((n: { id: string }) => n.id === 'motive-3').text).toMatch(
		/^Funding budget programmes/
	);

	// Once saved, nothing is offered any more.
	await again.reload();
	await expect(again.getByRole('button', { name: /^Motive 3: Funding budget/ })).toBeVisible();
	await expect(again.getByRole('region', { name: 'Unsaved changes found' })).toHaveCount(0);
});

test.describe(() => {
	// The stopped save is a 412 answer, which Chromium logs.
	test.use({ allowConsole: [/status of 412/] });
	test('a save that would overwrite someone else’s is stopped and offers a way out', async ({
		page,
		request
	}) => {
		await page.goto(`/maps/${mapId}`);
		await selectByKeyboard(page, 'Motive 1');
		await page.keyboard.press('e');
		await page.keyboard.type('Japan has sought a permanent Security Council seat for decades.');
		await page.keyboard.press('Enter');

		// Meanwhile someone else saves the same map.
		const current = await request.get(`/api/maps/${mapId}`);
		const theirs = await current.json();
		theirs.nodes[0].text = 'Their edited thesis.';
		const put = await request.put(`/api/maps/${mapId}`, {
			data: theirs,
			headers: { 'If-Match': current.headers()['etag']! }
		});
		expect(put.status()).toBe(200);

		await page.getByRole('button', { name: 'Save', exact: true }).click();
		const dialog = page.getByRole('dialog', { name: 'This map was changed elsewhere' });
		await expect(dialog).toBeVisible();
		expect(fileOf(mapId).nodes[0].text).toBe('Their edited thesis.');
		await dialog.getByRole('button', { name: 'Save mine as a copy' }).click();
		await expect(page).toHaveURL(new RegExp(`/maps/${mapId}-mine$`));
		await expect(page.getByRole('status').filter({ hasText: 'saved as this copy' })).toBeVisible();
		expect(
			fileOf(`${mapId}-mine`).nodes.some((n: { text: string }) =>
				n.text.startsWith('Japan has sought')
			)
		).toBe(true);
		expect(fileOf(mapId).nodes[0].text).toBe('Their edited thesis.');
	});

	test('undercut, delete with undo, the shortcut sheet and the context menu', async ({ page }) => {
		await page.goto(`/maps/${mapId}`);
		await selectByKeyboard(page, 'grown on average by no more');
		await page.keyboard.press('u');
		await page.keyboard.type('Slow growth fits many explanations, not only an export motive.');
		await page.keyboard.press('Enter');
		const undercut = page.getByRole('button', { name: /Slow growth fits many explanations/ });
		await expect(undercut).toBeVisible();

		// Delete it by key, bring it back with undo.
		await undercut.focus();
		await page.keyboard.press('Delete');
		await expect(undercut).toHaveCount(0);
		// The selection and the keyboard focus move to what it was about, not to the page's body.
		const growth = page.getByRole('button', { name: /grown on average by no more/ });
		await expect(growth).toBeFocused();
		await expect(growth).toHaveAttribute('aria-pressed', 'true');
		await page.keyboard.press('Control+z');
		await expect(undercut).toBeVisible();

		await page.keyboard.press('Control+s');
		await saved(page);
		const file = fileOf(mapId);
		const node = file.nodes.find((n: { text: string }) => n.text.startsWith('Slow growth'));
		const growthLink = file.links.find(
			(l: { from: string; to: string }) => l.from === 'gdp-growth' && l.to === 'motive-2'
		);
		expect(file.links).toContainEqual(
			expect.objectContaining({ from: node.id, to: growthLink.id, relation: 'undercuts' })
		);

		// The context menu offers the same actions, by mouse or by keyboard.
		await selectByKeyboard(page, 'Motive 4');
		await page.getByRole('button', { name: /^Motive 4:/ }).click({ button: 'right' });
		const menu = page.getByRole('menu', { name: /Actions on Motive 4/ });
		await expect(menu).toBeVisible();
		await expect(menu.getByRole('menuitem', { name: /Add objection/ })).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(menu).toHaveCount(0);
		await expect(page.getByRole('button', { name: /^Motive 4:/ })).toBeFocused();

		await page.getByRole('button', { name: /^Motive 4:/ }).focus();
		await page.keyboard.press('?');
		const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
		await expect(sheet).toBeVisible();
		await expect(sheet).toContainText('Add hidden assumption');
		await page.keyboard.press('Escape');
		await expect(sheet).toHaveCount(0);
	});
});

test('a large map (over the server’s default 512 KB body limit) saves, an oversize one gets 413', async ({
	request
}) => {
	const current = await request.get(`/api/maps/${mapId}`);
	const map = await current.json();
	const filler =
		'A long reader note that pads the map so that its saved file grows well past half a megabyte in size. '
			.repeat(3)
			.trim();
	for (let i = 0; i < 2500; i++) {
		map.nodes.push({ id: `pad-${i}`, kind: 'evidence', text: filler, origin: 'reader' });
		map.links.push({
			id: `pad-link-${i}`,
			from: `pad-${i}`,
			to: 'motive-2',
			relation: 'supports',
			origin: 'reader'
		});
	}
	const body = JSON.stringify(map);
	expect(body.length).toBeGreaterThan(700 * 1024);
	const ok = await request.put(`/api/maps/${mapId}`, {
		data: body,
		headers: { 'Content-Type': 'application/json', 'If-Match': current.headers()['etag']! }
	});
	expect(ok.status()).toBe(200);
	const huge = await request.put(`/api/maps/${mapId}`, {
		data: JSON.stringify({ ...map, title: 'x'.repeat(10) }) + ' '.repeat(7 * 1024 * 1024),
		headers: { 'Content-Type': 'application/json', 'If-Match': '*' }
	});
	expect(huge.status()).toBe(413);
});

test('dragging from a statement’s connector onto another links them, as the reader chooses', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	const motive1 = page.getByRole('button', { name: /^Motive 1:/ });
	const motive2 = page.getByRole('button', { name: /^Motive 2:/ });
	await motive1.click();
	const connector = page.locator('circle.connector');
	await expect(connector).toBeVisible();
	const from = (await connector.boundingBox())!;
	const to = (await motive2.boundingBox())!;
	await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
	await page.mouse.down();
	await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
	await page.mouse.up();
	const dialog = page.getByRole('dialog', { name: /^Link “Motive 1” to “Motive 2”/ });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'As an objection (attacks)' }).click();
	await expect(dialog).toHaveCount(0);
	await page.keyboard.press('Control+s');
	await expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();
	expect(fileOf(mapId).links).toContainEqual(
		expect.objectContaining({
			from: 'motive-1',
			to: 'motive-2',
			relation: 'attacks',
			origin: 'reader',
			author: 'Tester'
		})
	);
});

test('typing in a panel field is one undo step', async ({ page }) => {
	await page.goto(`/maps/${mapId}`);
	await selectByKeyboard(page, 'Motive 2');
	const label = page.getByRole('textbox', { name: 'Label' });
	await label.click();
	await label.press('End');
	await label.pressSequentially(' (exports)');
	await expect(page.getByRole('button', { name: /^Motive 2 \(exports\):/ })).toBeVisible();
	// Leave the field, then one undo takes the whole typing back.
	await page.getByRole('button', { name: /^Motive 2 \(exports\):/ }).focus();
	await page.keyboard.press('Control+z');
	await expect(page.getByRole('button', { name: /^Motive 2:/ })).toBeVisible();
	await expect(label).toHaveValue('Motive 2');
	// Back at the saved state: nothing to save, and the title loses its bullet.
	await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	await expect(page).toHaveTitle(/^(?!•)/);
	await page.keyboard.press('Control+Shift+Z');
	await expect(page.getByRole('button', { name: /^Motive 2 \(exports\):/ })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
});

test('Ctrl+S saves from inside a text field, and leaving with unsaved changes asks first', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await selectByKeyboard(page, 'Motive 4');
	const label = page.getByRole('textbox', { name: 'Label' });
	await label.fill('Motive 4 (transport)');
	await label.press('Control+s');
	await expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();
	await expect(label).toBeFocused();
	expect(fileOf(mapId).nodes.find((n: { id: string }) => n.id === 'motive-4').label).toBe(
		'Motive 4 (transport)'
	);

	await label.fill('Motive 4 (roads)');
	let asked = '';
	page.once('dialog', (d) => {
		asked = d.message();
		void d.dismiss();
	});
	await page.getByRole('link', { name: 'Warrant: all maps' }).click();
	await expect(page).toHaveURL(new RegExp(`/maps/${mapId}$`));
	expect(asked).toMatch(/unsaved changes/);
});

test('a figure field shows how it reads before keeping it, and keeps nothing it cannot read', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await selectByKeyboard(page, 'Motive 2');
	const add = page.getByRole('textbox', { name: 'Add a figure' });
	const first = page.getByRole('textbox', { name: 'Figure 1' });
	const hintOf = async (field: typeof add) =>
		page.locator(`#${await field.getAttribute('aria-describedby')}`);

	// Keyboard noise around a number is said next to the field, and nothing is added.
	await add.fill('asdf 12 qwer');
	await expect(add).toHaveAttribute('aria-invalid', 'true');
	await expect(await hintOf(add)).toHaveText(
		/^“asdf 12 qwer”: “asdf” and “qwer” are not part of a figure;/
	);
	await add.press('Enter');
	await expect(add).toHaveValue('');
	await expect(await hintOf(add)).toHaveText(/^Not kept: “asdf 12 qwer”/);
	await expect(first).toHaveCount(0);

	// A count without a unit, with its span of years: read, shown, then kept on Enter.
	await add.fill('92 million 2018–2020');
	await expect(await hintOf(add)).toHaveText('Read as 92,000,000 · 2018–2020: Enter keeps it');
	await add.press('Enter');
	await expect(add).toHaveValue('');
	await expect(first).toHaveValue('92,000,000 · 2018–2020');

	// Changing it: a new reading replaces it; what cannot be read leaves the stored figure shown.
	await first.fill('about 1,000');
	await first.press('Enter');
	await expect(first).toHaveValue('about 1,000');
	await first.fill('not 70%');
	await first.press('Enter');
	await expect(first).toHaveValue('about 1,000');
	await expect(await hintOf(first)).toHaveText(/^Not kept: “not 70%” says what the figure is not/);

	await first.press('Control+s');
	await saved(page);
	expect(fileOf(mapId).nodes.find((n: { id: string }) => n.id === 'motive-2').figures).toEqual([
		{ value: 1000, qualifier: 'about' }
	]);
});
