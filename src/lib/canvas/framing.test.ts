import { describe, expect, it } from 'vitest';
import {
	READABLE,
	centreView,
	fitView,
	followLayout,
	openingView,
	revealView,
	visibleArea,
	type Frame
} from './framing';
import type { Rect, View } from './viewport';

const frame = (occludedLeft = 0, occludedRight = 0): Frame => ({
	size: { width: 1200, height: 800 },
	occludedLeft,
	occludedRight
});
const screen = (v: View, r: Rect) => ({
	left: r.x * v.k + v.x,
	right: (r.x + r.width) * v.k + v.x,
	top: r.y * v.k + v.y,
	bottom: (r.y + r.height) * v.k + v.y
});

describe('the views the canvas opens with and moves to', () => {
	it('leaves out what the side panels cover, but never less than 200 px', () => {
		expect(visibleArea(frame(300, 380))).toEqual({ width: 520, height: 800 });
		expect(visibleArea(frame(600, 600)).width).toBe(200);
	});

	it('opens on the thesis and its motives, whole and top-aligned, never enlarged', () => {
		const thesis = { x: 400, y: 0, width: 340, height: 80 };
		const motive = { x: 0, y: 200, width: 240, height: 100 };
		const v = openingView(frame(), [thesis, motive], thesis);
		expect(v.k).toBeLessThanOrEqual(1);
		expect(screen(v, thesis).top).toBeCloseTo(48);
		expect(screen(v, motive).left).toBeGreaterThanOrEqual(0);
		expect(screen(v, thesis).right).toBeLessThanOrEqual(1200);
	});

	it('stays readable on a very wide map, centred on the thesis, past a panel on the left', () => {
		const thesis = { x: 5000, y: 0, width: 340, height: 80 };
		const wide = { x: 0, y: 200, width: 10000, height: 100 };
		const v = openingView(frame(300), [thesis, wide], thesis);
		expect(v.k).toBe(READABLE);
		// The middle of the visible part (right of the 300 px panel) is the thesis's middle.
		const t = screen(v, thesis);
		expect((t.left + t.right) / 2).toBeCloseTo(300 + 900 / 2);
	});

	it('fits the whole map into the visible part', () => {
		const world = { x: 0, y: 0, width: 3000, height: 1500 };
		const v = fitView(frame(0, 380), world);
		const s = screen(v, world);
		expect(s.left).toBeGreaterThanOrEqual(0);
		expect(s.right).toBeLessThanOrEqual(1200 - 380);
	});

	it('centres a statement in the visible part, or pans the least to show it', () => {
		const view = { x: 0, y: 0, k: 1 };
		const r = { x: 2000, y: 100, width: 200, height: 80 };
		const c = screen(centreView(frame(0, 400), view, r), r);
		expect((c.left + c.right) / 2).toBe(400);
		expect((c.top + c.bottom) / 2).toBe(400);
		const s = screen(revealView(frame(0, 400), view, r), r);
		// Just clear of the panel on the right, with the 40 px margin.
		expect(s.right).toBe(1200 - 400 - 40);
		expect(s.top).toBe(100);
	});

	it('follows a new layout: a moved box keeps its place on screen, a new one comes into view', () => {
		const view = { x: 10, y: 10, k: 0.5 };
		const before = { x: 100, y: 100, width: 200, height: 60 };
		const after = { ...before, x: 400, y: 50 };
		const kept = followLayout(frame(), view, before, after);
		expect(screen(kept, after)).toEqual(screen(view, before));
		const added = { x: 5000, y: 100, width: 200, height: 60 };
		const shown = screen(followLayout(frame(), view, undefined, added), added);
		expect(shown.right).toBeLessThanOrEqual(1200 - 40);
		expect(followLayout(frame(), view, before, undefined)).toBe(view);
	});
});
