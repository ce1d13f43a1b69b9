import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, SUFFICIENT, WEIGHT } from './evaluate';
import { CURRENT_VERSION } from './schema';
import type { ArgumentMap, MapLink, MapNode, Strength, Verdict } from './schema';

/** Random argument graphs: supports, attacks, undercuts, co-premises, strengths and verdicts. */
const graph = fc
	.record({
		n: fc.integer({ min: 2, max: 9 }),
		edges: fc.array(
			fc.record({
				from: fc.nat(),
				to: fc.nat(),
				kind: fc.constantFrom('supports', 'attacks', 'undercuts'),
				strength: fc.option(fc.constantFrom<Strength>('strong', 'moderate', 'weak'), {
					nil: undefined
				}),
				co: fc.option(fc.nat(), { nil: undefined })
			}),
			{ maxLength: 16 }
		),
		verdicts: fc.array(
			fc.option(fc.constantFrom<Verdict>('accepted', 'rejected', 'open'), { nil: undefined }),
			{ maxLength: 9 }
		),
		questioned: fc.array(fc.boolean(), { maxLength: 9 })
	})
	.map(({ n, edges, verdicts, questioned }): ArgumentMap => {
		const nodes: MapNode[] = Array.from({ length: n }, (_, i) => ({
			id: `n${i}`,
			kind: i === 0 ? 'thesis' : 'claim',
			text: `s${i}`,
			origin: 'reader',
			...(verdicts[i] ? { verdict: verdicts[i] } : {}),
			...(questioned[i] ? { questioned: { author: 'Q' } } : {})
		}));
		const links: MapLink[] = [];
		const pairs = new Set<string>();
		for (const e of edges) {
			const from = `n${e.from % n}`;
			const id = `l${links.length}`;
			if (e.kind === 'undercuts') {
				if (links.length === 0) continue;
				const to = links[e.to % links.length]!.id;
				if (pairs.has(`${from}>${to}`)) continue;
				pairs.add(`${from}>${to}`);
				links.push({ id, from, to, relation: 'undercuts', origin: 'reader' });
				continue;
			}
			const to = `n${e.to % n}`;
			if (from === to || pairs.has(`${from}>${to}`)) continue;
			pairs.add(`${from}>${to}`);
			const co = e.co === undefined ? undefined : `n${e.co % n}`;
			links.push({
				id,
				from,
				to,
				relation: e.kind,
				origin: 'reader',
				...(e.strength ? { strength: e.strength } : {}),
				...(co && co !== from && co !== to ? { with: [co] } : {})
			});
		}
		return {
			format: 'warrant-map',
			version: CURRENT_VERSION,
			source: { title: 'random' },
			nodes,
			links
		};
	});

describe('evaluation on random graphs', () => {
	it('always terminates with a labelling that obeys every rule of docs/evaluation.md', () => {
		fc.assert(
			fc.property(graph, (map) => {
				const e = evaluate(map);
				const ns = (id: string) => e.nodes.get(id)!.status;
				const ls = (id: string) => e.links.get(id)!.status;
				const into = (id: string) => map.links.filter((l) => l.to === id);
				for (const l of map.links) {
					const premises = [l.from, ...(l.with ?? [])].map(ns);
					const cuts = into(l.id)
						.filter((u) => u.relation === 'undercuts')
						.map((u) => ls(u.id));
					const cut = cuts.includes('holds');
					const fallen = premises.some((p) => p === 'defeated' || p === 'unestablished');
					const inForce =
						premises.every((p) => p === 'holds') &&
						cuts.every((c) => c !== 'holds' && c !== 'open');
					expect(ls(l.id)).toBe(
						cut ? 'defeated' : fallen ? 'unestablished' : inForce ? 'holds' : 'open'
					);
				}
				for (const n of map.nodes) {
					const status = ns(n.id);
					if (n.verdict) {
						expect(status).toBe(
							{ accepted: 'holds', rejected: 'defeated', open: 'open' }[n.verdict]
						);
						continue;
					}
					const attacks = into(n.id)
						.filter((l) => l.relation === 'attacks')
						.map((l) => ls(l.id));
					const supports = into(n.id).filter((l) => l.relation === 'supports');
					const weight = supports
						.filter((l) => ls(l.id) === 'holds')
						.reduce((w, l) => w + WEIGHT[l.strength ?? 'moderate'], 0);
					// A link that failed is settled: defeated (undercut) or not established (premise).
					const failed = (s: string) => s === 'defeated' || s === 'unestablished';
					const defeated = attacks.includes('holds');
					const unattacked = attacks.every(failed);
					const holds =
						unattacked && (supports.length === 0 ? !n.questioned : weight >= SUFFICIENT);
					// It cannot hold whatever its attackers do: questioned and bare, or every reason
					// settled and too little standing. Then it is not established (if not defeated).
					const cannot =
						supports.length === 0
							? !!n.questioned
							: weight < SUFFICIENT && supports.every((l) => ls(l.id) !== 'open');
					const unestablished = !holds && cannot;
					expect(status, n.id).toBe(
						defeated ? 'defeated' : holds ? 'holds' : unestablished ? 'unestablished' : 'open'
					);
				}
			}),
			{ numRuns: 400 }
		);
	});
});
