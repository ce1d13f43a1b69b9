/**
 * How the canvas's view follows the editor, beyond the reader's own pans and zooms:
 * - the first selection ends the opening view: the panel that then opens beside the canvas
 *   keeps the reader's scale and the map's place on the page (framing.afterResize), instead of
 *   the opening view being fitted anew into less room;
 * - a new layout keeps the statement being edited (else the selected one, else the one a link
 *   was reached from) where it was on screen (framing.followLayout); another layer with nothing
 *   to keep in place opens as a map opens.
 * Both run before the DOM updates, so before the canvas is measured. Made in a component's
 * script: it runs effects of its own.
 */
import type { MapLayout } from '../layout/types';
import type { CanvasView } from './canvas-view.svelte';
import { followLayout } from './framing';

export interface Followed {
	layout: MapLayout;
	/** What is selected, a statement or a link. */
	selection: string | undefined;
	/** The statement the view keeps in place when the layout changes. */
	anchor: string | undefined;
	/** The layer shown ("written", "critique" …). */
	layer: string;
}

export function followEditor(cv: CanvasView, now: () => Followed, showStart: () => void): void {
	let chosen: { selection: string | undefined } | undefined;
	$effect.pre(() => {
		const { selection } = now();
		if (chosen && selection !== chosen.selection) cv.pristine = false;
		chosen = { selection };
	});

	let previous: Pick<Followed, 'layout' | 'anchor' | 'layer'> | undefined;
	$effect.pre(() => {
		const { layout, anchor, layer } = now();
		const before = previous;
		previous = { layout, anchor, layer };
		if (!before || before.layout === layout) return;
		if (!anchor) {
			if (before.layer !== layer) showStart();
			return;
		}
		cv.view = followLayout(cv.size, cv.view, before.layout.nodes[anchor], layout.nodes[anchor]);
	});
}
