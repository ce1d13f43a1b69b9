import { expect, test, type Page } from './fixtures';
import {
	boxOf,
	canvas,
	detailsPanel,
	expectInside,
	map,
	motive,
	node,
	openMap,
	panelHeading,
	reasonsOf,
	snippet,
	statementName,
	supportersOf,
	thesis,
	type FileNode
} from './helpers';

/** The id of the focused statement on the map, if a statement has focus. */
const focusedId = (page: Page) =>
	page.evaluate(() => document.activeElement?.getAttribute('data-node-id') ?? null);

/** Assert that the details panel shows `n`: its heading and its full text. */
async function expectPanelShows(page: Page, n: FileNode) {
	const panel = detailsPanel(page);
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText(panelHeading(n));
	await expect(panel).toContainText(n.text);
}

test.describe('reading a statement in the details panel', () => {
	test('Tab into the map, arrow keys to Motive 2: the panel shows its evidence', async ({
		page
	}) => {
		await openMap(page);

		// Real Tab presses from the top of the page until the thesis has focus.
		let tabs = 0;
		let label: string | null = null;
		while (tabs < 30) {
			await page.keyboard.press('Tab');
			tabs++;
			label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
			if (label?.startsWith('Thesis:')) break;
		}
		expect(label, `the thesis should take focus within 30 Tabs (took ${tabs})`).toMatch(/^Thesis:/);
		test.info().annotations.push({ type: 'tabs to the thesis', description: String(tabs) });
		expect(await focusedId(page)).toBe(thesis.id);
		// Focus alone does not select.
		await expect(detailsPanel(page)).toHaveCount(0);

		// Down to the thesis's first reason, then right along its siblings to Motive 2.
		const target = motive(2);
		const siblings = reasonsOf(thesis.id);
		const steps = siblings.indexOf(target.id);
		expect(steps, 'Motive 2 is a reason for the thesis').toBeGreaterThan(0);

		await page.keyboard.press('ArrowDown');
		await expect.poll(() => focusedId(page)).toBe(siblings[0]);
		await expectPanelShows(page, node(siblings[0]!));
		for (let i = 1; i <= steps; i++) {
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => focusedId(page)).toBe(siblings[i]);
		}
		// And one step back and forth: ArrowLeft is the reverse.
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => focusedId(page)).toBe(siblings[steps - 1]);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => focusedId(page)).toBe(target.id);

		const panel = detailsPanel(page);
		await expect(
			panel.getByRole('heading', { level: 2, name: 'Motive 2', exact: true })
		).toBeVisible();
		await expect(panel).toContainText(target.text);
		// Its kind and role above the heading, each said once.
		await expect(panel.locator('header .kind')).toHaveText(/^\s*Claim · reason\s*$/i);
		await page.keyboard.press('ArrowUp');
		await expect.poll(() => focusedId(page)).toBe(thesis.id);
		await expect(panel.locator('header .kind')).toHaveText(/^\s*Thesis\s*$/i);
		await page.keyboard.press('ArrowDown');
		for (let i = 1; i <= steps; i++) await page.keyboard.press('ArrowRight');
		await expect.poll(() => focusedId(page)).toBe(target.id);
		await expect(canvas(page).getByRole('button', { name: statementName(target) })).toHaveAttribute(
			'aria-pressed',
			'true'
		);

		const supporters = supportersOf(target.id);
		expect(supporters.length).toBeGreaterThan(0);
		const list = panel.getByRole('list', { name: 'Supported by' });
		await expect(list.getByRole('listitem')).toHaveCount(supporters.length);
		for (const [i, s] of supporters.entries()) {
			const item = list.getByRole('listitem').nth(i);
			if (s.label) await expect(item).toContainText(s.label);
			await expect(item).toContainText(snippet(s));
		}
		await expect(panel.getByRole('list', { name: 'Supports' })).toContainText(
			thesis.label ?? 'Thesis'
		);

		// Following a supporter from the panel shows it, and selects it on the map.
		const next = supporters.find((s) => s.kind === 'claim') ?? supporters[0]!;
		await list
			.getByRole('button')
			.filter({ hasText: snippet(next) })
			.click();
		await expectPanelShows(page, next);
		await expect(canvas(page).getByRole('button', { name: statementName(next) })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await expect(panel.getByRole('list', { name: 'Supports' })).toContainText(target.label!);

		// Escape closes the details.
		await page.keyboard.press('Escape');
		await expect(detailsPanel(page)).toHaveCount(0);
	});

	test('"Find a statement": typing Motive 4 and Enter shows it', async ({ page }) => {
		await openMap(page);
		const search = page.getByRole('searchbox', { name: /^Find a statement/ });
		await search.fill('Motive 4');
		const expected = map.nodes.filter((n) =>
			`${n.label ?? ''} ${n.text}`.toLowerCase().includes('motive 4')
		);
		await expect(page.getByText(`${expected.length} found`)).toBeVisible();
		await search.press('Enter');

		const target = motive(4);
		await expectPanelShows(page, target);
		// The focus stays in the box (Enter again goes to the next match); Escape hands it over.
		await expect(search).toBeFocused();
		await expect(page.getByText(`1 of ${expected.length}`)).toBeVisible();
		await search.press('Escape');
		await expect.poll(() => focusedId(page)).toBe(target.id);

		// The found statement is on screen and not hidden under the details panel.
		const stage = await boxOf(canvas(page));
		const panel = await boxOf(detailsPanel(page));
		const clear = { ...stage, width: panel.x - stage.x };
		expectInside(
			await boxOf(canvas(page).locator(`[data-node-id="${target.id}"]`)),
			clear,
			'Motive 4'
		);

		// The close button closes the panel.
		await detailsPanel(page).getByRole('button', { name: 'Close details' }).click();
		await expect(detailsPanel(page)).toHaveCount(0);
	});
});

test('Tab passes through the map when nothing is selected: no keyboard trap, nothing added', async ({
	page
}) => {
	await page.goto('/maps/japan-mongolia');
	const thesisButton = page.getByRole('button', { name: /^Thesis:/ });
	await thesisButton.focus();
	const before = await page.locator('[data-node-id]').count();
	await page.keyboard.press('Tab');
	await expect(thesisButton).not.toBeFocused();
	expect(await page.locator('[data-node-id]').count()).toBe(before);
	await expect(page.getByRole('textbox', { name: /Text of the statement/ })).toHaveCount(0);
});

test('Enter in the find box goes from match to match, Shift+Enter back', async ({ page }) => {
	await page.goto('/maps/japan-mongolia');
	const search = page.getByRole('searchbox', { name: /^Find a statement/ });
	await search.fill('budget');
	const hits = map.nodes.filter((n) =>
		`${n.label ?? ''} ${n.text}`.toLowerCase().includes('budget')
	);
	expect(hits.length).toBeGreaterThan(1);
	const panel = page.getByRole('complementary', { name: 'Details of the selected statement' });
	await search.press('Enter');
	await expect(page.getByText(`1 of ${hits.length}`)).toBeVisible();
	await expect(panel).toContainText(hits[0]!.text);
	await search.press('Enter');
	await expect(page.getByText(`2 of ${hits.length}`)).toBeVisible();
	await expect(panel).toContainText(hits[1]!.text);
	await search.press('Shift+Enter');
	await expect(page.getByText(`1 of ${hits.length}`)).toBeVisible();
	await expect(search).toBeFocused();
});
