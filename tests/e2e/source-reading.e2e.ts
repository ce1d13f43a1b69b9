/**
 * Reading the source text beside the map (tests/e2e/fixtures/branch-libraries.map.json, an
 * op-ed of our own writing): the thesis is never replaced without asking, the keyboard's
 * sentence cursor is read out, the passage menu hides none of the lines being read, a statement
 * under the mouse marks its passages without moving the text, a pasted Markdown text shows
 * without its marks, and the map's columns are named by what they hold.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext } from '@playwright/test';
import { expect, test, type Locator, type Page } from './fixtures';
import { withFramesHeldBack } from './helpers';

const THESIS = 'The council should keep all four branch libraries open and save the money';

let mapId: string;
test.beforeEach(async ({ request, context }, info) => {
	await context.addInitScript(() => localStorage.setItem('warrant.author', 'Tester'));
	mapId = `reading-${info.workerIndex}-${Date.now().toString(36)}`;
	const r = await request.post('/api/maps', { data: { id: mapId, from: 'branch-libraries' } });
	expect(r.status()).toBe(201);
});

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Source text' });
const menuOf = (page: Page) =>
	panelOf(page).getByRole('toolbar', { name: 'Make the selected passage into' });

/** Choose sentences of paragraph `n` by keyboard: → `right` times, then Shift+→ `extend` times. */
async function chooseSentences(page: Page, n: number, right: number, extend = 0) {
	await panelOf(page).getByLabel(`Paragraph ${n}`, { exact: true }).focus();
	for (let i = 0; i < right; i++) await page.keyboard.press('ArrowRight');
	for (let i = 0; i < extend; i++) await page.keyboard.press('Shift+ArrowRight');
	await expect(menuOf(page)).toBeVisible();
}

async function thesisText(page: Page): Promise<string> {
	return (await page.getByRole('button', { name: /^Thesis:/ }).getAttribute('aria-label')) ?? '';
}

test('what is typed at once after R on a passage goes into the new reason', async ({ page }) => {
	await page.goto(`/maps/${mapId}`);
	await page.waitForLoadState('networkidle');
	// R in a paragraph with no passage chosen says how to choose one; nothing is made.
	await panelOf(page).getByLabel('Paragraph 4', { exact: true }).focus();
	await page.keyboard.press('r');
	await expect(page.getByText(/Choose a passage first: → picks the next sentence/)).toBeVisible();
	await chooseSentences(page, 4, 2);
	const statements = page.locator('[data-node-id]');
	const before = await statements.count();
	// A key can come in the very next task after R's (a busy page takes the keys first): is the
	// new statement's field there by then? Otherwise that key goes nowhere and is lost.
	await page.evaluate(() => {
		const w = window as unknown as { __fieldByNextTask?: boolean };
		const next = new MessageChannel();
		next.port1.onmessage = () =>
			(w.__fieldByNextTask = !!document.querySelector('textarea[aria-label^="Text of"]'));
		addEventListener('keydown', () => next.port2.postMessage(0), { capture: true, once: true });
	});
	// Frames held back: every key below comes before the field takes the focus by itself.
	await withFramesHeldBack(page, async () => {
		await page.keyboard.press('r');
		await page.keyboard.type('Xyz claims are slow to file.');
		await page.keyboard.press('Enter');
	});
	expect(
		await page.evaluate(() => (window as { __fieldByNextTask?: boolean }).__fieldByNextTask)
	).toBe(true);
	await expect(statements).toHaveCount(before + 1);
	await expect(
		page.locator('[data-node-id]').filter({ hasText: 'Xyz claims are slow to file.' })
	).toHaveCount(1);
	await expect(page.getByRole('textbox', { name: /Text of the statement/ })).toHaveCount(0);
});

test('T asks before it replaces the thesis: Escape keeps it, Enter replaces it in one undo step', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	expect(await thesisText(page)).toContain(THESIS);
	await chooseSentences(page, 4, 2);
	await page.keyboard.press('t');
	const ask = menuOf(page).getByRole('group', { name: /The map’s thesis says “The council/ });
	await expect(ask).toBeVisible();
	await expect(panelOf(page).locator('[aria-live="polite"]')).toContainText(
		'Enter replaces its wording with this passage, H anchors the thesis here instead, Escape keeps it.'
	);
	expect(await violations(page)).toEqual([]);
	// Escape keeps the thesis and goes back to the menu; nothing was changed.
	await page.keyboard.press('Escape');
	await expect(ask).toBeHidden();
	await expect(menuOf(page).getByRole('button', { name: /^Thesis/ })).toBeVisible();
	expect(await thesisText(page)).toContain(THESIS);
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
	// T, then Enter: the wording is the passage's, opened for putting into the reader's words.
	await page.keyboard.press('t');
	await expect(ask).toBeVisible();
	await page.keyboard.press('Enter');
	const box = page.getByRole('textbox', { name: /Text of the statement/ });
	await expect(box).toBeFocused();
	await expect(box).toHaveValue(/When a resident cannot file a housing benefit claim/);
	await page.keyboard.press('Escape');
	expect(await thesisText(page)).toContain('When a resident cannot file');
	// One undo step gives the thesis back, and there is no other.
	await page.getByRole('button', { name: 'Undo' }).click();
	expect(await thesisText(page)).toContain(THESIS);
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('the question offers to anchor the thesis at the passage instead, by H or by mouse', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	const panel = panelOf(page);
	// The panel loads when first shown: count its highlights once it is there.
	await expect(panel.locator('mark[data-nodes~="thesis"]').first()).toBeVisible();
	const before = await panel.locator('mark[data-nodes~="thesis"]').count();
	await chooseSentences(page, 4, 2);
	await page.keyboard.press('t');
	await page.keyboard.press('h');
	await expect(menuOf(page)).toBeHidden();
	expect(await thesisText(page)).toContain(THESIS);
	await expect(panel.locator('mark[data-nodes~="thesis"]')).toHaveCount(before + 1);
	await expect(
		panel.locator('mark[data-nodes~="thesis"]', { hasText: 'When a resident cannot file' })
	).toHaveCount(1);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(panel.locator('mark[data-nodes~="thesis"]')).toHaveCount(before);
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
	// By mouse: the menu's Thesis button asks too; its answer takes the focus, "Keep it" gives
	// the menu back.
	await chooseSentences(page, 5, 1);
	await menuOf(page)
		.getByRole('button', { name: /^Thesis/ })
		.click();
	await expect(menuOf(page).getByRole('button', { name: /^Replace wording/ })).toBeFocused();
	await menuOf(page)
		.getByRole('button', { name: /^Keep it/ })
		.click();
	await expect(menuOf(page).getByRole('button', { name: /^Thesis/ })).toBeVisible();
	expect(await thesisText(page)).toContain(THESIS);
});

test('each move of the sentence cursor is read out: which sentence, which paragraph, first words', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	const live = panelOf(page).locator('[aria-live="polite"]');
	await chooseSentences(page, 4, 1);
	await expect(live).toHaveText('Sentence 1 of paragraph 4 chosen: That is my first reason: the…');
	await page.keyboard.press('ArrowRight');
	await expect(live).toHaveText('Sentence 2 of paragraph 4 chosen: When a resident cannot file a…');
	await page.keyboard.press('Shift+ArrowRight');
	await expect(live).toHaveText(
		'Sentences 2 to 3 of paragraph 4 chosen: When a resident cannot file a…'
	);
});

/** The boxes of the chosen passage's lines, in the page. */
async function chosenLines(page: Page) {
	return panelOf(page)
		.locator('.chosen')
		.evaluateAll((els) =>
			els.flatMap((el) => [...el.getClientRects()].map((r) => ({ top: r.top, bottom: r.bottom })))
		);
}

/** The menu hides neither the chosen lines nor the line after them, and stays in the text. */
async function expectClearOfPassage(page: Page, body: Locator) {
	const menu = (await menuOf(page).boundingBox())!;
	const lines = await chosenLines(page);
	const top = Math.min(...lines.map((l) => l.top));
	const bottom = Math.max(...lines.map((l) => l.bottom));
	const line = bottom - Math.max(...lines.map((l) => l.top));
	const overlaps = menu.y < bottom + line && menu.y + menu.height > top;
	expect(overlaps, `menu ${menu.y}–${menu.y + menu.height}, passage ${top}–${bottom}`).toBe(false);
	const text = (await body.boundingBox())!;
	expect(menu.x).toBeGreaterThanOrEqual(text.x - 1);
	expect(menu.x + menu.width).toBeLessThanOrEqual(text.x + text.width + 1);
	expect(menu.y).toBeGreaterThanOrEqual(text.y - 1);
	expect(menu.y + menu.height).toBeLessThanOrEqual(text.y + text.height + 1);
}

test('the passage menu hides neither the chosen lines nor the next one, and stays in the panel', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	const body = panelOf(page).locator('.body');
	// A mouse selection over two lines of paragraph 1: room above, so the menu goes above.
	const first = panelOf(page).getByLabel('Paragraph 1', { exact: true });
	const p = (await first.boundingBox())!;
	await page.mouse.move(p.x + 60, p.y + 8);
	await page.mouse.down();
	await page.mouse.move(p.x + 250, p.y + 30, { steps: 5 });
	await page.mouse.up();
	await expect(menuOf(page)).toBeVisible();
	await expectClearOfPassage(page, body);
	expect((await menuOf(page).boundingBox())!.y).toBeLessThan((await chosenLines(page))[0]!.top);
	await page.keyboard.press('Escape');
	await expect(menuOf(page)).toBeHidden();
	// By keyboard, a sentence at the top of the part in view: no room above, so below.
	await chooseSentences(page, 4, 2);
	await body.evaluate((el) => {
		const chosen = el.querySelector('.chosen')!;
		el.scrollTop += chosen.getBoundingClientRect().top - el.getBoundingClientRect().top - 2;
	});
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowLeft');
	await expect(menuOf(page)).toBeVisible();
	await expectClearOfPassage(page, body);
	expect((await menuOf(page).boundingBox())!.y).toBeGreaterThan((await chosenLines(page))[0]!.top);
	// The question that replaces the buttons keeps clear of the passage too.
	await page.keyboard.press('t');
	await expect(menuOf(page).getByRole('button', { name: /^Replace wording/ })).toBeVisible();
	await expectClearOfPassage(page, body);
});

test('a statement under the mouse marks its passages without moving the text', async ({ page }) => {
	await page.goto(`/maps/${mapId}`);
	const panel = panelOf(page);
	const body = panel.locator('.body');
	const scrolled = () => body.evaluate((el) => el.scrollTop);
	const at = await scrolled();
	await page.getByRole('button', { name: /^Thesis:/ }).hover();
	await expect(panel.locator('mark.hovered')).not.toHaveCount(0);
	await expect(panel.locator('mark.hovered').first()).toHaveAttribute('data-nodes', /\bthesis\b/);
	// A passage out of view is pointed to at the edge; the text stays where it is.
	await page.getByRole('button', { name: /^Reason 3:/ }).hover();
	await expect(panel.locator('mark.hovered')).toHaveCount(1);
	await expect(panel.locator('.edge')).toContainText('Reason 3: paragraph 6');
	expect(await scrolled()).toBe(at);
	// Leaving the statement clears the marks.
	await page.mouse.move(700, 880);
	await expect(panel.locator('mark.hovered')).toHaveCount(0);
	await expect(panel.locator('.edge')).toHaveCount(0);
});

/** A new map of a thesis and `reasons` empty reasons, without a text; its id. */
async function newMap(request: APIRequestContext, suffix: string, reasons: number) {
	const id = `${mapId}-${suffix}`;
	const r = await request.post('/api/maps', {
		data: { id, source: { title: 'Night buses' }, thesis: 'Keep the night buses', reasons }
	});
	expect(r.status()).toBe(201);
	return id;
}

test('a pasted Markdown text shows without its marks', async ({ page, request }) => {
	await page.goto(`/maps/${await newMap(request, 'md', 2)}`);
	await page.getByRole('button', { name: 'Text', exact: true }).click();
	await panelOf(page).getByRole('button', { name: 'Attach the text…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Attach the text' });
	await dialog
		.getByLabel('Paste the text')
		.fill(readFileSync('tests/fixtures/texts/night-buses.md', 'utf8'));
	await expect(dialog.getByRole('checkbox', { name: 'Markdown' })).toBeChecked();
	await dialog.getByRole('button', { name: 'Attach', exact: true }).click();
	const body = panelOf(page).locator('.body');
	await expect(body).toContainText('calls them a luxury that costs *too much* for too few');
	await expect(body).toContainText("(see the board's appendix) puts the saving at £410,000 a year");
	const shown = await body.innerText();
	for (const mark of ['**', '`', '\\', '](', '> ', '_Opinion', 'https://'])
		expect(shown).not.toContain(mark);
});

test('a column of the map is named by what it holds', async ({ page, request }) => {
	// Reasons alone: the thesis's three empty reasons.
	await page.goto(`/maps/${await newMap(request, 'cols', 3)}`);
	await expect(
		page.getByRole('button', { name: 'Reasons for Thesis: 3 items. Fold them away' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: /^Evidence for/ })).toHaveCount(0);
	// Evidence alone, then a reason added beside it.
	await page.goto(`/maps/${mapId}`);
	const who = page.getByRole('button', { name: /for Who uses them:/ });
	await expect(who).toHaveAccessibleName('Evidence for Who uses them: 2 items. Fold them away');
	const map = JSON.parse(readFileSync('tests/e2e/fixtures/branch-libraries.map.json', 'utf8'));
	map.nodes.push({ id: 'walkers', kind: 'claim', text: 'Most visitors walk.', origin: 'source' });
	map.links.push({
		id: 'l-walkers',
		from: 'walkers',
		to: 'who-uses',
		relation: 'supports',
		origin: 'source'
	});
	const mixed = `${mapId}-mixed`;
	expect((await request.post('/api/maps', { data: { id: mixed, map } })).status()).toBe(201);
	await page.goto(`/maps/${mixed}`);
	await expect(who).toHaveAccessibleName(
		'Reasons and evidence for Who uses them: 1 reason, 2 pieces of evidence. Fold them away'
	);
});

async function violations(page: Page) {
	const r = await new AxeBuilder({ page })
		.include('aside')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
