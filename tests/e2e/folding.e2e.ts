/**
 * Folding a statement's subtree away: by key (Z), by mouse (the switch on the selected box, its
 * "+N hidden" badge, the context menu); what is found unfolds; the fold is this browser's view,
 * kept across a reload and never an edit of the map.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { artifact, canvas, map, motive, openMap, statementName } from './helpers';

/** Everything under `id` in the file: what argues about it, and what argues about that. */
function under(id: string): Set<string> {
	const out = new Set<string>();
	const visit = (to: string) => {
		for (const l of map.links.filter((x) => x.to === to && x.relation !== 'undercuts'))
			for (const n of [l.from, ...(l.with ?? [])])
				if (n !== id && !out.has(n)) {
					out.add(n);
					visit(n);
				}
	};
	visit(id);
	return out;
}

const m3 = motive(3);
const hidden = under(m3.id);
const first = map.nodes.find((n) => n.id === [...hidden][0])!;

const statement = (page: Page, id: string) => canvas(page).locator(`[data-node-id="${id}"]`);
const badge = (page: Page) =>
	page.getByRole('button', {
		name: `Unfold Motive 3: ${hidden.size} statements hidden`,
		exact: true
	});

test.beforeAll(() => {
	// The count below is plain only if nothing under Motive 3 argues for anything else too.
	for (const id of hidden)
		for (const l of map.links.filter((x) => x.from === id))
			expect(l.to === m3.id || hidden.has(l.to), `${id} → ${l.to}`).toBe(true);
	expect(hidden.size).toBeGreaterThan(2);
});

test('Z folds the selected statement to "+N hidden" and unfolds it again', async ({ page }) => {
	await openMap(page);
	await page.getByRole('button', { name: statementName(m3) }).click();
	await expect(statement(page, first.id)).toHaveCount(1);
	await page.keyboard.press('z');
	await expect(badge(page)).toBeVisible();
	await expect(badge(page)).toHaveText(`+${hidden.size} hidden`);
	for (const id of hidden) await expect(statement(page, id)).toHaveCount(0);
	await expect(statement(page, m3.id)).toHaveAccessibleName(
		new RegExp(`folded: ${hidden.size} statements hidden under it$`)
	);
	await expect(page.getByRole('status').filter({ hasText: 'Motive 3 folded' })).toBeVisible();
	// A view, not an edit: nothing to save, nothing to undo.
	await expect(page.getByText('All changes saved')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
	await page.screenshot({ path: artifact('folded-motive-3.png') });

	await page.keyboard.press('z');
	await expect(badge(page)).toHaveCount(0);
	await expect(statement(page, first.id)).toHaveCount(1);
});

test('the mouse folds with the switch on the box, unfolds with the badge, and the menu does both', async ({
	page
}) => {
	await openMap(page);
	await page.getByRole('button', { name: statementName(m3) }).click();
	await page.getByRole('button', { name: 'Fold away what argues under Motive 3' }).click();
	await expect(badge(page)).toBeVisible();
	await badge(page).click();
	await expect(statement(page, first.id)).toHaveCount(1);

	await page.getByRole('button', { name: statementName(m3) }).click({ button: 'right' });
	await page.getByRole('menuitem', { name: /Fold away what is under it/ }).click();
	await expect(badge(page)).toBeVisible();
	await page.getByRole('button', { name: statementName(m3) }).click({ button: 'right' });
	await page.getByRole('menuitem', { name: `Unfold (+${hidden.size} hidden) Z` }).click();
	await expect(badge(page)).toHaveCount(0);
	await expect(statement(page, first.id)).toHaveCount(1);
});

test('a fold is kept in this browser across a reload, and finding a hidden statement opens it', async ({
	page
}) => {
	await openMap(page);
	await page.getByRole('button', { name: statementName(m3) }).click();
	await page.keyboard.press('z');
	await expect(badge(page)).toBeVisible();
	// The folded map is smaller.
	const svgBox = () =>
		canvas(page)
			.locator('svg > g[transform*="scale("]')
			.evaluate((g) => (g as SVGGElement).getBBox().height);
	const foldedHeight = await svgBox();

	await page.reload();
	await page.waitForLoadState('networkidle');
	await expect(badge(page)).toBeVisible();
	await expect(statement(page, first.id)).toHaveCount(0);

	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	await find.fill(first.text.slice(0, 40));
	await find.press('Enter');
	await expect(statement(page, first.id)).toHaveCount(1);
	await expect(statement(page, first.id)).toHaveAttribute('aria-pressed', 'true');
	await expect(badge(page)).toHaveCount(0);
	expect(await svgBox()).toBeGreaterThan(foldedHeight);
});

test('the map with a folded statement is accessible (axe)', async ({ page }) => {
	await openMap(page);
	await page.getByRole('button', { name: statementName(m3) }).click();
	await page.keyboard.press('z');
	await expect(badge(page)).toBeVisible();
	const r = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const bad = r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
	expect(bad).toEqual([]);
});
