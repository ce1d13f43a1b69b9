import { describe, expect, it } from 'vitest';
import { seams, tileMap, type Rect, type TilingInput } from './tiling';

const page = { width: 500, height: 700 };
const base = { page, minTextPt: 8, textSize: 13 };
const rect = (x: number, y: number, width = 200, height = 80): Rect => ({ x, y, width, height });

/** Every point of the bounds is on some tile. */
function expectCovered(input: TilingInput, tiles: { viewBox: Rect }[]) {
	const { bounds } = input;
	for (let i = 0; i <= 20; i++)
		for (let j = 0; j <= 20; j++) {
			const x = bounds.x + (bounds.width * i) / 20;
			const y = bounds.y + (bounds.height * j) / 20;
			const on = tiles.some(
				(t) =>
					x >= t.viewBox.x - 1e-6 &&
					x <= t.viewBox.x + t.viewBox.width + 1e-6 &&
					y >= t.viewBox.y - 1e-6 &&
					y <= t.viewBox.y + t.viewBox.height + 1e-6
			);
			expect(on, `(${x}, ${y}) is printed`).toBe(true);
		}
}

const whole = (b: Rect, t: Rect) =>
	b.x >= t.x - 1e-6 &&
	b.y >= t.y - 1e-6 &&
	b.x + b.width <= t.x + t.width + 1e-6 &&
	b.y + b.height <= t.y + t.height + 1e-6;

describe('seams along one axis', () => {
	it('is one tile when the length fits', () => {
		expect(seams(0, 400, 500, 20)).toEqual([0]);
		expect(seams(10, 510, 500, 20)).toEqual([10]);
	});

	it('steps a tile less the overlap when nothing is in the way', () => {
		expect(seams(0, 1200, 500, 20)).toEqual([0, 480, 960]);
	});

	it('moves a seam back to just before a box it would cut', () => {
		// The cut at 500 goes through the box 450–600: the next tile starts before 450.
		expect(seams(0, 1000, 500, 20, [{ start: 450, end: 600 }])).toEqual([0, 440, 920]);
	});

	it('cuts a box wider than a tile rather than crawling past it', () => {
		const s = seams(0, 2000, 500, 20, [{ start: 100, end: 900 }]);
		expect(s[1]).toBe(480);
		for (let i = 1; i < s.length; i++) expect(s[i]! - s[i - 1]!).toBeGreaterThanOrEqual(125);
	});
});

describe('tiling a map for print', () => {
	it('puts a map on one page when its text stays readable there', () => {
		// 1000 × 1400 units on 500 × 700 pt: scale 0.5, 13-unit text prints at 6.5 pt…
		const small = { ...base, bounds: rect(0, 0, 800, 1000) };
		// …but 800 × 1000 fits at 0.625 → 8.1 pt: one page.
		const t = tileMap(small);
		expect(t.tiles).toHaveLength(1);
		expect(t.scale).toBeCloseTo(0.625);
		expect(t.textPt).toBeGreaterThanOrEqual(8);
		expect(t.tiles[0]).toEqual({ page: 1, row: 1, column: 1, viewBox: rect(0, 0, 800, 1000) });
	});

	it('never blows a small map up past its own size', () => {
		const t = tileMap({ ...base, bounds: rect(0, 0, 200, 100) });
		expect(t.scale).toBe(1);
		expect(t.textPt).toBe(13);
	});

	it('tiles a map whose text would print below the minimum, at a readable scale', () => {
		const input = { ...base, bounds: rect(0, 0, 4440, 3024) };
		const t = tileMap(input);
		expect(t.textPt).toBeGreaterThanOrEqual(8);
		// At 8/13 pt per unit the map is 2732 × 1861 pt: 6 columns of 500 pt and 3 rows of 700.
		expect(t.columns).toBe(6);
		expect(t.rows).toBe(3);
		expect(t.tiles).toHaveLength(18);
		expect(t.tiles.map((x) => [x.row, x.column]).slice(0, 7)).toEqual([
			[1, 1],
			[1, 2],
			[1, 3],
			[1, 4],
			[1, 5],
			[1, 6],
			[2, 1]
		]);
		// Each tile is a page at the chosen scale (the last ones stop at the map's edge).
		for (const x of t.tiles) {
			expect(x.viewBox.width * t.scale).toBeLessThanOrEqual(page.width + 1e-6);
			expect(x.viewBox.height * t.scale).toBeLessThanOrEqual(page.height + 1e-6);
		}
		expect(t.tiles[0]!.viewBox.width * t.scale).toBeCloseTo(page.width);
		expectCovered(input, t.tiles);
		// Neighbours share at least the overlap (18 pt).
		const [a, b] = [t.tiles[0]!.viewBox, t.tiles[1]!.viewBox];
		expect((a.x + a.width - b.x) * t.scale).toBeGreaterThanOrEqual(18 - 1e-6);
	});

	it('grows the drawing to fill the pages it needs anyway', () => {
		// Just over one page wide at the minimum: two pages, and the text larger than 8 pt.
		const t = tileMap({ ...base, bounds: rect(0, 0, 850, 300) });
		expect(t.columns).toBe(2);
		expect(t.rows).toBe(1);
		expect(t.textPt).toBeGreaterThan(8.5);
	});

	it('prints every statement whole on some page', () => {
		const boxes: Rect[] = [];
		for (let i = 0; i < 12; i++) for (let j = 0; j < 8; j++) boxes.push(rect(i * 260, j * 130));
		const input = { ...base, bounds: rect(0, 0, 3120, 1040), boxes };
		const t = tileMap(input);
		expect(t.tiles.length).toBeGreaterThan(1);
		for (const b of boxes)
			expect(
				t.tiles.some((x) => whole(b, x.viewBox)),
				`box at ${b.x},${b.y}`
			).toBe(true);
		expectCovered(input, t.tiles);
	});

	it('leaves out tiles with no statement on them, and numbers the pages printed', () => {
		// An L-shaped map: statements along the top and down the left, nothing bottom right.
		const boxes = [rect(0, 0), rect(1600, 0), rect(0, 1500)];
		const t = tileMap({ ...base, bounds: rect(0, 0, 1800, 1580), boxes });
		expect(t.rows).toBe(2);
		expect(t.columns).toBe(3);
		expect(t.empty).toEqual([
			{ row: 1, column: 2 },
			{ row: 2, column: 2 },
			{ row: 2, column: 3 }
		]);
		expect(t.tiles.map((x) => [x.page, x.row, x.column])).toEqual([
			[1, 1, 1],
			[2, 1, 3],
			[3, 2, 1]
		]);
	});

	it('with no minimum, fits any map on one page', () => {
		const t = tileMap({ ...base, minTextPt: 0, bounds: rect(0, 0, 9000, 4300) });
		expect(t.tiles).toHaveLength(1);
		expect(t.scale).toBeCloseTo(500 / 9000);
	});
});
