/**
 * Folded subtrees: a statement folded away hides what argues under it (its reasons, evidence,
 * objections, co-premises and undercuts of its links, and theirs), and shows "+N hidden".
 * A view of the map, never part of it: the layout draws the map without the hidden statements.
 *
 * A map is a graph, not a tree: a statement that also argues for something still shown stays
 * shown. Hidden is what lies under a folded statement and cannot be reached from the rest of
 * the map without passing through a folded one.
 */
import { childrenOf, indexMap, type MapIndex } from '../model/queries';
import type { ArgumentMap } from '../model/schema';
import { textWidth } from './measure';

export interface Folding {
	/** Statements not drawn. */
	hidden: Set<string>;
	/** Each folded statement that is drawn → how many statements are hidden under it. */
	counts: Map<string, number>;
}

/** Everything under `id` (not `id` itself, even in a cycle). */
export function descendants(index: MapIndex, id: string): Set<string> {
	const seen = new Set<string>();
	const stack = childrenOf(index, id);
	while (stack.length) {
		const next = stack.pop()!;
		if (next === id || seen.has(next)) continue;
		seen.add(next);
		stack.push(...childrenOf(index, next));
	}
	return seen;
}

/** Whether statement `id` has anything under it to fold away. */
export function canFold(index: MapIndex, id: string): boolean {
	return childrenOf(index, id).length > 0;
}

/** What `folded` hides in `map` (ids that are not statements of it, or have nothing under them, count for nothing). */
export function foldMap(
	map: ArgumentMap,
	folded: readonly string[] | undefined,
	index: MapIndex = indexMap(map)
): Folding {
	const hidden = new Set<string>();
	const counts = new Map<string, number>();
	const folds = (folded ?? []).filter((id) => index.node.has(id) && canFold(index, id));
	if (!folds.length) return { hidden, counts };
	const under = new Map(folds.map((id) => [id, descendants(index, id)]));
	const isFolded = new Set(folds);
	// Shown: every statement outside all folded subtrees, and whatever an unfolded shown
	// statement has under it.
	const shown = new Set(
		map.nodes.map((n) => n.id).filter((id) => ![...under.values()].some((d) => d.has(id)))
	);
	const stack = [...shown];
	while (stack.length) {
		const id = stack.pop()!;
		if (isFolded.has(id)) continue;
		for (const c of childrenOf(index, id))
			if (!shown.has(c)) {
				shown.add(c);
				stack.push(c);
			}
	}
	for (const n of map.nodes) if (!shown.has(n.id)) hidden.add(n.id);
	for (const [id, d] of under) {
		if (hidden.has(id)) continue;
		const n = [...d].filter((x) => hidden.has(x)).length;
		if (n) counts.set(id, n);
	}
	return { hidden, counts };
}

/** The map without the statements `hidden`, and without the links that touch them. */
export function withoutHidden(map: ArgumentMap, hidden: ReadonlySet<string>): ArgumentMap {
	if (!hidden.size) return map;
	const nodes = map.nodes.filter((n) => !hidden.has(n.id));
	const kept = new Set(nodes.map((n) => n.id));
	const links = map.links.filter(
		(l) => kept.has(l.from) && (l.with ?? []).every((co) => kept.has(co))
	);
	// An undercut ends on a link: it goes when that link goes (and so on, undercut on undercut).
	let out = links;
	for (;;) {
		const ends = new Set([...kept, ...out.map((l) => l.id)]);
		const next = out.filter((l) => ends.has(l.to));
		if (next.length === out.length) break;
		out = next;
	}
	return { ...map, nodes, links: out };
}

/**
 * The folds to keep so that every statement of `ids` is shown: the folded statements that hide
 * one of them are unfolded (the path to it opens); the others stay folded.
 */
export function unfoldTo(
	map: ArgumentMap,
	folded: readonly string[],
	ids: readonly (string | undefined)[],
	index: MapIndex = indexMap(map)
): readonly string[] {
	const wanted = ids.filter((id): id is string => !!id && index.node.has(id));
	if (!folded.length || !wanted.length) return folded;
	const { hidden } = foldMap(map, folded, index);
	const hiddenWanted = wanted.filter((id) => hidden.has(id));
	if (!hiddenWanted.length) return folded;
	return folded.filter((f) => {
		if (!index.node.has(f)) return true;
		const d = descendants(index, f);
		return !hiddenWanted.some((id) => d.has(id));
	});
}

/** The "+N hidden" badge at the foot of a folded statement's box: the room it adds, its pill. */
export const FOLD_BADGE = {
	room: 26,
	height: 20,
	pad: 10,
	font: { size: 12, weight: 600 }
} as const;

/** A folded statement's box: its measured box with room for the badge at its foot. */
export function withFoldRoom<B extends { height: number }>(box: B, folded: boolean): B {
	return folded ? { ...box, height: box.height + FOLD_BADGE.room } : box;
}

/** What a folded statement's badge says. */
export const foldText = (count: number) => `+${count} hidden`;

/** Where the badge sits in a box of `width` × `height` (the height includes its room). */
export function foldBadge(width: number, height: number, count: number) {
	const text = foldText(count);
	const w = Math.min(width - 2 * FOLD_BADGE.pad, textWidth(text, FOLD_BADGE.font) + 20);
	return {
		text,
		x: FOLD_BADGE.pad,
		y: height - FOLD_BADGE.room + (FOLD_BADGE.room - FOLD_BADGE.height) / 2 - 2,
		width: w,
		height: FOLD_BADGE.height
	};
}
