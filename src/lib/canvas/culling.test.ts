import { describe, expect, it } from 'vitest';
import {
	CULL_FROM,
	DETAIL_SCALE,
	drawWindow,
	FIRST_MARGIN,
	GROW_STEP,
	MARGIN,
	contains,
	drawnRects,
	grownWindow,
	inWindow,
	keepWindow,
	layerTransform,
	overlaps,
	pointsBox,
	showsText,
	worldWindow
} from './culling';
import type { View } from './viewport';

/** Where a world point lands on screen under a view. */
const onScreen = (v: View, p: { x: number; y: number }) => ({
	x: p.x * v.k + v.x,
	y: p.y * v.k + v.y
});

/** Apply a CSS `translate(tx px, ty px) scale(r)` (origin 0 0) to a point. */
function applyCss(t: string, p: { x: number; y: number }) {
	const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(t)!;
	const [tx, ty, r] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return { x: p.x * r + tx, y: p.y * r + ty };
}

describe('what the canvas draws', () => {
	it('the window without margin is exactly what the screen shows, in world coordinates', () => {
		const view = { x: -200, y: 100, k: 0.5 };
		const w = worldWindow({ width: 800, height: 600 }, view, 0);
		expect(onScreen(view, { x: w.x, y: w.y })).toEqual({ x: 0, y: 0 });
		expect(onScreen(view, { x: w.x + w.width, y: w.y + w.height })).toEqual({ x: 800, y: 600 });
	});

	it('a margin grows the window by screen sizes on each side', () => {
		const view = { x: 0, y: 0, k: 2 };
		const w = worldWindow({ width: 800, height: 600 }, view, 1);
		expect(w).toEqual({ x: -400, y: -300, width: 1200, height: 900 });
	});

	it('culls only large maps', () => {
		const area = { width: 800, height: 600 };
		const view = { x: 0, y: 0, k: 1 };
		expect(drawWindow(area, view, CULL_FROM)).toBeUndefined();
		expect(drawWindow(area, view, CULL_FROM + 1)).toEqual(worldWindow(area, view));
	});

	it('keeps what overlaps the window and drops what lies beyond it', () => {
		const window = { x: 0, y: 0, width: 100, height: 100 };
		expect(inWindow(window, { x: 90, y: 90, width: 50, height: 50 })).toBe(true);
		expect(inWindow(window, { x: 100, y: 0, width: 10, height: 10 })).toBe(true);
		expect(inWindow(window, { x: 101, y: 0, width: 10, height: 10 })).toBe(false);
		expect(inWindow(window, { x: 0, y: -30, width: 10, height: 29 })).toBe(false);
		expect(inWindow(undefined, { x: 1e6, y: 1e6, width: 1, height: 1 })).toBe(true);
		// A long line crossing the window with both ends outside it is kept.
		const line = pointsBox([
			{ x: -500, y: 50 },
			{ x: 500, y: 50 }
		]);
		expect(overlaps(window, line)).toBe(true);
	});

	it('boxes points', () => {
		expect(
			pointsBox([
				{ x: 3, y: 9 },
				{ x: -1, y: 4 },
				{ x: 7, y: 5 }
			])
		).toEqual({ x: -1, y: 4, width: 8, height: 5 });
		expect(pointsBox([])).toEqual({ x: 0, y: 0, width: 0, height: 0 });
	});

	it('draws text from the readable scale up', () => {
		expect(showsText(DETAIL_SCALE)).toBe(true);
		expect(showsText(DETAIL_SCALE - 0.01)).toBe(false);
		expect(showsText(1)).toBe(true);
	});

	it('the layer transform puts every point of the drawing where the live view draws it', () => {
		const drawn = { x: 40, y: -25, k: 0.8 };
		const live = { x: -130, y: 60, k: 1.7 };
		const t = layerTransform(drawn, live)!;
		for (const p of [
			{ x: 0, y: 0 },
			{ x: 350, y: -120 },
			{ x: 2000, y: 900 }
		]) {
			const moved = applyCss(t, onScreen(drawn, p));
			const want = onScreen(live, p);
			expect(moved.x).toBeCloseTo(want.x, 6);
			expect(moved.y).toBeCloseTo(want.y, 6);
		}
		expect(layerTransform(drawn, { ...drawn })).toBeUndefined();
	});
});

describe('keeping and growing the drawn window', () => {
	const area = { width: 800, height: 600 };
	const big = CULL_FROM + 1;
	const at = (x: number, y: number, k = 1) => ({ x, y, k });

	it('keeps the window over a small pan: no box is taken out or put in', () => {
		const first = keepWindow(undefined, area, at(0, 0), big, MARGIN)!;
		expect(first.rect).toEqual(drawWindow(area, at(0, 0), big));
		expect(keepWindow(first, area, at(-120, 80), big)).toBe(first);
	});

	it('after a jump draws the screen with a small margin first, then grows to the full one', () => {
		const first = keepWindow(undefined, area, at(0, 0), big, MARGIN)!;
		const far = at(-3000, 0);
		let w = keepWindow(first, area, far, big)!;
		expect(w.margin).toBe(FIRST_MARGIN);
		expect(w.rect).toEqual(worldWindow(area, far, FIRST_MARGIN));
		// What was drawn before the jump stays drawn (taken out later, not in the key's task).
		expect(w.also).toEqual(first.rect);
		expect(drawnRects(w)).toEqual([w.rect, first.rect]);
		const steps = [];
		for (let g = grownWindow(w, area, far); g; g = grownWindow(w, area, far)) {
			// Each step keeps what was drawn.
			expect(contains(g.rect, w.rect)).toBe(true);
			steps.push((w = g));
		}
		expect(steps.length).toBe(Math.round((MARGIN - FIRST_MARGIN) / GROW_STEP));
		expect(w.rect).toEqual(drawWindow(area, far, big));
		// Grown whole, the drawing before the jump goes.
		expect(w.also).toBeUndefined();
		expect(steps.slice(0, -1).every((x) => x.also === first.rect)).toBe(true);
		expect(keepWindow(w, area, far, big)).toBe(w);
	});

	it('draws anew after zooming in far (the kept window would draw too much) or out', () => {
		const first = keepWindow(undefined, area, at(0, 0), big, MARGIN)!;
		expect(keepWindow(first, area, at(0, 0, 2), big)!.rect).toEqual(
			worldWindow(area, at(0, 0, 2), FIRST_MARGIN)
		);
		expect(keepWindow(first, area, at(0, 0, 0.5), big)!.rect).toEqual(
			worldWindow(area, at(0, 0, 0.5), FIRST_MARGIN)
		);
	});

	it('a box is drawn when it meets any of the windows drawn', () => {
		const a = { x: 0, y: 0, width: 10, height: 10 };
		const b = { x: 100, y: 0, width: 10, height: 10 };
		expect(inWindow([a, b], { x: 101, y: 1, width: 2, height: 2 })).toBe(true);
		expect(inWindow([a, b], { x: 50, y: 1, width: 2, height: 2 })).toBe(false);
		expect(inWindow(undefined, { x: 50, y: 1, width: 2, height: 2 })).toBe(true);
	});

	it('keeps a small map whole', () => {
		expect(keepWindow(undefined, area, at(0, 0), CULL_FROM)).toBeUndefined();
	});
});
