/**
 * How the canvas draws: a gesture moves a composited layer and the map is drawn anew when it
 * rests; a large map draws only what lies near the screen, without losing the keyboard's
 * statement; zoomed out below a readable scale, boxes go without their text but keep their names.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { boxOf, canvas, expectInside, openMap, viewScale } from './helpers';
import { syntheticMap } from '../fixtures/synthetic';

const dir = process.env.E2E_ARGUMENTS_DIR!;
const BIG = 300;

/** A generated map of `size` statements, written straight into the server's folder. */
function bigMap(info: { workerIndex: number }, size = BIG): string {
	const id = `big-${info.workerIndex}-${Date.now().toString(36)}`;
	writeFileSync(join(dir, `${id}.map.json`), JSON.stringify(syntheticMap(size), null, '\t'));
	return id;
}

const drawnIds = (page: Page) =>
	canvas(page)
		.locator('[data-node-id]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')!));

test('wheel steps move the drawing as one layer; the map is drawn anew at the new scale when they stop', async ({
	page
}) => {
	await openMap(page);
	const before = await viewScale(page);
	const seen = await canvas(page).evaluate(async (host) => {
		const layer = host.querySelector<HTMLElement>('.layer')!;
		const group = host.querySelector('svg > g')!;
		const log: string[] = [];
		new MutationObserver((records) => {
			for (const r of records)
				log.push(r.target === group ? 'group' : `layer ${layer.style.transform || 'none'}`);
		}).observe(host, { attributes: true, subtree: true, attributeFilter: ['style', 'transform'] });
		const r = host.getBoundingClientRect();
		const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
		for (let i = 0; i < 5; i++) {
			host.dispatchEvent(
				new WheelEvent('wheel', { deltaY: -100, bubbles: true, cancelable: true, ...at })
			);
			// One step per frame, as a wheel sends them.
			await new Promise((ok) => requestAnimationFrame(ok));
		}
		await new Promise((ok) => setTimeout(ok, 600));
		return { log, settled: layer.style.transform };
	});
	// While the steps came, only the layer moved; the drawing's own transform changed once, at
	// the end, when the layer's transform went away.
	const moves = seen.log.filter((l) => l.startsWith('layer translate'));
	expect(moves.length).toBeGreaterThan(0);
	expect(seen.log.filter((l) => l === 'group')).toHaveLength(1);
	expect(seen.log.indexOf('group')).toBeGreaterThan(seen.log.indexOf(moves.at(-1)!));
	expect(seen.settled).toBe('');
	expect(await viewScale(page)).toBeGreaterThan(before);
});

test('zoomed out below a readable scale, boxes and lines go without text; the names stay', async ({
	page
}) => {
	await openMap(page);
	const texts = canvas(page).locator('.node text');
	await expect(texts.first()).toBeVisible();
	for (let i = 0; i < 4 && (await viewScale(page)) >= 0.35; i++) await page.keyboard.press('-');
	await expect.poll(() => viewScale(page)).toBeLessThan(0.35);
	await expect(texts).toHaveCount(0);
	await expect(canvas(page).locator('.inferred-word')).toHaveCount(0);
	// Screen readers still hear every statement's name.
	await expect(page.getByRole('button', { name: /^Thesis: / })).toHaveCount(1);
	await page.keyboard.press('+');
	await page.keyboard.press('+');
	await page.keyboard.press('+');
	await expect.poll(() => viewScale(page)).toBeGreaterThanOrEqual(0.35);
	await expect(texts.first()).toBeVisible();
});

test('a large map draws what is near the screen; the keyboard still reaches every statement', async ({
	page
}, info) => {
	const id = bigMap(info);
	await page.goto(`/maps/${id}`);
	await page.waitForLoadState('networkidle');
	const first = await drawnIds(page);
	expect(first.length).toBeGreaterThan(0);
	expect(first.length).toBeLessThan(BIG);

	// Into the map with Tab, select the thesis, and step along its reasons with the arrow keys:
	// each statement stepped to is drawn, focused and brought onto the canvas, even one that
	// was not drawn before.
	const stage = await boxOf(canvas(page));
	await canvas(page).focus();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: /^Thesis: / })).toBeFocused();
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowDown');
	const reached: string[] = [];
	for (let i = 0; i < 12; i++) {
		const focused = page.locator('.canvas [data-node-id]:focus');
		await expect(focused).toHaveCount(1);
		expectInside(await boxOf(focused), stage, `step ${i}`);
		reached.push((await focused.getAttribute('data-node-id'))!);
		await page.keyboard.press('ArrowRight');
	}
	expect(reached.some((r) => !first.includes(r))).toBe(true);
	// What the first screen drew far away is no longer drawn.
	const now = await drawnIds(page);
	expect(first.some((r) => !now.includes(r))).toBe(true);
});

test.describe('on a small laptop', () => {
	test.use({ viewport: { width: 1024, height: 700 } });

	test('Fit shows the whole of a very large map, below the zoom keys’ least scale', async ({
		page
	}, info) => {
		test.slow();
		const size = 1500;
		const id = bigMap(info, size);
		await page.goto(`/maps/${id}`);
		await page.waitForLoadState('networkidle');
		await canvas(page).focus();
		await page.keyboard.press('0');
		// Every statement is drawn (all of the map is on screen) and lies inside the canvas.
		await expect.poll(async () => (await drawnIds(page)).length, { timeout: 10_000 }).toBe(size);
		const stage = await boxOf(canvas(page));
		const all = await canvas(page).locator('svg > g[transform*="scale("]').boundingBox();
		expectInside(all!, stage, 'the whole map');
		const fit = await viewScale(page);
		expect(fit).toBeLessThan(0.05);
		// Zooming out goes no further; zooming in starts from there.
		await page.keyboard.press('-');
		expect(await viewScale(page)).toBeCloseTo(fit, 5);
		await page.keyboard.press('+');
		await expect.poll(() => viewScale(page)).toBeCloseTo(fit * 1.25, 5);
	});
});
