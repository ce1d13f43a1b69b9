import { expect, test, type Locator, type Page } from './fixtures';
import {
	artifact,
	boxOf,
	canvas,
	detailsPanel,
	expectInside,
	map,
	motive,
	openMap,
	statementName,
	thesis,
	viewScale
} from './helpers';

/** The width of a claim box in layout units (see src/lib/layout): the readable size is ≥ 75 %. */
const CLAIM_WIDTH = 240;

test.describe('the map view', () => {
	test('the page as the server draws it is the page after its code runs (second visit)', async ({
		page,
		browser
	}) => {
		await openMap(page);
		const thesisButton = (p: typeof page) => p.locator(`[data-node-id="${thesis.id}"]`);
		const after = await boxOf(thesisButton(page));
		// The same browser without JavaScript: only what the server drew, for the kept canvas size.
		const bare = await browser.newContext({
			viewport: page.viewportSize()!,
			javaScriptEnabled: false,
			baseURL: new URL(page.url()).origin
		});
		await bare.addCookies(await page.context().cookies());
		const drawn = await bare.newPage();
		await drawn.goto(new URL(page.url()).pathname);
		const before = await boxOf(thesisButton(drawn));
		await bare.close();
		for (const k of ['x', 'y', 'width', 'height'] as const)
			expect(Math.abs(before[k] - after[k]), k).toBeLessThanOrEqual(1);
	});

	test('first view shows the thesis and all five motives, readable, before any interaction', async ({
		page
	}) => {
		await openMap(page);
		const viewport = page.viewportSize()!;
		const screen = { x: 0, y: 0, width: viewport.width, height: viewport.height };
		const stage = await boxOf(canvas(page));

		const statements = [
			{ what: 'the thesis', name: /^Thesis:/, node: thesis },
			...[1, 2, 3, 4, 5].map((i) => ({
				what: `Motive ${i}`,
				name: new RegExp(`^Motive ${i}:`),
				node: motive(i)
			}))
		];
		for (const s of statements) {
			const button = page.getByRole('button', { name: s.name });
			await expect(button, s.what).toBeVisible();
			await expect(button).toHaveAttribute('data-node-id', s.node.id);
			await expect(button).toHaveAccessibleName(`${s.node.label}: ${s.node.text}`);
			const box = await boxOf(button);
			expectInside(box, screen, s.what);
			expectInside(box, stage, `${s.what} (within the map canvas)`);
		}

		// Readable: not shrunk below 75 % of the layout size.
		expect(await viewScale(page)).toBeGreaterThanOrEqual(0.75);
		const motive1 = await boxOf(page.getByRole('button', { name: /^Motive 1:/ }));
		expect(motive1.width).toBeGreaterThanOrEqual(0.75 * CLAIM_WIDTH);

		// Nothing is selected yet: the details panel is closed and the hint is shown.
		await expect(detailsPanel(page)).toHaveCount(0);
		await expect(canvas(page)).toContainText('Click a statement');
		await page.screenshot({ path: artifact('map-first-view.png') });
	});

	test('"Fit" zooms out until every statement is on screen', async ({ page }) => {
		await openMap(page);
		const fit = page.getByRole('button', { name: 'Fit', exact: true });
		await expect(fit).toHaveAttribute('title', 'Zoom to fit (0)');
		await fit.click();

		const stage = await boxOf(canvas(page));
		const nodes = canvas(page).locator('[data-node-id]');
		await expect(nodes).toHaveCount(map.nodes.length);
		const boxes = await nodes.evaluateAll((els) =>
			els.map((el) => {
				const r = el.getBoundingClientRect();
				return {
					id: el.getAttribute('data-node-id'),
					box: { x: r.x, y: r.y, width: r.width, height: r.height }
				};
			})
		);
		for (const { id, box } of boxes) expectInside(box, stage, `statement ${id}`);
		await page.screenshot({ path: artifact('map-fitted.png') });
	});

	test('keys zoom: 0 fits, + zooms in, − zooms out', async ({ page }) => {
		await openMap(page);
		const start = await viewScale(page);

		await page.keyboard.press('0');
		await expect.poll(() => viewScale(page)).toBeLessThan(start);
		const fitted = await viewScale(page);

		await page.keyboard.press('+');
		await expect.poll(() => viewScale(page)).toBeCloseTo(fitted * 1.25, 5);

		await page.keyboard.press('-');
		await expect.poll(() => viewScale(page)).toBeCloseTo(fitted, 5);

		// The toolbar buttons do the same.
		await page.getByRole('button', { name: 'Zoom in' }).click();
		await expect.poll(() => viewScale(page)).toBeCloseTo(fitted * 1.25, 5);
		await page.getByRole('button', { name: 'Zoom out' }).click();
		await expect.poll(() => viewScale(page)).toBeCloseTo(fitted, 5);

		// Typing in the search box must not zoom.
		await page.getByRole('searchbox', { name: /^Find a statement/ }).fill('0+');
		await page.getByRole('searchbox', { name: /^Find a statement/ }).press('+');
		expect(await viewScale(page)).toBeCloseTo(fitted, 5);
	});

	test('dragging the canvas pans by the drag distance without selecting anything', async ({
		page
	}) => {
		await openMap(page);
		const thesisButton = page.getByRole('button', { name: statementName(thesis) });
		const before = await boxOf(thesisButton);
		const scale = await viewScale(page);
		const stage = await boxOf(canvas(page));

		const from = { x: stage.x + stage.width / 2, y: stage.y + stage.height - 120 };
		const delta = { x: 150, y: -90 };
		await page.mouse.move(from.x, from.y);
		await page.mouse.down();
		await page.mouse.move(from.x + delta.x, from.y + delta.y, { steps: 10 });
		await page.mouse.up();

		const after = await boxOf(thesisButton);
		expect(after.x - before.x).toBeCloseTo(delta.x, 0);
		expect(after.y - before.y).toBeCloseTo(delta.y, 0);
		expect(await viewScale(page)).toBe(scale);
		// A drag is not a click: it must not select the statement it started on.
		await expect(detailsPanel(page)).toHaveCount(0);
	});

	test('the mouse wheel zooms around the pointer', async ({ page }) => {
		await openMap(page);
		const thesisButton = page.getByRole('button', { name: statementName(thesis) });
		const before = await boxOf(thesisButton);
		const scale = await viewScale(page);

		// Point at the middle of the thesis: it stays under the pointer while it grows.
		const at = { x: before.x + before.width / 2, y: before.y + before.height / 2 };
		await page.mouse.move(at.x, at.y);
		await page.mouse.wheel(0, -200);
		await expect.poll(() => viewScale(page)).toBeGreaterThan(scale);
		const zoomed = await viewScale(page);
		const after = await boxOf(thesisButton);
		expect(after.width / before.width).toBeCloseTo(zoomed / scale, 2);
		expect(after.x + after.width / 2).toBeCloseTo(at.x, 0);
		expect(after.y + after.height / 2).toBeCloseTo(at.y, 0);

		await page.mouse.wheel(0, 400);
		await expect.poll(() => viewScale(page)).toBeLessThan(scale);
	});
});

/** Select `target` and check the scale is kept and its box shows whole on the canvas, left of the panel. */
async function expectSelectedInPlace(page: Page, target: Locator, scale: number, shot: string) {
	await expect(detailsPanel(page)).toBeVisible();
	await page.screenshot({ path: artifact(shot) });
	expect(await viewScale(page)).toBeCloseTo(scale, 5);
	const panel = await boxOf(detailsPanel(page));
	const box = await boxOf(target);
	expectInside(box, await boxOf(canvas(page)), 'the selected statement');
	expect(box.x + box.width).toBeLessThanOrEqual(panel.x);
}

// At each size, a motive on screen at the opening view where the panel will open over it.
for (const { viewport, under } of [
	{ viewport: { width: 1440, height: 900 }, under: 4 },
	{ viewport: { width: 1024, height: 768 }, under: 2 }
])
	test.describe(`selecting at ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport });

		test('a click on a statement keeps the opening scale: the panel opens beside the map', async ({
			page
		}) => {
			await openMap(page);
			const scale = await viewScale(page);
			const target = page.getByRole('button', { name: statementName(motive(under)) });
			await target.click();
			await expectSelectedInPlace(page, target, scale, `select-opening-${viewport.width}.png`);
			// Letting go closes the panel without a jump in scale either.
			await page.keyboard.press('Escape');
			await expect(detailsPanel(page)).toHaveCount(0);
			expect(await viewScale(page)).toBeCloseTo(scale, 5);
		});

		test('a click, then arrow keys, keep the zoom the reader chose; the map pans to the box', async ({
			page
		}) => {
			await openMap(page);
			await page.keyboard.press('+');
			await page.keyboard.press('+');
			const scale = await viewScale(page);
			const target = page.getByRole('button', { name: statementName(motive(2)) });
			await target.click();
			await expectSelectedInPlace(page, target, scale, `select-zoomed-${viewport.width}.png`);
			// Along the siblings to the right: each is panned into view, never zoomed out to.
			for (const m of [3, 4, 5]) {
				await page.keyboard.press('ArrowRight');
				const next = page.getByRole('button', { name: statementName(motive(m)) });
				await expect(next).toBeFocused();
				await expectSelectedInPlace(page, next, scale, `select-step-${viewport.width}.png`);
			}
		});
	});
