/**
 * The views the canvas opens with or moves to, computed for the part of it that side panels
 * leave visible: the details panel covers the right edge, "What follows" the left.
 */
import {
	ensureVisible,
	fitRect,
	keepInPlace,
	union,
	type Rect,
	type Size,
	type View
} from './viewport';

/** The canvas's size and how much of it the side panels cover, px. */
export interface Frame {
	size: Size;
	occludedLeft: number;
	occludedRight: number;
}

/** Below this scale 13 px text is under 8 px on screen: the opening view never goes lower. */
export const READABLE = 0.6;
/** Where the top of the opening view's content sits, px below the canvas's top. */
const TOP = 48;

/** The part of the canvas not covered by a side panel (never narrower than 200 px). */
export function visibleArea(f: Frame): Size {
	return {
		width: Math.max(200, f.size.width - f.occludedRight - f.occludedLeft),
		height: f.size.height
	};
}
/** Views are computed for the visible part; shift them right past a panel on the left. */
const inVisible = (f: Frame, v: View): View => ({ ...v, x: v.x + f.occludedLeft });
const outOfVisible = (f: Frame, v: View): View => ({ ...v, x: v.x - f.occludedLeft });

/**
 * The opening view: `rects` (the thesis and its motives) whole and top-aligned, so the space
 * below shows the first evidence rather than empty canvas above. When that would be below a
 * readable scale, it stays readable, centred on the thesis, and the reader pans to the rest.
 */
export function openingView(f: Frame, rects: Rect[], thesis?: Rect): View {
	const rect = union(rects);
	const fit = inVisible(f, fitRect(rect, visibleArea(f), 32, 1));
	if (fit.k < READABLE && thesis) {
		const k = READABLE;
		return {
			k,
			x: f.occludedLeft + visibleArea(f).width / 2 - (thesis.x + thesis.width / 2) * k,
			y: TOP - rect.y * k
		};
	}
	return { ...fit, y: Math.min(fit.y, TOP - rect.y * fit.k) };
}

/** The whole of `world` in the visible area (enlarged at most to 125 %). */
export function fitView(f: Frame, world: Rect): View {
	return inVisible(f, fitRect(world, visibleArea(f), 16, 1.25));
}

/** `rect` in the middle of the visible area, at the same scale (a jump from find or a panel). */
export function centreView(f: Frame, view: View, rect: Rect): View {
	const area = visibleArea(f);
	return {
		...view,
		x: f.occludedLeft + area.width / 2 - (rect.x + rect.width / 2) * view.k,
		y: area.height / 2 - (rect.y + rect.height / 2) * view.k
	};
}

/** The least pan that brings `rect` into the visible area, clear of the panels (a step along the argument). */
export function revealView(f: Frame, view: View, rect: Rect): View {
	return inVisible(f, ensureVisible(outOfVisible(f, view), rect, visibleArea(f)));
}

/**
 * The view after a new layout, following the statement the reader works on: from its old box
 * to its new one it keeps its place on screen, so the eye need not hunt for it; a statement
 * the old layout did not have (just added) is brought into view.
 */
export function followLayout(f: Frame, view: View, before?: Rect, after?: Rect): View {
	if (before && after) return keepInPlace(view, before, after);
	return after ? revealView(f, view, after) : view;
}
