/**
 * The source text beside the map, on a map of an op-ed of our own writing that carries its
 * text (tests/e2e/fixtures/branch-libraries.map.json): highlights both ways, the coverage
 * line, and a passage made into an anchored statement by keyboard, saved and found again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const dir = process.env.E2E_ARGUMENTS_DIR!;
const fileOf = (id: string) => JSON.parse(readFileSync(join(dir, `${id}.map.json`), 'utf8'));

let mapId: string;
test.beforeEach(async ({ request, context }, info) => {
	await context.addInitScript(() => localStorage.setItem('warrant.author', 'Tester'));
	mapId = `source-${info.workerIndex}-${Date.now().toString(36)}`;
	const r = await request.post('/api/maps', {
		data: { id: mapId, from: 'branch-libraries', owner: 'Tester' }
	});
	expect(r.status()).toBe(201);
});

test('the text beside the map: coverage, highlights both ways, unmapped paragraphs', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	const panel = page.getByRole('complementary', { name: 'Source text' });
	await expect(panel).toBeVisible();
	await expect(panel.getByRole('status')).toContainText(/\d+ of \d+ paragraphs mapped/);
	// Map → text: selecting Reason 2 marks its passage.
	await page.getByRole('button', { name: /^Reason 2:/ }).click();
	await expect(panel.locator('mark.active').first()).toBeVisible();
	await expect(panel.locator('mark.active').first()).toContainText(/homework|club/i);
	// Text → map: clicking the thesis's passage selects the thesis.
	await panel.locator('mark[data-nodes~="thesis"]').first().click();
	await expect(
		page.getByRole('complementary', { name: 'Details of the selected statement' })
	).toContainText('Thesis');
	// The text panel does not cover the map: the thesis box stays clear of it.
	const panelBox = (await panel.boundingBox())!;
	const thesisBox = (await page.getByRole('button', { name: /^Thesis:/ }).boundingBox())!;
	expect(thesisBox.x).toBeGreaterThanOrEqual(panelBox.x + panelBox.width - 1);
});

test('a passage becomes an anchored statement by keyboard, and is found again after saving', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	// Find centres Reason 1 on the map (the map is wider than the space beside the text).
	await page.getByRole('searchbox', { name: 'Find a statement' }).fill('cheap way to deliver');
	await page.getByRole('searchbox', { name: 'Find a statement' }).press('Enter');
	const panel = page.getByRole('complementary', { name: 'Source text' });
	// Paragraph 4 argues Reason 1: take its second sentence as evidence.
	await panel.getByLabel('Paragraph 4', { exact: true }).focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(
		panel.getByRole('toolbar', { name: 'Make the selected passage into' })
	).toBeVisible();
	await page.keyboard.press('e');
	const box = page.getByRole('textbox', { name: /Text of the statement/ });
	await expect(box).toBeFocused();
	const copied = await box.inputValue();
	expect(copied.length).toBeGreaterThan(10);
	// Kept as it is, the details say how much is still word for word.
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('complementary', { name: 'Details of the selected statement' })
	).toContainText('Still word for word');
	await page.keyboard.press('Control+s');
	await expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();
	const file = fileOf(mapId);
	const added = file.nodes.find((n: { text: string }) => n.text === copied.replace(/\s+/g, ' '));
	expect(added.anchors[0]).toMatchObject({ paragraph: 4 });
	expect(added.anchors[0].start).toBeGreaterThan(0);
	expect(file.links).toContainEqual(
		expect.objectContaining({ from: added.id, to: 'reason-services', relation: 'supports' })
	);
	await page.reload();
	await expect(
		page
			.getByRole('complementary', { name: 'Source text' })
			.locator(`mark[data-nodes~="${added.id}"]`)
	).toHaveCount(1);
});

test('an anchor typed by hand is checked against the attached text', async ({ page }) => {
	await page.goto(`/maps/${mapId}`);
	await page.getByRole('searchbox', { name: 'Find a statement' }).fill('homework clubs give');
	await page.getByRole('searchbox', { name: 'Find a statement' }).press('Enter');
	const anchor = page.getByRole('group', { name: 'Anchor 1' });
	const paragraph = anchor.getByRole('spinbutton', { name: 'Paragraph' });
	await paragraph.focus();
	await paragraph.fill('99');
	await paragraph.press('Enter');
	await expect(anchor.getByRole('alert')).toContainText('there is no paragraph 99');
	await expect(paragraph).toHaveValue('5');
	const quote = anchor.getByRole('textbox', { name: /Quote/ });
	await quote.fill('words that this op-ed never uses');
	await quote.press('Enter');
	await expect(anchor.getByRole('alert')).toContainText('is not in paragraph 5');
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
