/**
 * A layout as a page sends it: without each statement's box geometry (its lines of text, header
 * and figure chips), which the browser measures again from the map, exactly as the server did
 * (`measureBox` is pure and uses the same font metrics everywhere). On the critique map this is
 * half the layout's bytes: 128 KB → 63 KB of JSON, 17 KB → 6.5 KB brotli.
 */
import type { MapNode } from '../model/schema';
import { measureBox, type BoxGeometry } from './box';
import { withFoldRoom } from './folding';
import type { MapLayout, PlacedNode } from './types';

/** A placed statement without its box: the box's width is all that is needed to measure it again. */
export type SentNode = Omit<PlacedNode, 'box'> & { boxWidth: number };
export type SentLayout = Omit<MapLayout, 'nodes'> & { nodes: Record<string, SentNode> };

/**
 * The whole layout each stripped one came from, in this process: the server renders the page
 * from the very object it sends, so it need not measure the boxes a second time.
 */
const whole = new WeakMap<SentLayout, MapLayout>();

/** The layout without the geometry `withBoxes` can make again. */
export function withoutBoxes(layout: MapLayout): SentLayout {
	const nodes: Record<string, SentNode> = {};
	for (const [id, { box, ...placed }] of Object.entries(layout.nodes))
		nodes[id] = { ...placed, boxWidth: box.width };
	const sent = { ...layout, nodes };
	whole.set(sent, layout);
	return sent;
}

/**
 * Boxes measured before, by statement and width: a map is an immutable value whose unchanged
 * statements stay the same objects from edit to edit, so only new or edited ones are measured.
 */
export type BoxCache = WeakMap<MapNode, { width: number; box: BoxGeometry }>;

/**
 * The boxes this page has measured: the page's first layout and the worker's later ones share
 * them, so the first edit of a large map does not measure every statement again (on the
 * 1000-statement map that was a 40-90 ms task when the first new layout came back).
 */
const measured: BoxCache = new WeakMap();

/**
 * The layout whole again: each statement's box measured from the map, or taken from `cache`
 * (by default the page's own) when that statement was measured at that width before.
 */
export function withBoxes(
	sent: SentLayout,
	map: { nodes: readonly MapNode[] },
	cache: BoxCache = measured
): MapLayout {
	const known = whole.get(sent);
	if (known) return known;
	const byId = new Map(map.nodes.map((n) => [n.id, n]));
	const nodes: Record<string, PlacedNode> = {};
	for (const [id, { boxWidth, ...placed }] of Object.entries(sent.nodes)) {
		const node = byId.get(id);
		if (!node) throw new Error(`the layout places "${id}", which the map does not have`);
		const before = cache.get(node);
		const box = before?.width === boxWidth ? before.box : measureBox(node, boxWidth);
		if (box !== before?.box) cache.set(node, { width: boxWidth, box });
		// A folded statement's box keeps room for its "+N hidden" badge, as the layout gave it.
		nodes[id] = { ...placed, box: withFoldRoom(box, !!placed.folded) };
	}
	return { ...sent, nodes };
}
