/**
 * Which statement of an imported graph is the thesis, for formats that do not say (Carneades
 * graphs, AIF from other tools, Argdown without a marked thesis).
 */
import type { MapLink, MapNode } from '../model/schema';

/**
 * The thesis: among final conclusions (statements that are no premise, co-premise or
 * undercutter), the one that rests on the most other statements — its premises, their
 * premises, undercutters, rival positions — the first in file order on a tie. Where every
 * statement is a premise of another (a cycle), every statement is a candidate.
 */
export function chooseThesis(statements: MapNode[], links: MapLink[], nodes: MapNode[]): MapNode {
	const premiseOf = new Set(
		links.flatMap((l) => (l.relation === 'attacks' ? [] : [l.from, ...(l.with ?? [])]))
	);
	const roots = statements.filter((n) => !premiseOf.has(n.id));
	const candidates = roots.length ? roots : statements.length ? statements : nodes;
	const byTarget = new Map<string, MapLink[]>();
	for (const l of links) byTarget.set(l.to, [...(byTarget.get(l.to) ?? []), l]);
	const restsOn = (id: string): number => {
		const seen = new Set([id]);
		const queue = [id];
		while (queue.length) {
			for (const l of byTarget.get(queue.pop()!) ?? [])
				for (const next of [
					l.from,
					...(l.with ?? []),
					...(byTarget.get(l.id) ?? []).map((u) => u.from)
				])
					if (!seen.has(next)) {
						seen.add(next);
						queue.push(next);
					}
		}
		return seen.size - 1;
	};
	let best = candidates[0]!;
	let most = -1;
	for (const n of candidates) {
		const count = restsOn(n.id);
		if (count > most) [best, most] = [n, count];
	}
	return best;
}
