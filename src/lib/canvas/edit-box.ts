/**
 * Where the in-place text editor goes: exactly over the box being edited, in screen px, with
 * the box's text size and padding, so that typing looks like the statement itself changing.
 */
import { parentOf, type MapIndex } from '../model/queries';
import { measureBox } from '../layout/box';
import type { MapLayout, PlacedNode } from '../layout/types';
import type { View } from './viewport';

export interface EditBox {
	left: number;
	top: number;
	width: number;
	height: number;
	/** font size, px */
	font: number;
	/** padding, px */
	pad: number;
}

/** Room below a statement's conclusion where a statement without a place yet is edited. */
export const FALLBACK_GAP = 24;
/** The editor is never shorter than this (world px), so a one-line statement has room to grow. */
export const MIN_EDIT_HEIGHT = 60;

/**
 * The box of statement `id` where the layout has it. A statement just added has no place until
 * the worker's layout arrives: until then it is edited just below the statement it argues
 * about, so typing can start at once. Undefined when neither is placed.
 */
export function editPlacement(
	id: string,
	layout: Pick<MapLayout, 'nodes'>,
	index: MapIndex
): PlacedNode | undefined {
	const placed = layout.nodes[id];
	if (placed) return placed;
	const parent = layout.nodes[parentOf(index, id) ?? ''];
	const node = index.node.get(id);
	if (!parent || !node) return undefined;
	const box = measureBox(node);
	return {
		...parent,
		id,
		y: parent.y + parent.height + FALLBACK_GAP,
		width: box.width,
		height: box.height,
		box
	};
}

/**
 * The smallest scale text is edited at: zoomed out further, the editor is drawn at this scale
 * from the box's top-left corner (larger than the box, its lines broken as the box's are).
 * At the article map's opening view (60 %) the text was typed at 7.8 px.
 */
export const MIN_EDIT_SCALE = 1;

/** The editor's place on screen for a placed box under `view`. */
export function editBox(p: PlacedNode, view: View): EditBox {
	const line = p.box.lines[0];
	const k = Math.max(view.k, MIN_EDIT_SCALE);
	return {
		left: p.x * view.k + view.x,
		top: p.y * view.k + view.y,
		width: p.width * k,
		height: Math.max(p.height, MIN_EDIT_HEIGHT) * k,
		font: p.box.bodyStyle.size * k,
		pad: (line?.x ?? 10) * k
	};
}
