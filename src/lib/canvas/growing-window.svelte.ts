/**
 * The part of a large map that is drawn (canvas/culling.ts): what lies near the screen, at the
 * drawn view. A small pan keeps the window it has; after a jump the screen is drawn first, in the
 * key press's task, and the window grows around it a task at a time. The first window is whole
 * (the server draws it too). Made in a component's script: it runs an effect of its own.
 */
import type { MapLayout } from '../layout/types';
import {
	FIRST_MARGIN,
	MARGIN,
	drawnRects,
	grownWindow,
	keepWindow,
	type DrawnWindow
} from './culling';
import type { Size, View } from './viewport';

export class GrowingWindow {
	#last: DrawnWindow | undefined;
	#grown = 0;
	#grow = $state(0);

	/** The window drawn now; undefined when the whole map is drawn. */
	readonly window: DrawnWindow | undefined = $derived.by(() => {
		const step = this.#grow;
		const { size, drawn, layout } = this.input();
		const count = Object.keys(layout.nodes).length;
		const last = this.#last;
		let next = keepWindow(last, size, drawn, count, last ? FIRST_MARGIN : MARGIN);
		if (next && next === last && step !== this.#grown)
			next = grownWindow(next, size, drawn) ?? next;
		this.#grown = step;
		return (this.#last = next);
	});
	/** Its rectangles in world coordinates, for inWindow. */
	readonly rects = $derived(drawnRects(this.window));

	constructor(private readonly input: () => { size: Size; drawn: View; layout: MapLayout }) {
		// A window narrower than MARGIN grows after the next paint, a task at a time.
		$effect(() => {
			if (!this.window || this.window.margin >= MARGIN) return;
			let timer: ReturnType<typeof setTimeout> | undefined;
			const frame = requestAnimationFrame(() => (timer = setTimeout(() => this.#grow++)));
			return () => {
				cancelAnimationFrame(frame);
				clearTimeout(timer);
			};
		});
	}
}
