/**
 * What still stands: every statement's and every link's status, computed from the graph and
 * the reader's verdicts, questions and strengths. The semantics is Dung's grounded labelling,
 * extended to supports and undercuts, with Carneades' burden of proof: a statement that is
 * questioned, or whose reasons fell, is "not established" — which is not "defeated" (shown
 * false by a standing counter-claim). docs/evaluation.md states it in full and the tests follow
 * it case by case. Statuses are never stored.
 */
import { indexMap, nodeName, shorten } from './queries';
import type { ArgumentMap, Verdict } from './schema';
import { evaluate } from './grounded';
import type { Evaluation, Status } from './status';

export { shorten };
export { evaluate } from './grounded';
export { evaluateAfter, type Evaluated } from './evaluate-after';
export {
	STATUSES,
	STATUS_WORDS,
	SUFFICIENT,
	WEIGHT,
	type Evaluation,
	type Explanation,
	type Status
} from './status';

/** The statements whose status would change if the given verdicts were set: the what-if. */
export function whatIf(
	map: ArgumentMap,
	verdicts: Record<string, Verdict | undefined>,
	before = evaluate(map)
) {
	const after = evaluate(map, verdicts);
	const changes: { id: string; from: Status; to: Status }[] = [];
	for (const [id, e] of after.nodes) {
		const was = before.nodes.get(id)!.status;
		if (was !== e.status) changes.push({ id, from: was, to: e.status });
	}
	return { after, changes };
}

export interface ReasonTree {
	id: string;
	name: string;
	status: Status;
	reason: string;
	children: ReasonTree[];
}

/** The chain of reasons behind a status, as a tree, each statement explained once. */
export function reasonTree(
	map: ArgumentMap,
	evaluation: Evaluation,
	id: string,
	depth = 4
): ReasonTree {
	const index = indexMap(map);
	const seen = new Set<string>();
	const build = (nid: string, d: number): ReasonTree => {
		const e = evaluation.nodes.get(nid)!;
		const n = index.node.get(nid)!;
		// Claim the children before descending, so a statement two branches share appears once.
		const next = d <= 0 ? [] : e.because.filter((b) => index.node.has(b) && !seen.has(b));
		next.forEach((b) => seen.add(b));
		return {
			id: nid,
			name: nodeName(n),
			status: e.status,
			reason: e.reason,
			children: next.map((b) => build(b, d - 1))
		};
	};
	seen.add(id);
	return build(id, depth);
}

export interface Findings {
	/** Claims nobody gave a reason for. */
	unsupported: string[];
	/** Evidence that supports or attacks nothing. */
	unlinkedEvidence: string[];
}

export function findings(map: ArgumentMap): Findings {
	const index = indexMap(map);
	return {
		// Claims put forward as reasons (or the thesis) with nothing under them. Objections and
		// undercuts are the reader's challenges: they are judged by verdicts, not listed as gaps.
		unsupported: map.nodes
			.filter((n) => {
				if (n.kind !== 'claim' && n.kind !== 'thesis') return false;
				if ((index.incoming.get(n.id) ?? []).some((l) => l.relation === 'supports')) return false;
				const out = (index.outgoing.get(n.id) ?? []).filter((l) => l.from === n.id);
				return out.length === 0 || out.some((l) => l.relation === 'supports');
			})
			.map((n) => n.id),
		unlinkedEvidence: map.nodes
			.filter((n) => n.kind === 'evidence' && !(index.outgoing.get(n.id) ?? []).length)
			.map((n) => n.id)
	};
}
