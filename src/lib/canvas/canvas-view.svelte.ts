/**
 * The map canvas's view state: its size, the view (pan and zoom), whether the reader has moved
 * it yet, and the view the drawing is made at. While a gesture (wheel, drag, pinch, arrow keys on
 * the canvas) runs, the map stays drawn at the view it had when the gesture began, and a CSS
 * transform on its composited layer moves that drawing to the live view: no SVG object is laid
 * out again per step. SETTLE_MS after the last step the map is drawn at the live view (crisp
 * text, the right culling and level of detail). See culling.ts.
 */
import { canvasCookie } from './canvas-size';
import { SETTLE_MS } from './culling';
import type { Size, View } from './viewport';

export class CanvasView {
	/** The canvas's size: side panels are docked beside it, never over it (the visible area). */
	size: Size = $state({ width: 0, height: 0 });
	view: View = $state({ x: 0, y: 0, k: 1 });
	/** True until the reader pans, zooms or moves the selection. */
	pristine = true;
	/** The view the drawing is held at while a gesture runs. */
	frozen: View | undefined = $state();
	/** The view the SVG is drawn at. */
	readonly drawn: View = $derived(this.frozen ?? this.view);
	/** The canvas's left edge on the page, to keep the map in place when a panel opens left. */
	#left = 0;
	#settling: ReturnType<typeof setTimeout> | undefined;

	constructor(size: Size) {
		this.size = size;
	}

	/** A change of view the reader asked for: from now on resizing keeps it. */
	move(next: View) {
		this.pristine = false;
		this.view = next;
	}

	/** One step of a gesture: the live view moves, the drawing settles after the last step. */
	glide(next: View) {
		this.frozen ??= this.view;
		this.move(next);
		clearTimeout(this.#settling);
		this.#settling = setTimeout(() => (this.frozen = undefined), SETTLE_MS);
	}

	/**
	 * Take the canvas's box as measured now; kept in this browser's cookie (canvas-size.ts) so
	 * the server draws the next page for it. Answers the size before and the left edge's shift,
	 * or undefined when nothing changed.
	 */
	measure(r: { width: number; height: number; left: number }) {
		if (r.width === this.size.width && r.height === this.size.height && r.left === this.#left)
			return undefined;
		const before = this.size;
		const shift = r.left - this.#left;
		this.size = { width: r.width, height: r.height };
		this.#left = r.left;
		if (r.width && r.height) document.cookie = canvasCookie(this.size);
		return { before, shift };
	}

	/** The canvas's left edge as first measured (a first shift is not a panel opening). */
	startAt(left: number) {
		this.#left = left;
	}

	stop() {
		clearTimeout(this.#settling);
	}
}
