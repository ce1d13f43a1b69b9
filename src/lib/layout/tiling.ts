/**
 * Printing a map: how big to draw it and how to cut it into pages. A map goes on one page when
 * its statements' text is still at least `minTextPt` there; otherwise it is drawn at the
 * smallest scale that keeps the text that size and cut into a grid of page-sized viewports of
 * the same drawing. Neighbouring tiles overlap, and a seam is moved back to just before any
 * statement it would cut, so every statement that fits on a page is printed whole on one page.
 * Tiles with no statement's centre on them (lines only, or the edge of a statement printed whole
 * next door) are left out. Pure: the report route draws what this says.
 */
import { BOX } from './box';
import type { MapLayout } from './types';

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface TilingInput {
	/** What to print, in layout units (the map's drawing, marks included). */
	bounds: Rect;
	/** The room for one tile on a page, in points (1/72 inch). */
	page: { width: number; height: number };
	/** The smallest text size a printed statement may have, in points (0: always one page). */
	minTextPt: number;
	/** The size of the statements' text, in layout units. */
	textSize: number;
	/**
	 * The statements' boxes, in layout units: a seam never cuts one that fits on a page, and a
	 * tile without any is left out.
	 */
	boxes?: readonly Rect[];
	/** How much neighbouring tiles share at least, in points, so a line is never lost at a seam. */
	overlapPt?: number;
	/** Never draw bigger than this many points per layout unit (a small map stays its size). */
	maxScale?: number;
}

export interface Tile {
	/** 1-based among the tiles printed. */
	page: number;
	/** 1-based place in the grid. */
	row: number;
	column: number;
	/** The part of the drawing on this page, in layout units. */
	viewBox: Rect;
}

export interface Tiling {
	/** Points per layout unit. */
	scale: number;
	/** The statements' text size as printed, in points. */
	textPt: number;
	rows: number;
	columns: number;
	/** The tiles printed, row by row; a tile with no statement's centre on it is left out. */
	tiles: Tile[];
	/** Grid places left out (no statement's centre on them). */
	empty: { row: number; column: number }[];
}

export const TILING_DEFAULTS = { overlapPt: 18, maxScale: 1 } as const;

/** No seam moves back less than this share of a tile: a wide box is cut rather than crawled past. */
const MIN_ADVANCE = 0.25;

interface Span {
	start: number;
	end: number;
}

/**
 * Where the tiles along one axis start, from `lo` to `hi`, each `size` long. A seam falls
 * `overlap` before the end of the tile it closes, or earlier: just before the first box it
 * would cut, so the box is whole on the next tile.
 */
export function seams(
	lo: number,
	hi: number,
	size: number,
	overlap: number,
	boxes: readonly Span[] = []
): number[] {
	if (!(size > 0) || !(hi > lo)) return [lo];
	const starts = [lo];
	const eps = 1e-6;
	for (;;) {
		const start = starts[starts.length - 1]!;
		const cut = start + size;
		if (cut >= hi - eps) return starts;
		let next = cut - overlap;
		for (const b of boxes) {
			// A box the cut goes through, which starts on this tile and fits on the next one.
			if (b.start < cut && b.end > cut && b.start > start && b.end - b.start <= size - overlap)
				next = Math.min(next, b.start - overlap / 2);
		}
		if (next < start + size * MIN_ADVANCE)
			next = Math.max(cut - overlap, start + size * MIN_ADVANCE);
		starts.push(next);
	}
}

const spansX = (boxes: readonly Rect[]) => boxes.map((b) => ({ start: b.x, end: b.x + b.width }));
const spansY = (boxes: readonly Rect[]) => boxes.map((b) => ({ start: b.y, end: b.y + b.height }));

/** The grid at a scale: where the columns and rows start, in layout units. */
function grid(input: TilingInput, scale: number) {
	const { bounds, page, boxes = [] } = input;
	const overlap = (input.overlapPt ?? TILING_DEFAULTS.overlapPt) / scale;
	const width = page.width / scale;
	const height = page.height / scale;
	return {
		width,
		height,
		xs: seams(bounds.x, bounds.x + bounds.width, width, overlap, spansX(boxes)),
		ys: seams(bounds.y, bounds.y + bounds.height, height, overlap, spansY(boxes))
	};
}

/** A tile shows something of its own when a statement's centre is on it. */
const centreIn = (b: Rect, t: Rect) =>
	b.x + b.width / 2 >= t.x &&
	b.x + b.width / 2 < t.x + t.width &&
	b.y + b.height / 2 >= t.y &&
	b.y + b.height / 2 < t.y + t.height;

/**
 * How to print a map: one page, or a grid of tiles.
 *
 * ```ts
 * tileMap({ bounds: { x: 0, y: 0, width: 4440, height: 3024 }, page: { width: 527, height: 680 },
 *   minTextPt: 8, textSize: 13 }); // → scale ≥ 8/13, rows × columns tiles
 * ```
 */
export function tileMap(input: TilingInput): Tiling {
	const { bounds, page, boxes = [] } = input;
	const maxScale = input.maxScale ?? TILING_DEFAULTS.maxScale;
	const fit = Math.min(page.width / bounds.width, page.height / bounds.height);
	const readable = input.minTextPt / input.textSize;
	if (fit >= readable || !Number.isFinite(readable)) {
		const scale = Math.min(fit, maxScale);
		return {
			scale,
			textPt: input.textSize * scale,
			rows: 1,
			columns: 1,
			tiles: [{ page: 1, row: 1, column: 1, viewBox: { ...bounds } }],
			empty: []
		};
	}
	// The smallest readable scale sets how many pages it takes; then the drawing grows as long
	// as it still fits that many, so the pages are filled and the text is as large as it can be.
	const first = grid(input, readable);
	const fits = (s: number) => {
		const g = grid(input, s);
		return g.xs.length <= first.xs.length && g.ys.length <= first.ys.length;
	};
	let scale = readable;
	let lo = readable;
	let hi = Math.max(readable, maxScale);
	for (let i = 0; i < 40 && hi - lo > 1e-6; i++) {
		const mid = (lo + hi) / 2;
		if (fits(mid)) lo = scale = mid;
		else hi = mid;
	}
	const g = grid(input, scale);
	const right = bounds.x + bounds.width;
	const bottom = bounds.y + bounds.height;
	const tiles: Tile[] = [];
	const empty: Tiling['empty'] = [];
	g.ys.forEach((y, r) => {
		g.xs.forEach((x, c) => {
			const viewBox = {
				x,
				y,
				width: Math.min(g.width, right - x),
				height: Math.min(g.height, bottom - y)
			};
			const place = { row: r + 1, column: c + 1 };
			if (boxes.length && !boxes.some((b) => centreIn(b, viewBox))) empty.push(place);
			else tiles.push({ page: tiles.length + 1, ...place, viewBox });
		});
	});
	return {
		scale,
		textPt: input.textSize * scale,
		rows: g.ys.length,
		columns: g.xs.length,
		tiles,
		empty
	};
}

const mm = (x: number) => (x * 72) / 25.4;

/** Page margins of the printed report (its `@page` rule says the same). */
export const PRINT_MARGIN_MM = 12;

/**
 * The room for one tile on a printed page, in points, on A4 and on US Letter alike: the
 * narrower width (A4's 210 mm) and the shorter height (Letter's 279.4 mm), less the margins and
 * 12 mm for the line that says which page of the map it is.
 */
export const PRINT_TILE = {
	width: mm(210 - 2 * PRINT_MARGIN_MM),
	height: mm(279.4 - 2 * PRINT_MARGIN_MM - 12)
} as const;

/** How far a statement's marks reach past its box (the author badge, the flag count). */
const MARK_REACH = 10;

/**
 * Tile a laid-out map for print: its statements are the boxes that seams avoid, its text size
 * the statements' (BOX.body), its bounds the drawing with the marks that stick out of it.
 */
export function tileLayout(
	layout: MapLayout,
	minTextPt: number,
	page: { width: number; height: number } = PRINT_TILE
): Tiling {
	const boxes = Object.values(layout.nodes).map((n) => ({
		x: n.x - MARK_REACH,
		y: n.y - MARK_REACH,
		width: n.width + 2 * MARK_REACH,
		height: n.height + 2 * MARK_REACH
	}));
	// A folded column is a caption standing for its statements: it is kept whole too.
	for (const c of layout.columns)
		if (c.collapsed) boxes.push({ x: c.x, y: c.y, width: c.width, height: c.height });
	return tileMap({
		bounds: {
			x: -MARK_REACH,
			y: -MARK_REACH,
			width: layout.width + 2 * MARK_REACH,
			height: layout.height + 2 * MARK_REACH
		},
		page,
		minTextPt,
		textSize: BOX.body.size,
		boxes
	});
}
