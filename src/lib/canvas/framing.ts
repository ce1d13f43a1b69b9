/**
 * The views the canvas opens with or moves to. The side panels are docked beside the canvas
 * (see dock.ts), so the canvas's own size is the visible area: all of it is map.
 */
import {
	ensureVisible,
	fitRect,
	FLOOR_ZOOM,
	keepInPlace,
	union,
	type Rect,
	type Size,
	type View,
	zoomAt
} from './viewport';

/** Below this scale 13 px text is under 8 px on screen: the opening view never goes lower. */
export const READABLE = 0.6;
/** Where the top of the opening view's content sits, px below the canvas's top. */
const TOP = 48;

/**
 * The opening view: `rects` (the thesis and its motives) whole and top-aligned, so the space
 * below shows the first evidence rather than empty canvas above. When that would be below a
 * readable scale, it stays readable, centred on the thesis, and the reader pans to the rest.
 */
export function openingView(area: Size, rects: Rect[], thesis?: Rect): View {
	const rect = union(rects);
	const fit = fitRect(rect, area, 32, 1);
	if (fit.k < READABLE && thesis) {
		const k = READABLE;
		return { k, x: area.width / 2 - (thesis.x + thesis.width / 2) * k, y: TOP - rect.y * k };
	}
	return { ...fit, y: Math.min(fit.y, TOP - rect.y * fit.k) };
}

/**
 * The whole of `world` on the canvas (enlarged at most to 125 %): a very large map goes below
 * the zoom keys' least scale, since Fit is there to show all of it.
 */
export function fitView(area: Size, world: Rect): View {
	// The top HINT_ROOM px are left to the canvas's hint ("Click a statement…"), which would
	// otherwise lie over the top row of a map as tall as the canvas.
	const v = fitRect(world, { ...area, height: area.height - HINT_ROOM }, 16, 1.25, FLOOR_ZOOM);
	return { ...v, y: v.y + HINT_ROOM };
}

/** The canvas's hint at its top: 8 px from the top, about 26 px tall (MapCanvas.svelte). */
export const HINT_ROOM = 28;

/** `rect` in the middle of the canvas, at the same scale (a jump from find or a panel). */
export function centreView(area: Size, view: View, rect: Rect): View {
	return {
		...view,
		x: area.width / 2 - (rect.x + rect.width / 2) * view.k,
		y: area.height / 2 - (rect.y + rect.height / 2) * view.k
	};
}

/** The scale a jump to one statement zooms in to, at least (Fit may leave text too small). */
export const JUMP_SCALE = 0.8;

/**
 * `rect` in the middle of the canvas for a jump from find or a panel, zoomed in to at least
 * `JUMP_SCALE` so its text can be read (a closer zoom the reader chose is kept).
 */
export function readableView(area: Size, view: View, rect: Rect): View {
	return centreView(area, { ...view, k: Math.max(view.k, JUMP_SCALE) }, rect);
}

/** The room `ensureVisible` leaves around a statement it brings onto the canvas. */
const MARGIN = 40;

/**
 * The least move that brings `rect` onto the canvas (a step along the argument, a selection):
 * a pan at the same scale, zoomed out (around the box) only when the box cannot fit whole at it.
 */
export function revealView(area: Size, view: View, rect: Rect): View {
	const room = Math.min(
		(area.width - 2 * MARGIN) / rect.width,
		(area.height - 2 * MARGIN) / rect.height
	);
	if (room > 0 && room < view.k) {
		// Around the box's centre on screen, no further out than the zoom keys go.
		const sx = view.x + (rect.x + rect.width / 2) * view.k;
		const sy = view.y + (rect.y + rect.height / 2) * view.k;
		view = zoomAt(view, room / view.k, sx, sy);
	}
	return ensureVisible(view, rect, area, MARGIN);
}

/**
 * The view after a new layout, following the statement the reader works on: from its old box
 * to its new one it keeps its place on screen, so the eye need not hunt for it; a statement
 * the old layout did not have (just added) is brought into view.
 */
export function followLayout(area: Size, view: View, before?: Rect, after?: Rect): View {
	if (before && after) return keepInPlace(view, before, after);
	return after ? revealView(area, view, after) : view;
}

/** Whether any of `rect` shows on a canvas of size `area`. */
export function onCanvas(area: Size, view: View, rect: Rect): boolean {
	const left = rect.x * view.k + view.x;
	const top = rect.y * view.k + view.y;
	return (
		left < area.width &&
		top < area.height &&
		left + rect.width * view.k > 0 &&
		top + rect.height * view.k > 0
	);
}

/**
 * The view after the canvas was resized (a panel opened or closed beside it) and its left edge
 * moved `leftShift` px on the page: what was on screen stays where it was on the page, so a panel
 * opening on the left does not push the map right; and the statement being read (`keep`), if it
 * was on the canvas, stays wholly on it.
 */
export function afterResize(
	before: Size,
	after: Size,
	view: View,
	leftShift: number,
	keep?: Rect
): View {
	const moved = { ...view, x: view.x - leftShift };
	return keep && onCanvas(before, view, keep) ? revealView(after, moved, keep) : moved;
}
