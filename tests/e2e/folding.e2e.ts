/**
 * Folding a statement's subtree away: by key (Z), by mouse (the switch on the selected box, its
 * "+N hidden" badge, the context menu); what is found unfolds; the fold is this browser's view,
 * kept across a reload and never an edit of the map.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import {
	artifact,
	boxOf,
	canvas,
	detailsPanel,
	expectInside,
	map,
	node,
	openMap,
	thesis,
	type Box
} from './helpers';

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

/** A claim whose subtree argues for nothing else (checked below): its count is plain. */
const m3 = node('health');
const hidden = under(m3.id);
const first = map.nodes.find((n) => n.id === [...hidden][0])!;

const statement = (page: Page, id: string) => canvas(page).locator(`[data-node-id="${id}"]`);
const badge = (page: Page) =>
	page.getByRole('button', {
		name: `Unfold ${m3.label}: ${hidden.size} statements hidden`,
		exact: true
	});

/** Find a statement with the find box (Enter); returns the box. */
async function findText(page: Page, text: string) {
	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	await find.fill(text.slice(0, 40));
	await find.press('Enter');
	return find;
}

/** Find the claim (it lies off the opening view), centre it and give it the keyboard. */
async function pick(page: Page) {
	await (await findText(page, m3.text)).press('Escape');
	await expect(statement(page, m3.id)).toBeFocused();
}

/** Find the first statement under the claim: it is drawn and selected. */
async function findFirst(page: Page) {
	await findText(page, first.text);
	await expect(statement(page, first.id)).toHaveCount(1);
	await expect(statement(page, first.id)).toHaveAttribute('aria-pressed', 'true');
}

test.beforeAll(() => {
	// The count below is plain only if nothing under the claim argues for anything else too.
	for (const id of hidden)
		for (const l of map.links.filter((x) => x.from === id))
			expect(l.to === m3.id || hidden.has(l.to), `${id} → ${l.to}`).toBe(true);
	expect(hidden.size).toBeGreaterThan(2);
});

test('Z folds the selected statement to "+N hidden" and unfolds it again', async ({ page }) => {
	await openMap(page);
	await pick(page);
	await expect(statement(page, first.id)).toHaveCount(1);
	await page.keyboard.press('z');
	await expect(badge(page)).toBeVisible();
	await expect(badge(page).locator('text')).toHaveText(`+${hidden.size} hidden`);
	for (const id of hidden) await expect(statement(page, id)).toHaveCount(0);
	await expect(statement(page, m3.id)).toHaveAccessibleName(
		new RegExp(`folded: ${hidden.size} statements hidden under it$`)
	);
	await expect(page.getByRole('status').filter({ hasText: `${m3.label} folded` })).toBeVisible();
	// A view, not an edit: nothing to save, nothing to undo.
	await expect(page.getByText('All changes saved')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
	await page.screenshot({ path: artifact('folded-health.png') });

	await page.keyboard.press('z');
	await expect(badge(page)).toHaveCount(0);
	await expect(statement(page, first.id)).toHaveCount(1);
});

test.describe('on a 1024×768 laptop', () => {
	test.use({ viewport: { width: 1024, height: 768 } });

	test('the fold’s message lies over the map, clear of the details and the thesis', async ({
		page
	}) => {
		const apart = (a: Box, b: Box, what: string) =>
			expect(
				a.x + a.width <= b.x + 1 ||
					b.x + b.width <= a.x + 1 ||
					a.y + a.height <= b.y + 1 ||
					b.y + b.height <= a.y + 1,
				`the message at ${JSON.stringify(a)} covers ${what} at ${JSON.stringify(b)}`
			).toBe(true);
		await openMap(page);
		await page.getByRole('button', { name: /^Motive 2:/ }).click();
		const heading = detailsPanel(page).getByRole('heading', { name: 'Motive 2' });
		await expect(heading).toBeVisible();
		await page.keyboard.press('z');
		const message = page.getByRole('status').filter({ hasText: 'Motive 2 folded' });
		await expect(message).toBeVisible();
		const box = await boxOf(message);
		expectInside(box, await boxOf(canvas(page)), 'the message');
		apart(box, await boxOf(detailsPanel(page)), 'the details');
		apart(box, await boxOf(heading), 'the details’ heading');
		apart(box, await boxOf(canvas(page).locator(`[data-node-id="${thesis.id}"]`)), 'the thesis');
		await page.screenshot({ path: artifact('fold-message-1024.png') });
	});
});

test('the mouse folds with the switch on the box, unfolds with the badge, and the menu does both', async ({
	page
}) => {
	await openMap(page);
	await pick(page);
	await page.getByRole('button', { name: `Fold away what argues under ${m3.label}` }).click();
	await expect(badge(page)).toBeVisible();
	await badge(page).click();
	await expect(statement(page, first.id)).toHaveCount(1);

	await statement(page, m3.id).click({ button: 'right' });
	await page.getByRole('menuitem', { name: /Fold away what is under it/ }).click();
	await expect(badge(page)).toBeVisible();
	await statement(page, m3.id).click({ button: 'right' });
	await page.getByRole('menuitem', { name: `Unfold (+${hidden.size} hidden) Z` }).click();
	await expect(badge(page)).toHaveCount(0);
	await expect(statement(page, first.id)).toHaveCount(1);
});

test('a fold is kept in this browser across a reload, and finding a hidden statement opens it', async ({
	page
}) => {
	await openMap(page);
	await pick(page);
	await page.keyboard.press('z');
	await expect(badge(page)).toBeVisible();
	const drawn = canvas(page).locator('[data-node-id]');
	await expect(drawn).toHaveCount(map.nodes.length - hidden.size);

	// The server is told the folds (a cookie on the map's path): the page arrives folded, so it
	// is never drawn unfolded first.
	const html = await (await page.request.get(page.url())).text();
	expect(html).toContain(`data-node-id="${m3.id}"`);
	expect(html).not.toContain(`data-node-id="${first.id}"`);
	expect(html).toContain(`${hidden.size} statements hidden`);
	// …on that map's path only: no other page carries it.
	const cookie = (await page.context().cookies()).find((c) => c.name === 'warrant-folded');
	expect(cookie?.path).toBe(new URL(page.url()).pathname);

	await page.reload();
	await page.waitForLoadState('networkidle');
	await expect(badge(page)).toBeVisible();
	await expect(statement(page, first.id)).toHaveCount(0);

	await findFirst(page);
	await expect(badge(page)).toHaveCount(0);
	await expect(drawn).toHaveCount(map.nodes.length);
});

test('finding a statement in a folded evidence list opens the list', async ({ page }) => {
	await openMap(page);
	await page.getByRole('button', { name: 'Fold evidence', exact: true }).click();
	await expect(statement(page, first.id)).toHaveCount(0);
	await findFirst(page);
});

test('a walkthrough step shows what a fold hid, and the fold opens', async ({ page }) => {
	await openMap(page);
	// The thesis's first reason in the file: the walkthrough's second step.
	const reason = map.links.find((l) => l.to === thesis.id && l.relation === 'supports')!.from;
	await statement(page, thesis.id).click();
	await page.keyboard.press('z');
	const thesisBadge = page.getByRole('button', { name: /^Unfold Thesis: \d+ statements hidden$/ });
	await expect(thesisBadge).toBeVisible();
	await expect(statement(page, reason)).toHaveCount(0);
	await page.keyboard.press('p');
	const present = page.getByRole('dialog');
	await expect(present).toBeVisible();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Escape');
	await expect(present).toHaveCount(0);
	await expect(thesisBadge).toHaveCount(0);
	await expect(statement(page, reason)).toHaveCount(1);
});

test('the map with a folded statement is accessible (axe)', async ({ page }) => {
	await openMap(page);
	await pick(page);
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
