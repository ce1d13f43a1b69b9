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
