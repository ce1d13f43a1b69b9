import { describe, expect, it } from 'vitest';
import {
	READABLE,
	afterResize,
	centreView,
	fitView,
	HINT_ROOM,
	followLayout,
	onCanvas,
	openingView,
	readableView,
	revealView
} from './framing';
import { MIN_ZOOM, type Rect, type View } from './viewport';

const area = (width = 1200, height = 800) => ({ width, height });
const screen = (v: View, r: Rect) => ({
	left: r.x * v.k + v.x,
	right: (r.x + r.width) * v.k + v.x,
	top: r.y * v.k + v.y,
	bottom: (r.y + r.height) * v.k + v.y
});

describe('the views the canvas opens with and moves to', () => {
	it('opens on the thesis and its motives, whole and top-aligned, never enlarged', () => {
		const thesis = { x: 400, y: 0, width: 340, height: 80 };
		const motive = { x: 0, y: 200, width: 240, height: 100 };
		const v = openingView(area(), [thesis, motive], thesis);
		expect(v.k).toBeLessThanOrEqual(1);
		expect(screen(v, thesis).top).toBeCloseTo(48);
		expect(screen(v, motive).left).toBeGreaterThanOrEqual(0);
		expect(screen(v, thesis).right).toBeLessThanOrEqual(1200);
	});

	it('stays readable on a very wide map, centred on the thesis', () => {
		const thesis = { x: 5000, y: 0, width: 340, height: 80 };
		const wide = { x: 0, y: 200, width: 10000, height: 100 };
		const v = openingView(area(900), [thesis, wide], thesis);
		expect(v.k).toBe(READABLE);
		const t = screen(v, thesis);
		expect((t.left + t.right) / 2).toBeCloseTo(900 / 2);
	});

	it('fits the whole map onto the canvas', () => {
		const world = { x: 0, y: 0, width: 3000, height: 1500 };
		const s = screen(fitView(area(820), world), world);
		expect(s.left).toBeGreaterThanOrEqual(0);
		expect(s.right).toBeLessThanOrEqual(820);
		expect(s.bottom).toBeLessThanOrEqual(800);
	});

	it('keeps a tall map’s top row clear of the hint at the canvas’s top', () => {
		// 8 px from the top, about 26 px tall: its foot at about 34 px.
		const world = { x: 0, y: 0, width: 1000, height: 4000 };
		const s = screen(fitView(area(1200, 700), world), world);
		expect(s.top).toBeGreaterThanOrEqual(HINT_ROOM + 8);
		expect(s.bottom).toBeLessThanOrEqual(700);
	});

	it('fits a very large map whole, below the zoom keys’ least scale', () => {
		// A tree of some 1500 statements is this wide: at the least scale of the zoom keys
		// (5 %) it would be 1600 px, wider than the window.
		const world = { x: 0, y: 0, width: 32000, height: 6000 };
		const v = fitView(area(1024, 600), world);
		expect(v.k).toBeLessThan(MIN_ZOOM);
		const s = screen(v, world);
		expect(s.left).toBeGreaterThanOrEqual(0);
		expect(s.right).toBeLessThanOrEqual(1024);
		expect(s.top).toBeGreaterThanOrEqual(0);
		expect(s.bottom).toBeLessThanOrEqual(600);
	});

	it('centres a statement on the canvas, or pans the least to show it', () => {
		const view = { x: 0, y: 0, k: 1 };
		const r = { x: 2000, y: 100, width: 200, height: 80 };
		const c = screen(centreView(area(800), view, r), r);
		expect((c.left + c.right) / 2).toBe(400);
		expect((c.top + c.bottom) / 2).toBe(400);
		const s = screen(revealView(area(800), view, r), r);
		// Just inside the canvas's right edge, with the 40 px margin.
		expect(s.right).toBe(800 - 40);
		expect(s.top).toBe(100);
	});

	it('shows a statement at the same scale, zooming out only for a box wider than the canvas', () => {
		const r = { x: 2000, y: 100, width: 240, height: 80 };
		const zoomed = { x: 0, y: 0, k: 2 };
		expect(revealView(area(800), zoomed, r).k).toBe(2);
		// 240 × 3 = 720 px and the margins do not fit 700 px: the least zoom out that shows it.
		const near = { x: 0, y: 0, k: 3 };
		const v = revealView(area(700), near, r);
		expect(v.k).toBeCloseTo((700 - 80) / 240, 10);
		const s = screen(v, r);
		expect(s.left).toBeCloseTo(40, 6);
		expect(s.right).toBeCloseTo(660, 6);
	});

	it('a jump to a statement zooms in to a readable scale, centred, and keeps a closer zoom', () => {
		const r = { x: 2000, y: 100, width: 200, height: 80 };
		const fitted = readableView(area(800), { x: 0, y: 0, k: 0.3 }, r);
		expect(fitted.k).toBe(0.8);
		const c = screen(fitted, r);
		expect((c.left + c.right) / 2).toBe(400);
		expect((c.top + c.bottom) / 2).toBe(400);
		expect(readableView(area(800), { x: 0, y: 0, k: 1.2 }, r).k).toBe(1.2);
	});

	it('follows a new layout: a moved box keeps its place on screen, a new one comes into view', () => {
		const view = { x: 10, y: 10, k: 0.5 };
		const before = { x: 100, y: 100, width: 200, height: 60 };
		const after = { ...before, x: 400, y: 50 };
		const kept = followLayout(area(), view, before, after);
		expect(screen(kept, after)).toEqual(screen(view, before));
		const added = { x: 5000, y: 100, width: 200, height: 60 };
		const shown = screen(followLayout(area(), view, undefined, added), added);
		expect(shown.right).toBeLessThanOrEqual(1200 - 40);
		expect(followLayout(area(), view, before, undefined)).toBe(view);
	});

	it('keeps the map in place on the page when a panel opens beside it, and the statement read on the canvas', () => {
		const view = { x: 0, y: 0, k: 1 };
		// A 400 px panel opens on the left: the canvas's left edge moves 400 px right.
		const moved = afterResize(area(1200), area(800), view, 400);
		expect(moved).toEqual({ x: -400, y: 0, k: 1 });
		// A panel opens on the right over where the selected statement was: it is brought back.
		const selected = { x: 1000, y: 100, width: 150, height: 60 };
		const kept = screen(afterResize(area(1200), area(840), view, 0, selected), selected);
		expect(kept.right).toBeLessThanOrEqual(840 - 40);
		// A statement the reader had panned away from is left where it is.
		const away = { x: 3000, y: 100, width: 150, height: 60 };
		expect(onCanvas(area(1200), view, away)).toBe(false);
		expect(afterResize(area(1200), area(840), view, 0, away)).toEqual(view);
	});
});
