/**
 * Not shown is not shown false: questioning a statement (Q) puts the burden on it, and a link
 * the text does not state is marked inferred, drawn dotted with the word, and hidden by "Stated
 * only". Works on its own copy of the article map.
 */
import { expect, test, type Page } from './fixtures';
import { detailsPanel, map, statementName } from './helpers';

let mapId: string;
test.beforeEach(async ({ request }, info) => {
	mapId = `burden-${info.workerIndex}-${Date.now().toString(36)}`;
	const r = await request.post('/api/maps', { data: { id: mapId, from: 'japan-mongolia' } });
	expect(r.status()).toBe(201);
});

async function select(page: Page, text: string) {
	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	await find.fill(text);
	await find.press('Enter');
	await expect(detailsPanel(page)).toBeVisible();
	await find.press('Escape');
}

// A piece of evidence with nothing under it: presumed until questioned.
const leaf = map.nodes.find(
	(n) => n.kind === 'evidence' && !map.links.some((l) => l.to === n.id && l.relation === 'supports')
)!;

test('Q questions a statement: not established, not defeated; Q again withdraws it', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await page.waitForLoadState('networkidle');
	await select(page, leaf.text.slice(0, 40));
	const evaluation = detailsPanel(page).getByRole('region', { name: 'Evaluation' });
	await expect(evaluation).toContainText('holds');
	await expect(evaluation).toContainText('taken as given until questioned');

	// The key asks for the reader's name once, then questions the statement.
	await page.getByRole('button', { name: statementName(leaf) }).focus();
	await page.keyboard.press('q');
	const nameDialog = page.getByRole('dialog', { name: 'Your name' });
	await nameDialog.getByRole('textbox', { name: 'Name' }).fill('Tester');
	await nameDialog.getByRole('button', { name: 'Continue' }).click();
	await expect(evaluation).toContainText('not established');
	await expect(evaluation).toContainText(
		'questioned by Tester and no reason is given for it; nothing shows it false'
	);
	const box = page.getByRole('button', { name: /, questioned$/ });
	await expect(box).toHaveCount(1);
	await expect(box.locator('.status.unestablished')).toHaveCount(1);
	await expect(box.locator('text', { hasText: 'questioned' })).toHaveCount(1);
	await expect(detailsPanel(page).getByRole('group', { name: 'Question' })).toContainText(
		'Questioned by Tester'
	);

	// Withdrawn with the button; asked again with a note from the panel.
	await detailsPanel(page).getByRole('button', { name: 'Withdraw the question' }).click();
	await expect(evaluation).toContainText('holds');
	const ask = detailsPanel(page).getByRole('textbox', { name: 'Ask for a reason' });
	await ask.fill('Which source gives this figure?');
	await ask.press('Enter');
	await expect(detailsPanel(page).getByRole('group', { name: 'Question' })).toContainText(
		'Questioned by Tester: Which source gives this figure?'
	);
	// Undo takes the question back.
	await page.keyboard.press('Control+z');
	await expect(evaluation).toContainText('holds');
});

test('a link marked inferred is drawn dotted with the word, and "Stated only" hides it', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await page.waitForLoadState('networkidle');
	// A stated link from evidence to a motive that is drawn as a line of its own (a column's
	// line stands for several links).
	const candidates = map.links.filter(
		(l) =>
			/^Motive \d/.test(map.nodes.find((n) => n.id === l.to)?.label ?? '') &&
			l.relation === 'supports' &&
			(l as { inText?: string }).inText !== 'inferred' &&
			map.nodes.find((n) => n.id === l.from)?.kind === 'evidence'
	);
	let chosen: (typeof candidates)[number] | undefined;
	for (const l of candidates)
		if ((await page.locator(`path.edge[data-links="${l.id}"]`).count()) === 1) {
			chosen = l;
			break;
		}
	expect(chosen, 'a stated evidence link drawn on its own').toBeDefined();
	const line = page.locator(`path.edge[data-links="${chosen!.id}"]`);
	const from = map.nodes.find((n) => n.id === chosen!.from)!;
	const target = map.nodes.find((n) => n.id === chosen!.to)!;
	const inferredWords = page.locator('text.inferred-word');
	const before = await inferredWords.count();
	await expect(line).not.toHaveClass(/inferred/);

	await select(page, from.text.slice(0, 40));
	// The statement's panel lists its links; the link's own panel has the toggle.
	await detailsPanel(page)
		.getByRole('group', { name: 'Its links' })
		.getByRole('button', { name: `Supports ${target.label}` })
		.click();
	const toggle = page
		.getByRole('complementary', { name: 'Details of the selected link' })
		.getByRole('button', { name: 'Inferred' });
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await expect(line).toHaveClass(/inferred/);
	await expect
		.poll(() => line.evaluate((p) => getComputedStyle(p).strokeDasharray))
		.toMatch(/^2(px)?,? 4/);
	await expect(inferredWords).toHaveCount(before + 1);

	// What follows says what the text itself gives the motive.
	await page.getByRole('button', { name: 'What follows' }).click();
	const follows = page.getByRole('complementary', { name: 'What follows' });
	await expect(
		follows.getByRole('listitem').filter({ hasText: target.label! }).first()
	).toContainText(/\d+ links? inferred\./);

	// As written shows it; "Stated only" leaves the text's own skeleton.
	await page.getByRole('button', { name: 'As written' }).click();
	const edges = page.locator('path.edge');
	const all = await edges.count();
	await page.getByRole('button', { name: 'Stated only' }).click();
	await expect(page.getByRole('button', { name: 'Stated only' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect.poll(() => edges.count()).toBeLessThan(all);
	await expect(inferredWords).toHaveCount(0);
});
