/**
 * Links as things a reader selects: which links a statement has (for the keyboard to step
 * through), the sentence that names one, and which link of a column's shared line a click
 * meant. Pure, so the editor, the canvas and the tests agree.
 */
import { displayName, inTextOf, type MapIndex } from './queries';
import type { MapLink } from './schema';

/** A statement's links: those it gives (its steps) first, then those into it, in file order. */
export function linksAt(index: MapIndex, id: string): MapLink[] {
	const out = (index.outgoing.get(id) ?? []).filter((l) => l.from === id);
	return [...out, ...(index.incoming.get(id) ?? [])];
}

/** The link after `current` in `ids` (before it with `back`), round; the first one to start. */
export function cycleLink(
	ids: readonly string[],
	current: string | undefined,
	back = false
): string | undefined {
	if (!ids.length) return undefined;
	const i = current ? ids.indexOf(current) : -1;
	if (i < 0) return back ? ids[ids.length - 1] : ids[0];
	return ids[(i + (back ? ids.length - 1 : 1)) % ids.length];
}

const VERB: Record<MapLink['relation'], string> = {
	supports: 'supports',
	attacks: 'attacks',
	undercuts: 'undercuts'
};

/** A statement's name in a sentence: the thesis is "the thesis". */
function nameIn(index: MapIndex, id: string): string {
	const n = index.node.get(id);
	if (n?.kind === 'thesis') return 'the thesis';
	return displayName(n, id);
}

/**
 * One sentence for a link: "Motive 3 supports the thesis (stated)"; an undercut names the step
 * it attacks ("… undercuts the step from A to B"); a reader's link says whose it is.
 */
export function describeLink(index: MapIndex, link: MapLink): string {
	let to = nameIn(index, link.to);
	if (link.relation === 'undercuts') {
		const step = index.link.get(link.to);
		to = step ? `the step from ${nameIn(index, step.from)} to ${nameIn(index, step.to)}` : 'a step';
	}
	const inText = inTextOf(link);
	const whose = inText ?? (link.author ? `reader: ${link.author}` : 'reader');
	return `${nameIn(index, link.from)} ${VERB[link.relation]} ${to} (${whose})`;
}

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** How far a point is from a box (0 inside it). */
function distance(p: { x: number; y: number }, r: Box): number {
	const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width));
	const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height));
	return Math.hypot(dx, dy);
}

/**
 * Which of the links a drawn line stands for a click at `at` (layout coordinates) meant: the
 * link whose statement's box is nearest. A column's line gathers its items' links, and the
 * items stand beside it, so the nearest item is the one the reader pointed at.
 */
export function nearestLink(
	links: readonly string[],
	index: MapIndex,
	boxes: Record<string, Box | undefined>,
	at: { x: number; y: number }
): string | undefined {
	let best: { id: string; d: number } | undefined;
	for (const id of links) {
		const from = index.link.get(id)?.from;
		const box = from ? boxes[from] : undefined;
		if (!box) continue;
		const d = distance(at, box);
		if (!best || d < best.d) best = { id, d };
	}
	return best?.id ?? links[0];
}
