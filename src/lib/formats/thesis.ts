/**
 * Which statement of an imported graph is the thesis, for formats that do not say (Carneades
 * graphs, AIF from other tools, Argdown without a marked thesis).
 */
import type { MapLink, MapNode } from '../model/schema';

/**
 * The thesis: among final conclusions (statements that are no premise, co-premise or
 * undercutter), the one that the most other statements argue for — its premises and their
 * premises, followed through support only, so that a statement a speaker attacks does not win
 * by the attacker's reasons — then, on a tie, the one that rests on the most statements of any
 * kind (undercutters, rival positions), then the first in file order. Where every statement is a
 * premise of another (a cycle), every statement is a candidate.
 */
export function chooseThesis(statements: MapNode[], links: MapLink[], nodes: MapNode[]): MapNode {
	const premiseOf = new Set(
		links.flatMap((l) => (l.relation === 'attacks' ? [] : [l.from, ...(l.with ?? [])]))
	);
	const roots = statements.filter((n) => !premiseOf.has(n.id));
	const candidates = roots.length ? roots : statements.length ? statements : nodes;
	const byTarget = new Map<string, MapLink[]>();
	for (const l of links) byTarget.set(l.to, [...(byTarget.get(l.to) ?? []), l]);
	const restsOn = (id: string, supportOnly: boolean): number => {
		const seen = new Set([id]);
		const queue = [id];
		while (queue.length) {
			for (const l of byTarget.get(queue.pop()!) ?? []) {
				if (supportOnly && l.relation !== 'supports') continue;
				const undercutters = supportOnly ? [] : (byTarget.get(l.id) ?? []).map((u) => u.from);
				for (const next of [l.from, ...(l.with ?? []), ...undercutters])
					if (!seen.has(next)) {
						seen.add(next);
						queue.push(next);
					}
			}
		}
		return seen.size - 1;
	};
	let best = candidates[0]!;
	let most: [number, number] = [-1, -1];
	for (const n of candidates) {
		const count: [number, number] = [restsOn(n.id, true), restsOn(n.id, false)];
		if (count[0] > most[0] || (count[0] === most[0] && count[1] > most[1]))
			[best, most] = [n, count];
	}
	return best;
}
