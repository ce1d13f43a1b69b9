/**
 * The editor's dialogs and refusals end to end, as a new user met them: the actions menu, the
 * choice of which step to undercut, the pickers, circular links, and text that is refused.
 * Each test works on its own copy of the article map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { withFramesHeldBack } from './helpers';

const dir = process.env.E2E_ARGUMENTS_DIR!;
const fileOf = (id: string) => JSON.parse(readFileSync(join(dir, `${id}.map.json`), 'utf8'));

let mapId: string;
test.beforeEach(async ({ request, context }, info) => {
	await context.addInitScript(() => localStorage.setItem('warrant.author', 'Tester'));
	mapId = `dialogs-${info.workerIndex}-${Date.now().toString(36)}`;
	const r = await request.post('/api/maps', {
		data: { id: mapId, from: 'japan-mongolia', owner: 'Tester' }
	});
	expect(r.status()).toBe(201);
});

async function find(page: Page, text: string) {
	const box = page.getByRole('searchbox', { name: 'Find a statement' });
	await box.fill(text);
	await box.press('Enter');
	await box.press('Escape');
}

const editorBox = (page: Page) => page.getByRole('textbox', { name: /Text of the statement/ });

test('every item of the actions menu acts on its statement', async ({ page }) => {
	await page.goto(`/maps/${mapId}`);
	await find(page, 'Motive 4');
	await page.getByRole('button', { name: /^Motive 4:/ }).click({ button: 'right' });
	await page
		.getByRole('menu', { name: /Actions on Motive 4/ })
		.getByRole('menuitem', { name: /Add objection/ })
		.click();
	await expect(editorBox(page)).toBeFocused();
	await page.keyboard.type('Grants for roads may simply be what Mongolia asked for.');
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('button', { name: /Grants for roads may simply be what Mongolia asked/ })
	).toBeVisible();
	// By keyboard: Shift+F10, arrows, Enter.
	await page.getByRole('button', { name: /^Motive 4:/ }).click();
	await page.keyboard.press('Shift+F10');
	await expect(page.getByRole('menu', { name: /Actions on Motive 4/ })).toBeVisible();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('menu')).toHaveCount(0);
	await expect(editorBox(page)).toBeFocused();
	await page.keyboard.press('Escape');
});

test('U on evidence that supports two claims asks which step, and undercuts that one', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await find(page, 'year of youth exchange');
	await page.keyboard.press('u');
	const ask = page.getByRole('dialog', { name: /Undercut which step/ });
	await expect(ask).toBeVisible();
	await ask.getByRole('button', { name: /Motive 5/ }).click();
	await expect(editorBox(page)).toBeFocused();
	await page.keyboard.type('A friendship year shows goodwill, not a business plan.');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Control+s');
	await expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();
	const file = fileOf(mapId);
	const cut = file.nodes.find((n: { text: string }) => n.text.startsWith('A friendship year'));
	const step = file.links.find(
		(l: { from: string; to: string }) => l.from === 'youth-year' && l.to === 'motive-5'
	);
	expect(file.links).toContainEqual(
		expect.objectContaining({ from: cut.id, to: step.id, relation: 'undercuts' })
	);
});

test('Link to… and Move under… pick a statement; a circular reason is refused', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	// The thesis is what the motives support: making it a reason for Motive 1 is circular.
	await page.getByRole('button', { name: /^Thesis:/ }).click();
	await page.keyboard.press('l');
	const picker = page.getByRole('dialog', { name: /^Link/ });
	await picker.getByRole('combobox', { name: 'Statement' }).fill('Motive 1');
	await picker.getByRole('combobox', { name: 'Statement' }).press('Enter');
	await expect(page.getByRole('alert')).toContainText('circular');
	// A real link: the youth year as a reason for Motive 1.
	await find(page, 'year of youth exchange');
	await page.keyboard.press('l');
	await page
		.getByRole('dialog', { name: /^Link/ })
		.getByRole('combobox', { name: 'Statement' })
		.fill('Motive 1');
	await page
		.getByRole('dialog', { name: /^Link/ })
		.getByRole('combobox', { name: 'Statement' })
		.press('Enter');
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute(
		'title',
		/Link as reason/
	);
	// Move it under Motive 2.
	await find(page, 'year of youth exchange');
	await page.keyboard.press('m');
	await page
		.getByRole('dialog', { name: /^Move/ })
		.getByRole('combobox', { name: 'Statement' })
		.fill('Motive 2');
	await page
		.getByRole('dialog', { name: /^Move/ })
		.getByRole('combobox', { name: 'Statement' })
		.press('Enter');
	await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute(
		'title',
		/Move statement/
	);
});

test('text that is refused stays in the editor with the reason; an emptied new statement goes', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await find(page, 'Motive 3');
	// A new statement emptied and kept is not added at all.
	await page.keyboard.press('e');
	await editorBox(page).fill('');
	await page.keyboard.press('Enter');
	await expect(editorBox(page)).toHaveCount(0);
	await expect(page.getByRole('button', { name: /New evidence/ })).toHaveCount(0);
	await expect(page.getByRole('button', { name: /^Motive 3:/ })).toBeFocused();
	// Too long: refused in plain words, and what was typed is still there to shorten.
	await page.keyboard.press('e');
	const long = 'Budget support can buy goodwill. '.repeat(70);
	await editorBox(page).fill(long);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('alert')).toContainText('at most 2,000 characters');
	await expect(editorBox(page)).toHaveValue(long);
	await editorBox(page).fill('Budget support can buy goodwill.');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: /Budget support can buy goodwill/ })).toHaveCount(
		1
	);
	await expect(page.getByRole('button', { name: /New evidence/ })).toHaveCount(0);
});

test.describe('a reader with no name yet (a new browser)', () => {
	test.beforeEach(async ({ context }) => {
		// Run after the name the other tests are given: this browser has none.
		await context.addInitScript(() => localStorage.removeItem('warrant.author'));
	});

	for (const key of ['o', 'Tab'])
		test(`the name typed at once after ${key} goes whole into the name field`, async ({ page }) => {
			await page.goto(`/maps/${mapId}`);
			await find(page, 'Motive 2');
			await expect(page.getByRole('button', { name: /^Motive 2:/ })).toBeFocused();
			// The dialog is loaded, shown and focused a moment after the key: every key below
			// comes before that, and none of them may act on the map ("a" adds an assumption).
			await withFramesHeldBack(page, async () => {
				await page.keyboard.press(key);
				await page.keyboard.type('Ada Lind');
			});
			const dialog = page.getByRole('dialog', { name: 'Your name' });
			const name = dialog.getByRole('textbox', { name: 'Name' });
			await expect(name).toHaveValue('Ada Lind');
			await expect(name).toBeFocused();
			// Typing goes on where it was, and the name is taken.
			await page.keyboard.type('er');
			await page.keyboard.press('Enter');
			await expect(dialog).toHaveCount(0);
			expect(await page.evaluate(() => localStorage.getItem('warrant.author'))).toBe('Ada Linder');
			await expect(editorBox(page)).toBeFocused();
		});
});
