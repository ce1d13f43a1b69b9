/**
 * Where the side panels go beside the map. Panels are docked, never laid over the canvas: the
 * source text on the left, "What follows" and the details on the right, and the canvas takes
 * what is left. When that would leave the map too narrow to read, "What follows" and the details
 * share one column and the reader switches between them (the text keeps its own column: it is
 * what the reader is working from).
 */

/** The panels a map can have open. */
export interface OpenPanels {
	source: boolean;
	follows: boolean;
	details: boolean;
}

/** Each panel's width in px (0 when closed or shown in the shared column), and the canvas's. */
export interface Dock {
	source: number;
	follows: number;
	details: number;
	/** "What follows" and the details share one column of width `details`. */
	stacked: boolean;
	canvas: number;
}

/** Narrower than this the canvas is too small to read a map on: panels give way. */
export const MIN_CANVAS = 420;
/** At or below this window width the panels are narrower. */
export const NARROW = 1100;

/** Each panel's width at a window (or workspace) width. */
export function panelWidths(width: number): { source: number; side: number } {
	return width <= NARROW ? { source: 300, side: 300 } : { source: 420, side: 360 };
}

/** The panels' widths for a workspace `width` px wide with the `open` panels. */
export function dock(width: number, open: OpenPanels): Dock {
	const w = panelWidths(width);
	const source = open.source ? w.source : 0;
	const follows = open.follows ? w.side : 0;
	const details = open.details ? w.side : 0;
	const apart = width - source - follows - details;
	if (!open.follows || !open.details || apart >= MIN_CANVAS)
		return { source, follows, details, stacked: false, canvas: Math.max(0, apart) };
	return {
		source,
		follows: 0,
		details: w.side,
		stacked: true,
		canvas: Math.max(0, width - source - w.side)
	};
}
