import { describe, expect, it } from 'vitest';
import {
	ensureVisible,
	fitRect,
	keepInPlace,
	toWorld,
	zoomAt,
	union,
	MAX_ZOOM,
	MIN_ZOOM
} from './viewport';

describe('viewport arithmetic', () => {
	it('fits a wide rectangle by its width and centres it', () => {
		const v = fitRect(
			{ x: 100, y: 50, width: 2000, height: 500 },
			{ width: 1048, height: 800 },
			24
		);
		expect(v.k).toBeCloseTo(0.5);
		// The rectangle's centre lands on the screen's centre.
		expect((100 + 1000) * v.k + v.x).toBeCloseTo(524);
		expect((50 + 250) * v.k + v.y).toBeCloseTo(400);
	});

	it('never enlarges a small rectangle past the cap', () => {
		expect(fitRect({ x: 0, y: 0, width: 10, height: 10 }, { width: 1000, height: 1000 }).k).toBe(
			1.25
		);
	});

	it('keeps the point under the cursor fixed when zooming', () => {
		const v = { x: 30, y: -20, k: 0.8 };
		const z = zoomAt(v, 1.5, 400, 300);
		const worldX = (400 - v.x) / v.k;
		expect(worldX * z.k + z.x).toBeCloseTo(400);
		expect(zoomAt({ x: 0, y: 0, k: 2.5 }, 4, 0, 0).k).toBe(MAX_ZOOM);
	});

	it('zooms out no further than the least scale, or than a view Fit took below it', () => {
		expect(zoomAt({ x: 0, y: 0, k: 0.06 }, 0.5, 0, 0).k).toBe(MIN_ZOOM);
		// Fit showed a very large map at 2 %: zooming out keeps it there, zooming in goes from there.
		expect(zoomAt({ x: 0, y: 0, k: 0.02 }, 0.8, 0, 0).k).toBe(0.02);
		expect(zoomAt({ x: 0, y: 0, k: 0.02 }, 1.25, 0, 0).k).toBeCloseTo(0.025);
	});

	it('pans the least needed to bring a rectangle on screen, and not at all when it is visible', () => {
		const view = { x: 0, y: 0, k: 1 };
		const screen = { width: 800, height: 600 };
		expect(ensureVisible(view, { x: 100, y: 100, width: 100, height: 50 }, screen)).toEqual(view);
		const moved = ensureVisible(view, { x: 900, y: 100, width: 100, height: 50 }, screen, 40);
		expect(900 + 100 + moved.x).toBe(760);
		expect(moved.y).toBe(0);
	});

	it('unions rectangles', () => {
		expect(
			union([
				{ x: 0, y: 5, width: 10, height: 10 },
				{ x: 20, y: 0, width: 5, height: 5 }
			])
		).toEqual({ x: 0, y: 0, width: 25, height: 15 });
	});
});

describe('following and reading the view', () => {
	it('keeps a moved box where it was on screen', () => {
		const view = { x: 10, y: 20, k: 0.5 };
		const before = { x: 100, y: 200 };
		const after = { x: 160, y: 120 };
		const kept = keepInPlace(view, before, after);
		expect(after.x * kept.k + kept.x).toBe(before.x * view.k + view.x);
		expect(after.y * kept.k + kept.y).toBe(before.y * view.k + view.y);
		expect(kept.k).toBe(view.k);
	});

	it('turns a page point into a world point', () => {
		const view = { x: 30, y: -20, k: 2 };
		const w = toWorld(view, 230, 80, { left: 100, top: 50 });
		// And back: world × k + view offset + element origin is the page point again.
		expect(w.x * view.k + view.x + 100).toBe(230);
		expect(w.y * view.k + view.y + 50).toBe(80);
	});
});
