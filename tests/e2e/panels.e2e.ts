/**
 * The side panels are docked beside the map, never over it: the canvas takes what they leave,
 * Fit and "show this statement" work in that space, and a new statement is brought into it.
 * On a narrow screen "What follows" and the details share one column as two tabs.
 */
import { expect, test, type Page } from './fixtures';
import { boxOf, canvas, detailsPanel, expectInside, statementBoxes, type Box } from './helpers';

/** Narrower than this the map is not readable (canvas/dock.ts's MIN_CANVAS). */
const MIN_CANVAS = 420;

const tools = (page: Page) => page.getByRole('group', { name: 'Map tools' });
const sourcePanel = (page: Page) => page.getByRole('complementary', { name: 'Source text' });
const followsPanel = (page: Page) => page.getByRole('complementary', { name: 'What follows' });
const tab = (page: Page, name: string) =>
	page.getByRole('tablist', { name: 'Beside the map' }).getByRole('tab', { name });

const overlaps = (a: Box, b: Box) =>
	a.x < b.x + b.width - 1 &&
	b.x < a.x + a.width - 1 &&
	a.y < b.y + b.height - 1 &&
	b.y < a.y + a.height - 1;

/** Open the panels named (the text, "What follows", the details of Motive 5). */
async function openPanels(
	page: Page,
	panels: { text?: boolean; follows?: boolean; details?: boolean }
) {
	if (panels.text) {
		await tools(page).getByRole('button', { name: 'Text', exact: true }).click();
		await expect(sourcePanel(page)).toBeVisible();
	}
	if (panels.follows) {
		await tools(page).getByRole('button', { name: 'What follows' }).click();
		await expect(followsPanel(page)).toBeVisible();
	}
	if (panels.details) {
		await page.getByRole('searchbox', { name: 'Find a statement' }).fill('Motive 5');
		await page.getByRole('searchbox', { name: 'Find a statement' }).press('Enter');
		await expect(detailsPanel(page)).toBeVisible();
	}
}

/** The canvas's box, checked clear of every panel showing and at least MIN_CANVAS wide. */
async function expectClearCanvas(page: Page, what: string): Promise<Box> {
	const stage = await boxOf(canvas(page));
	expect(stage.width, `${what}: the canvas's width`).toBeGreaterThanOrEqual(MIN_CANVAS);
	for (const panel of [sourcePanel(page), followsPanel(page), detailsPanel(page)]) {
		if (!(await panel.isVisible())) continue;
		const box = await boxOf(panel);
		expect(
			overlaps(stage, box),
			`${what}: canvas ${JSON.stringify(stage)} and panel ${JSON.stringify(box)}`
		).toBe(false);
	}
	return stage;
}

/** A point of the canvas with no statement or line on it, to drag the map from. */
async function backgroundPoint(page: Page, stage: Box) {
	const point = await page.evaluate((s) => {
		for (let y = s.y + 20; y < s.y + s.height - 20; y += 15)
			for (let x = s.x + 20; x < s.x + s.width - 20; x += 15) {
				const el = document.elementFromPoint(x, y);
				if (el?.matches('.canvas, .canvas > .layer > svg')) return { x, y };
			}
		return undefined;
	}, stage);
	if (!point) throw new Error('no empty place on the canvas');
	return point;
}

const combinations = [false, true].flatMap((text) =>
	[false, true].flatMap((follows) => [false, true].map((details) => ({ text, follows, details })))
);
for (const [width, height] of [
	[1440, 900],
	[1280, 800],
	[1024, 768]
] as const)
	for (const open of combinations) {
		const names = Object.entries(open)
			.filter(([, on]) => on)
			.map(([name]) => name);
		test(`at ${width}×${height} with ${names.join(' + ') || 'no panel'} open the map is not covered`, async ({
			page
		}) => {
			await page.setViewportSize({ width, height });
			await page.goto('/maps/japan-mongolia');
			await page.waitForLoadState('networkidle');
			await openPanels(page, open);
			await expectClearCanvas(page, `${width}×${height} ${names.join(' + ')}`);
		});
	}

test.describe('at 1024×768 with the text, What follows and the details open', () => {
	test.use({ viewport: { width: 1024, height: 768 } });

	test('the map keeps a readable width, and What follows and the details share a column', async ({
		page
	}) => {
		await page.goto('/maps/japan-mongolia');
		await page.waitForLoadState('networkidle');
		await openPanels(page, { text: true, follows: true, details: true });

		// The statement just picked is what the reader wants to read: its details are in front.
		await expect(tab(page, 'Details')).toHaveAttribute('aria-selected', 'true');
		await expect(followsPanel(page)).toBeHidden();
		await expectClearCanvas(page, 'details in front');

		// Arrow keys move between the tabs, as in any tab list.
		await tab(page, 'Details').focus();
		await page.keyboard.press('ArrowRight');
		await expect(tab(page, 'What follows')).toBeFocused();
		await expect(followsPanel(page)).toBeVisible();
		await expect(detailsPanel(page)).toBeHidden();
		const stage = await expectClearCanvas(page, 'What follows in front');

		// A reason picked in What follows is shown on the map, and the list stays in front.
		await followsPanel(page).getByRole('button', { name: 'Motive 2', exact: true }).click();
		await expect(followsPanel(page)).toBeVisible();
		await expect(tab(page, 'Details')).toHaveAttribute('aria-selected', 'false');
		const picked = page.getByRole('button', { name: /^Motive 2:/ });
		await expect(picked).toHaveAttribute('aria-pressed', 'true');
		expectInside(await boxOf(picked), stage, 'Motive 2 on the canvas');

		// Fit puts every statement on the canvas, none behind a panel.
		await tools(page).getByRole('button', { name: 'Fit', exact: true }).click();
		for (const { id, box } of await statementBoxes(page))
			expectInside(box, stage, `statement ${id} after Fit`);

		// Closing the details gives What follows its own column again.
		await tab(page, 'Details').click();
		await detailsPanel(page).getByRole('button', { name: 'Close details' }).click();
		await expect(page.getByRole('tablist', { name: 'Beside the map' })).toHaveCount(0);
		await expect(followsPanel(page)).toBeVisible();
		await expectClearCanvas(page, 'What follows alone');
	});

	test('a statement added at the edge of the map is brought onto the canvas', async ({
		page,
		request,
		context
	}, info) => {
		await context.addInitScript(() => localStorage.setItem('warrant.author', 'Tester'));
		const id = `panels-${info.workerIndex}-${Date.now().toString(36)}`;
		const r = await request.post('/api/maps', { data: { id, from: 'japan-mongolia' } });
		expect(r.status()).toBe(201);
		await page.goto(`/maps/${id}`);
		await page.waitForLoadState('networkidle');
		await openPanels(page, { text: true, follows: true, details: true });

		const stage = await expectClearCanvas(page, 'before adding');
		// Drag the map until Motive 5 sits at the canvas's bottom edge: what is added below it
		// starts off the canvas and must be brought onto it.
		const motive5 = page.getByRole('button', { name: /^Motive 5:/ });
		const m5 = await boxOf(motive5);
		const from = await backgroundPoint(page, stage);
		await page.mouse.move(from.x, from.y);
		await page.mouse.down();
		await page.mouse.move(from.x, from.y + stage.y + stage.height - 4 - (m5.y + m5.height), {
			steps: 8
		});
		await page.mouse.up();
		const moved = await boxOf(motive5);
		expect(moved.y + moved.height).toBeCloseTo(stage.y + stage.height - 4, -1);
		await motive5.focus();
		await page.keyboard.press('o');
		const editor = page.getByRole('textbox', { name: /Text of the statement/ });
		await expect(editor).toBeFocused();
		expectInside(await boxOf(editor), stage, 'the editor of the new statement');
		await page.keyboard.type('Every donor ties some aid to its own firms.');
		await page.keyboard.press('Enter');

		const added = page.getByRole('button', { name: /Every donor ties some aid to its own firms/ });
		await expect(added).toBeVisible();
		await expectClearCanvas(page, 'after adding');
		expectInside(await boxOf(added), stage, 'the new statement');
	});
});
