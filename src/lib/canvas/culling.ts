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

/** Whether `rect` is drawn when the drawing covers `window` (no window: everything is). */
export function inWindow(window: Rect | undefined, rect: Rect): boolean {
	return !window || overlaps(window, rect);
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
