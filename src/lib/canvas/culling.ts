/**
 * What the canvas draws, and how a gesture moves it cheaply. While the reader zooms or pans, the
 * drawing made at one view (`drawn`) is moved as a composited layer by a CSS transform to the
 * live view, so no SVG object is laid out again; when the gesture rests the map is drawn anew at
 * the live view. A large map draws only what lies near the screen (culling), and below a
 * readable scale boxes and lines go without their text (level of detail).
 */
import type { Point } from '../layout/types';
import type { Rect, Size, View } from './viewport';

/** Below this scale 13 px text is under 5 px on screen: boxes and lines are drawn without text. */
export const DETAIL_SCALE = 0.35;
/**
 * Maps with more statements than this draw only what lies near the screen. A smaller map is
 * drawn whole: it is cheap, and every statement stays in the page for find-in-page and tests.
 */
export const CULL_FROM = 150;
/** This long (ms) without a wheel step or a move, a gesture has ended: draw the map anew. */
export const SETTLE_MS = 150;
/**
 * How far beyond the screen a culled map is drawn, in screen sizes on each side: a gesture may
 * pan a screen or zoom out three times before the blank beyond the drawing shows.
 */
export const MARGIN = 1;

/** The world rectangle a view shows on `area`, grown by `margin` screen sizes on each side. */
export function worldWindow(area: Size, view: View, margin = MARGIN): Rect {
	const mx = area.width * margin;
	const my = area.height * margin;
	return {
		x: (-mx - view.x) / view.k,
		y: (-my - view.y) / view.k,
		width: (area.width + 2 * mx) / view.k,
		height: (area.height + 2 * my) / view.k
	};
}

/** Whether two rectangles share any point (touching edges count). */
export function overlaps(a: Rect, b: Rect): boolean {
	return (
		a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height
	);
}

/** The smallest rectangle around some points. */
export function pointsBox(points: readonly Point[]): Rect {
	if (!points.length) return { x: 0, y: 0, width: 0, height: 0 };
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const p of points) {
		x0 = Math.min(x0, p.x);
		y0 = Math.min(y0, p.y);
		x1 = Math.max(x1, p.x);
		y1 = Math.max(y1, p.y);
	}
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * Whether `rect` is drawn when the drawing covers `window`, or any of several windows (none:
 * everything is).
 */
export function inWindow(window: Rect | readonly Rect[] | undefined, rect: Rect): boolean {
	if (!window) return true;
	return 'x' in window ? overlaps(window, rect) : window.some((w) => overlaps(w, rect));
}

/** The rectangle a culled map is drawn over, or none (draw everything) for a small map. */
export function drawWindow(
	area: Size,
	view: View,
	statements: number,
	margin = MARGIN
): Rect | undefined {
	return statements > CULL_FROM ? worldWindow(area, view, margin) : undefined;
}

/**
 * How close (in screen sizes) the screen may come to the edge of a culled drawing before it is
 * drawn anew over a fresh window.
 */
export const KEEP_MARGIN = 0.25;
/**
 * A fresh window after a jump (an edit, a find, a step) covers the screen and this much around
 * it: few boxes, drawn in the key press's task. It then grows by `GROW_STEP` a task at a time
 * (`grownWindow`) to the full `MARGIN`, so that no one task draws a few screens of boxes.
 */
export const FIRST_MARGIN = KEEP_MARGIN;
export const GROW_STEP = 0.25;

/**
 * A culled drawing's window, and the margin (in screen sizes) it was made with. After a jump the
 * window drawn before (`also`) stays drawn until the new one has grown: taking a few screens of
 * boxes out is work too, kept out of the key press's task.
 */
export interface DrawnWindow {
	rect: Rect;
	margin: number;
	also?: Rect;
}

/** The rectangles a drawing covers (none: a small map, drawn whole). */
export function drawnRects(w: DrawnWindow | undefined): Rect[] | undefined {
	return w && (w.also ? [w.rect, w.also] : [w.rect]);
}

/** Whether rectangle `outer` wholly holds rectangle `inner`. */
export function contains(outer: Rect, inner: Rect): boolean {
	return (
		outer.x <= inner.x &&
		outer.y <= inner.y &&
		outer.x + outer.width >= inner.x + inner.width &&
		outer.y + outer.height >= inner.y + inner.height
	);
}

/** The smallest rectangle holding both. */
export function union(a: Rect, b: Rect): Rect {
	const x = Math.min(a.x, b.x);
	const y = Math.min(a.y, b.y);
	const right = Math.max(a.x + a.width, b.x + b.width);
	const bottom = Math.max(a.y + a.height, b.y + b.height);
	return { x, y, width: right - x, height: bottom - y };
}

/**
 * The window a culled map is drawn over at `view`, given the one it is drawn over now (`prev`):
 * `prev` while it still holds the screen with KEEP_MARGIN to spare and is not much larger than
 * a full window (after zooming in); else a fresh window of `margin` (FIRST_MARGIN after a jump,
 * then grown). A small pan (the view following a new statement, a step along the argument)
 * takes no box out and puts none in. None for a small map: it is drawn whole.
 */
export function keepWindow(
	prev: DrawnWindow | undefined,
	area: Size,
	view: View,
	statements: number,
	margin = FIRST_MARGIN
): DrawnWindow | undefined {
	const full = drawWindow(area, view, statements);
	if (!full) return undefined;
	if (
		prev &&
		contains(prev.rect, worldWindow(area, view, KEEP_MARGIN)) &&
		prev.rect.width <= full.width * 1.5
	)
		return prev;
	const rect = worldWindow(area, view, margin);
	return prev ? { rect, margin, also: prev.rect } : { rect, margin };
}

/**
 * `w` grown one step toward the full margin around the screen at `view` (keeping all it holds),
 * or undefined when it is full already. The window drawn before a jump goes with the last step.
 */
export function grownWindow(w: DrawnWindow, area: Size, view: View): DrawnWindow | undefined {
	if (w.margin >= MARGIN) return undefined;
	const margin = Math.min(MARGIN, w.margin + GROW_STEP);
	const rect = union(w.rect, worldWindow(area, view, margin));
	return w.also && margin < MARGIN ? { rect, margin, also: w.also } : { rect, margin };
}

/** Whether text is drawn at scale `k`. */
export function showsText(k: number): boolean {
	return k >= DETAIL_SCALE;
}

/**
 * The CSS transform (origin at the top left) that takes a drawing made at view `drawn` to where
 * view `live` would draw it, or undefined when they are the same view.
 */
export function layerTransform(drawn: View, live: View): string | undefined {
	if (drawn.x === live.x && drawn.y === live.y && drawn.k === live.k) return undefined;
	const r = live.k / drawn.k;
	return `translate(${live.x - drawn.x * r}px, ${live.y - drawn.y * r}px) scale(${r})`;
}
