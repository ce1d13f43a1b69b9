/**
 * The source layer and the reader layer. "As written" is the map with everything a reader
 * added taken away: reader statements and links, and the reader's evaluation of source items
 * (verdicts, questions, strengths, schemes, answers, flags).
 */
import type { ArgumentMap, MapLink, MapNode } from './schema';

export type Layer = 'written' | 'critique' | 'highlight';

export function asWritten(map: ArgumentMap, opts: { statedOnly?: boolean } = {}): ArgumentMap {
	// With `statedOnly`, the skeleton the text itself gives: what the reconstruction inferred
	// (implicit premises, ties the text never makes) goes too.
	const shown = (item: { origin: string; inText?: string }) =>
		item.origin === 'source' && !(opts.statedOnly && item.inText === 'inferred');
	const nodes: MapNode[] = map.nodes
		.filter(shown)
		.map(({ verdict: _v, flags: _f, questioned: _q, ...rest }) => rest);
	const keep = new Set(nodes.map((n) => n.id));
	let links: MapLink[] = map.links.filter((l) => shown(l) && keep.has(l.from));
	// Keep links whose target survives; an undercut survives only with the link it attacks.
	for (let changed = true; changed;) {
		const ids = new Set(links.map((l) => l.id));
		const next = links.filter((l) => (l.relation === 'undercuts' ? ids.has(l.to) : keep.has(l.to)));
		changed = next.length !== links.length;
		links = next;
	}
	return {
		...map,
		nodes,
		links: links.map(({ strength: _s, scheme: _c, answers: _a, flags: _f, ...rest }) => {
			const co = rest.with?.filter((w) => keep.has(w));
			const { with: _w, ...plain } = rest;
			return co?.length ? { ...plain, with: co } : plain;
		})
	};
}

/** Does the map have anything a reader added? */
export function hasReaderLayer(map: ArgumentMap): boolean {
	return (
		map.nodes.some((n) => n.origin === 'reader' || n.verdict || n.questioned || n.flags?.length) ||
		map.links.some((l) => l.origin === 'reader' || l.strength || l.scheme || l.flags?.length)
	);
}
