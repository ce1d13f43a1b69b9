/**
 * Pan and zoom arithmetic for the map canvas, kept out of the components so it can be tested.
 * A view maps world (layout) coordinates to screen: screen = world × k + (x, y).
 */
export interface View {
	x: number;
	y: number;
	k: number;
}
export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}
export interface Size {
	width: number;
	height: number;
}

/** The least scale the wheel, a pinch and the zoom keys zoom out to (Fit may go lower). */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 3;
/** The least scale of all: Fit goes below `MIN_ZOOM` to show a very large map whole. */
export const FLOOR_ZOOM = 0.001;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The view that shows `rect` whole and centred, never enlarging beyond `maxK` nor shrinking
 * below `minK`.
 */
export function fitRect(rect: Rect, screen: Size, pad = 24, maxK = 1.25, minK = MIN_ZOOM): View {
	const w = Math.max(1, screen.width - 2 * pad);
	const h = Math.max(1, screen.height - 2 * pad);
	const k = clamp(
		Math.min(w / Math.max(1, rect.width), h / Math.max(1, rect.height), maxK),
		minK,
		MAX_ZOOM
	);
	return {
		k,
		x: screen.width / 2 - (rect.x + rect.width / 2) * k,
		y: screen.height / 2 - (rect.y + rect.height / 2) * k
	};
}

/**
 * Zoom by `factor` keeping the world point under screen point (px, py) where it is. A view that
 * Fit took below `MIN_ZOOM` zooms no further out, and in from where it is.
 */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
	const k = clamp(view.k * factor, Math.min(MIN_ZOOM, view.k), MAX_ZOOM);
	const f = k / view.k;
	return { k, x: px - (px - view.x) * f, y: py - (py - view.y) * f };
}

/** Pan the least needed so that `rect` is on screen with `margin` around it. */
export function ensureVisible(view: View, rect: Rect, screen: Size, margin = 40): View {
	const left = rect.x * view.k + view.x;
	const top = rect.y * view.k + view.y;
	const right = left + rect.width * view.k;
	const bottom = top + rect.height * view.k;
	let { x, y } = view;
	if (rect.width * view.k + 2 * margin > screen.width) x += screen.width / 2 - (left + right) / 2;
	else if (left < margin) x += margin - left;
	else if (right > screen.width - margin) x -= right - (screen.width - margin);
	if (rect.height * view.k + 2 * margin > screen.height) y += margin - top;
	else if (top < margin) y += margin - top;
	else if (bottom > screen.height - margin) y -= bottom - (screen.height - margin);
	return { ...view, x, y };
}

/** The smallest rectangle around some rectangles. */
export function union(rects: Rect[]): Rect {
	if (rects.length === 0) return { x: 0, y: 0, width: 1, height: 1 };
	const x = Math.min(...rects.map((r) => r.x));
	const y = Math.min(...rects.map((r) => r.y));
	return {
		x,
		y,
		width: Math.max(...rects.map((r) => r.x + r.width)) - x,
		height: Math.max(...rects.map((r) => r.y + r.height)) - y
	};
}

/** The view that keeps a box where it was on screen after the box moved (world coordinates). */
export function keepInPlace(
	view: View,
	before: { x: number; y: number },
	after: { x: number; y: number }
): View {
	return {
		...view,
		x: view.x - (after.x - before.x) * view.k,
		y: view.y - (after.y - before.y) * view.k
	};
}

/** A client (screen) point as a world point, for an element whose top left is at `origin`. */
export function toWorld(
	view: View,
	clientX: number,
	clientY: number,
	origin: { left: number; top: number }
): { x: number; y: number } {
	return {
		x: (clientX - origin.left - view.x) / view.k,
		y: (clientY - origin.top - view.y) / view.k
	};
}
