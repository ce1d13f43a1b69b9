/**
 * Links are first-class on the canvas: a line is clicked (or reached with K from a statement),
 * announced and shown in the details, and U undercuts that very link. Each test works on its
 * own copy of the article map, at a small laptop's window.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { map } from './helpers';

const dir = process.env.E2E_ARGUMENTS_DIR!;
const fileOf = (
	id: string
): { links: { id: string; from: string; to: string; relation: string }[] } =>
	JSON.parse(readFileSync(join(dir, `${id}.map.json`), 'utf8'));

test.use({ viewport: { width: 1024, height: 768 } });

let mapId: string;
test.beforeEach(async ({ request, context }, info) => {
	await context.addInitScript(() => localStorage.setItem('warrant.author', 'Tester'));
	mapId = `links-${info.workerIndex}-${Date.now().toString(36)}`;
	const r = await request.post('/api/maps', {
		data: { id: mapId, from: 'japan-mongolia', owner: 'Tester' }
	});
	expect(r.status()).toBe(201);
});

const announced = (page: Page) => page.locator('.canvas [aria-live="polite"]');
const linkDetails = (page: Page) =>
	page.getByRole('complementary', { name: 'Details of the selected link' });

/** Write the undercut just opened for its text, keep it, save, and read the saved file. */
async function writeAndSave(page: Page, text: string) {
	const box = page.getByRole('textbox', { name: /Text of the statement/ });
	await expect(box).toBeFocused();
	await page.keyboard.type(text);
	await page.keyboard.press('Enter');
	await page.keyboard.press('Control+s');
	await expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();
	const file = fileOf(mapId);
	const cut = file.links.find(
		(l) => l.relation === 'undercuts' && !map.links.some((m) => m.id === l.id)
	);
	return cut;
}

/** Click the line of link `id` on a point of the line itself, on screen and not under a box. */
async function clickLine(page: Page, id: string) {
	const hit = page.locator(`.hit[data-links="${id}"]`);
	// A path's box centre may lie off the line: the point halfway along it.
	const at = await hit.evaluate((el: SVGPathElement) => {
		const p = el.getPointAtLength(el.getTotalLength() / 2);
		const m = el.getScreenCTM()!;
		return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
	});
	expect(
		await page.evaluate(
			({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('data-links'),
			at
		)
	).toBe(id);
	await page.mouse.click(at.x, at.y);
}

test('a line clicked is selected, announced and detailed; U undercuts that link', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	const id = 's-motive-3-to-thesis';
	await clickLine(page, id);

	await expect(announced(page)).toHaveText(
		'Link selected: Motive 3 supports the thesis (stated) — U undercuts it, Delete removes it'
	);
	await expect(linkDetails(page)).toBeVisible();
	await expect(linkDetails(page).getByRole('button', { name: 'Motive 3' })).toBeVisible();
	await expect(linkDetails(page).getByRole('button', { name: 'Thesis' })).toBeVisible();
	await expect(linkDetails(page).getByRole('combobox', { name: 'Strength' })).toBeVisible();
	await expect(linkDetails(page).getByRole('button', { name: 'Inferred' })).toHaveAttribute(
		'aria-pressed',
		'false'
	);
	// Drawn clearly: the halo under its line.
	await expect(page.locator('.halo')).toHaveCount(1);
	await page.screenshot({ path: 'tests/artifacts/links-selected.png' });

	await page.keyboard.press('u');
	const cut = await writeAndSave(page, 'Stating a motive is not showing it was the motive.');
	expect(cut).toMatchObject({ to: id });
});

test('Escape on a line clicked lets go of it: nothing is selected, the canvas keeps the keys', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await page.waitForLoadState('networkidle');
	await clickLine(page, 's-motive-3-to-thesis');
	await expect(linkDetails(page)).toBeVisible();
	await page.screenshot({ path: 'tests/artifacts/links-clicked.png' });
	await page.keyboard.press('Escape');
	await expect(linkDetails(page)).toHaveCount(0);
	await expect(
		page.getByRole('complementary', { name: 'Details of the selected statement' })
	).toHaveCount(0);
	await expect(page.locator('.canvas [aria-pressed="true"]')).toHaveCount(0);
	await expect(page.getByRole('application', { name: /^Argument map\./ })).toBeFocused();
	await page.screenshot({ path: 'tests/artifacts/links-let-go.png' });
});

test('by keyboard: K steps to the youth-year evidence’s link to Motive 5, U undercuts it', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	await find.fill('year of youth exchange');
	await find.press('Enter');
	await expect(
		page.getByRole('complementary', { name: 'Details of the selected statement' })
	).toBeVisible();
	// Find brings the statement in at a readable scale, whatever the opening zoom.
	const scale = await page
		.locator('.canvas svg > g')
		.getAttribute('transform')
		.then((t) => Number(/scale\(([\d.]+)\)/.exec(t ?? '')?.[1]));
	expect(scale).toBeGreaterThanOrEqual(0.8);
	await find.press('Escape');
	const evidence = page.getByRole('button', { name: /year of youth exchange and friendship/ });
	await expect(evidence).toBeFocused();

	// U on a statement with two steps asks which, naming where each goes.
	await page.keyboard.press('u');
	const ask = page.getByRole('dialog', { name: /Undercut which step/ });
	await expect(ask.getByRole('button', { name: /Education & youth/ })).toBeVisible();
	await expect(ask.getByRole('button', { name: /Motive 5/ })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(ask).toHaveCount(0);
	await evidence.focus();

	await page.keyboard.press('k');
	await expect(announced(page)).toContainText('supports Education & youth (stated)');
	await page.keyboard.press('k');
	await expect(announced(page)).toContainText('supports Motive 5 (inferred)');
	await expect(linkDetails(page).getByRole('button', { name: 'Motive 5' })).toBeVisible();
	await expect(evidence).toBeFocused();
	await page.screenshot({ path: 'tests/artifacts/links-keyboard.png' });

	await page.keyboard.press('u');
	const cut = await writeAndSave(page, 'A year of exchanges shows friendship, not a motive.');
	expect(cut).toMatchObject({ to: 's-youth-year-to-motive-5' });
});

test('Delete on a selected link removes the link, not its statement; Escape goes back', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	await find.fill('year of youth exchange');
	await find.press('Enter');
	await find.press('Escape');
	const evidence = page.getByRole('button', { name: /year of youth exchange and friendship/ });
	await page.keyboard.press('k');
	await expect(linkDetails(page)).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(
		page.getByRole('complementary', { name: 'Details of the selected statement' })
	).toBeVisible();
	await expect(evidence).toBeFocused();
	const before = await page.locator('.canvas').boundingBox();
	await page.keyboard.press('k');
	await page.keyboard.press('Delete');
	await expect(page.getByRole('status').filter({ hasText: 'Link removed' })).toBeVisible();
	await expect(evidence).toBeVisible();
	await page.screenshot({ path: 'tests/artifacts/links-removed.png' });
	await expect(page.locator('.hit[data-links~="s-youth-year-to-education"]')).toHaveCount(0);
	// The notice lies over the map: the canvas has not moved.
	expect(await page.locator('.canvas').boundingBox()).toEqual(before);
	await page.keyboard.press('Control+z');
	await expect(page.locator('.hit[data-links~="s-youth-year-to-education"]')).toHaveCount(1);
});
