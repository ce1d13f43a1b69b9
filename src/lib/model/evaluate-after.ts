/** Evaluating the next version of a map by what changed since the last (model/evaluate.ts). */
import { indexMap, isPlaceholder, type MapIndex } from './queries';
import type { ArgumentMap, MapLink, MapNode } from './schema';
import { explainLink, explainNode, explained } from './explain';
import { evaluate, withoutDrafts } from './grounded';
import type { Evaluation } from './status';

/** A version of a map and its evaluation, kept to evaluate the next version by what changed. */
export interface Evaluated {
	map: ArgumentMap;
	evaluation: Evaluation;
}

/** What changed between two versions, when it is only drafts (with what they argue). */
interface DraftChange {
	added: { nodes: MapNode[]; links: MapLink[] };
	gone: { nodes: MapNode[]; links: MapLink[] };
}

/** A statement nobody has written yet, and not judged: it takes no part in the evaluation. */
const isBareDraft = (n: MapNode) => isPlaceholder(n) && !n.verdict;

/**
 * The change from `a` to `b` when it is only bare drafts added or taken away, with links from
 * them (an edit's first step, or its undo); undefined for any other change. `index` is `b`'s.
 */
function draftsOnly(a: ArgumentMap, b: ArgumentMap, index: MapIndex): DraftChange | undefined {
	const without = <T>(xs: readonly T[], ys: readonly T[]) => {
		const keep = new Set(ys);
		return xs.filter((x) => !keep.has(x));
	};
	const added = { nodes: without(b.nodes, a.nodes), links: without(b.links, a.links) };
	const gone = { nodes: without(a.nodes, b.nodes), links: without(a.links, b.links) };
	if (![...added.nodes, ...gone.nodes].every(isBareDraft)) return undefined;
	const goneDrafts = new Set(gone.nodes.map((n) => n.id));
	const draftNow = (id: string) => {
		const n = index.node.get(id);
		return !!n && isBareDraft(n);
	};
	const fromDraft = (l: MapLink, before: boolean) =>
		!l.with?.length && (draftNow(l.from) || (before && goneDrafts.has(l.from)));
	if (
		!added.links.every((l) => fromDraft(l, false)) ||
		!gone.links.every((l) => fromDraft(l, true))
	)
		return undefined;
	return { added, gone };
}

/**
 * The evaluation of `map`, given `before` (an earlier version and its evaluation): a change that
 * cannot move any status (bare drafts added or taken away, as adding a statement does before it
 * is written) keeps every other status and reason and evaluates only the drafts (open); any
 * other change evaluates afresh. Equal to `evaluate(map)` either way.
 */
export function evaluateAfter(
	before: Evaluated | undefined,
	map: ArgumentMap,
	index: MapIndex = indexMap(map)
): Evaluation {
	const change = before && draftsOnly(before.map, map, index);
	if (!change) return evaluate(map, {}, index);
	const nodes = new Map(before.evaluation.nodes);
	const links = new Map(before.evaluation.links);
	for (const n of change.gone.nodes) nodes.delete(n.id);
	for (const l of change.gone.links) links.delete(l.id);
	const live = withoutDrafts(index);
	const nodeStatus = (id: string) => nodes.get(id)?.status ?? 'open';
	const linkStatus = (id: string) => links.get(id)?.status ?? 'open';
	for (const n of change.added.nodes)
		nodes.set(
			n.id,
			explained('open', () => explainNode(live, n.id, undefined, nodeStatus, linkStatus))
		);
	for (const l of change.added.links)
		links.set(
			l.id,
			explained('open', () => explainLink(live, l, nodeStatus, linkStatus))
		);
	return { nodes, links };
}
