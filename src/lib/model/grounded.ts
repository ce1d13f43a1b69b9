/**
 * The labelling behind every status: Dung's grounded labelling extended to supports and
 * undercuts, with Carneades' burden of proof (docs/evaluation.md). model/evaluate.ts is the
 * module to import.
 */
import { indexMap, isPlaceholder, type MapIndex } from './queries';
import type { ArgumentMap, MapLink, Verdict } from './schema';
import { explainLink, explainNode, explained } from './explain';
import { SUFFICIENT, WEIGHT, type Evaluation, type Status } from './status';

const weight = (l: MapLink) => WEIGHT[l.strength ?? 'moderate'];

/** Statement labels: in, out (shown false), unest (not shown), undec. Links are in, out or undec. */
type Label = 'in' | 'out' | 'unest' | 'undec';
const STATUS: Record<Label, Status> = {
	in: 'holds',
	out: 'defeated',
	unest: 'unestablished',
	undec: 'open'
};

/**
 * Evaluate a map. `verdicts` overrides the map's own verdicts (the what-if: "if I rejected
 * this…"); a value of undefined removes a verdict. `mapIndex`, when the caller has it, saves
 * indexing the map again. Statuses are computed at once; each reason is put into words only
 * when it is first read (an edit on a large map reads a few of them, not thousands).
 */
export function evaluate(
	map: ArgumentMap,
	verdicts: Record<string, Verdict | undefined> = {},
	mapIndex: MapIndex = indexMap(map)
): Evaluation {
	// The map without what drafts argue: built once, and only when there are drafts.
	const live = withoutDrafts(mapIndex);
	const index = live;
	const verdictOf = (id: string): Verdict | undefined =>
		id in verdicts ? verdicts[id] : index.node.get(id)?.verdict;
	const node = new Map<string, Label>();
	const link = new Map<string, Label>();

	// Fixed by the reader: accepted holds, rejected is defeated, open stays undecided. Statements
	// with no verdict are left to the graph.
	const fixed = new Set<string>();
	for (const n of map.nodes) {
		const v = verdictOf(n.id);
		if (v === 'accepted') node.set(n.id, 'in');
		else if (v === 'rejected') node.set(n.id, 'out');
		// A template's statement that nobody has written yet argues nothing: undecided.
		if (v || isPlaceholder(n)) fixed.add(n.id);
	}

	// A statement nobody has written yet ("New objection") takes no part: what it argues is left
	// out until it says something.
	const arguing = (id: string, relation: MapLink['relation']) =>
		(live.incoming.get(id) ?? []).filter((l) => l.relation === relation);
	const undercutsOf = (linkId: string) => arguing(linkId, 'undercuts');
	const attacksOn = (id: string) => arguing(id, 'attacks');
	const supportsOf = (id: string) => arguing(id, 'supports');
	const settled = (label: Label | undefined) => label !== undefined && label !== 'undec';

	/**
	 * A link is in force when all its premises hold and nothing that undercuts it is in force;
	 * it fails when a premise is settled and does not hold (shown false or not shown), or an
	 * undercut of it is in force.
	 */
	function linkLabel(l: MapLink): Label | undefined {
		const premises = [l.from, ...(l.with ?? [])].map((p) => node.get(p));
		const cuts = undercutsOf(l.id).map((u) => link.get(u.id));
		const fails = [l.from, ...(l.with ?? [])].some((p) => cannot.has(p));
		if (fails || premises.some((p) => p === 'out' || p === 'unest') || cuts.includes('in'))
			return 'out';
		if (premises.every((p) => p === 'in') && cuts.every((c) => c === 'out')) return 'in';
		return undefined;
	}

	/**
	 * Statements that can no longer hold, whatever their attackers turn out to be: questioned
	 * with no reason, or every reason settled and not enough standing. What they argue fails
	 * at once (so two such rivals do not wait on each other); whether they are also shown false
	 * waits on their attackers.
	 */
	const cannot = new Set<string>();

	/** What its reasons give a statement: enough, not enough, or not yet known. */
	function supported(id: string): 'yes' | 'no' | undefined {
		const supports = supportsOf(id);
		// No reasons: presumed until questioned; questioned, it carries the burden and has nothing.
		if (supports.length === 0) return index.node.get(id)?.questioned ? 'no' : 'yes';
		const standing = supports
			.filter((l) => link.get(l.id) === 'in')
			.reduce((sum, l) => sum + weight(l), 0);
		if (standing >= SUFFICIENT) return 'yes';
		// Every reason settled and not enough stands: not shown (nor shown false).
		return supports.every((l) => settled(link.get(l.id))) ? 'no' : undefined;
	}

	function nodeLabel(id: string): Label | undefined {
		const attacks = attacksOn(id).map((l) => link.get(l.id));
		// A counter-claim that stands shows it false.
		if (attacks.includes('in')) return 'out';
		const support = supported(id);
		if (attacks.every((a) => a === 'out'))
			return support === 'yes' ? 'in' : support === 'no' ? 'unest' : undefined;
		if (support === 'no') cannot.add(id);
		return undefined;
	}

	// The least fixed point: label only what is settled, and when something is labelled look
	// again at what depends on it (a worklist, so a long chain costs one pass, not one pass per
	// link of the chain). What is never settled is neither established nor refuted: open (odd
	// cycles, mutual attacks, what rests on an undecided statement).
	type Item = { kind: 'node'; id: string } | { kind: 'link'; l: MapLink };
	const queue: Item[] = [
		...map.links.map((l) => ({ kind: 'link' as const, l })),
		...map.nodes.map((n) => ({ kind: 'node' as const, id: n.id }))
	];
	while (queue.length) {
		const item = queue.pop()!;
		if (item.kind === 'link') {
			if (link.has(item.l.id)) continue;
			const label = linkLabel(item.l);
			if (!label) continue;
			link.set(item.l.id, label);
			// A link's label settles its conclusion, or (an undercut) the link it attacks.
			const target = index.link.get(item.l.to);
			if (item.l.relation === 'undercuts' && target) queue.push({ kind: 'link', l: target });
			else queue.push({ kind: 'node', id: item.l.to });
		} else {
			if (node.has(item.id) || fixed.has(item.id)) continue;
			const could = !cannot.has(item.id);
			const label = nodeLabel(item.id);
			if (!label) {
				// It just became unable to hold: what it argues fails now.
				if (could && cannot.has(item.id))
					for (const l of index.outgoing.get(item.id) ?? []) queue.push({ kind: 'link', l });
				continue;
			}
			node.set(item.id, label);
			// A statement's label settles the links it is a premise of (as reason or co-premise).
			for (const l of index.outgoing.get(item.id) ?? []) queue.push({ kind: 'link', l });
		}
	}

	// What cannot hold and was never shown false (its attackers stayed undecided) is not
	// established: that much is certain.
	for (const id of cannot) if (!node.has(id)) node.set(id, 'unest');

	const result: Evaluation = { nodes: new Map(), links: new Map() };
	const nodeStatus = (id: string) => STATUS[node.get(id) ?? 'undec'];
	// A link that fails is defeated when an undercut shows the step does not follow, and not
	// established when its premise did not hold.
	const linkStatus = (id: string): Status => {
		const label = link.get(id);
		if (label !== 'out') return STATUS[label ?? 'undec'];
		return undercutsOf(id).some((u) => link.get(u.id) === 'in') ? 'defeated' : 'unestablished';
	};
	for (const l of map.links)
		result.links.set(
			l.id,
			explained(linkStatus(l.id), () => explainLink(index, l, nodeStatus, linkStatus))
		);
	for (const n of map.nodes)
		result.nodes.set(
			n.id,
			explained(nodeStatus(n.id), () =>
				explainNode(index, n.id, verdictOf(n.id), nodeStatus, linkStatus)
			)
		);
	return result;
}

/**
 * The index with what drafts ("New objection") argue left out of `incoming`: a draft takes no
 * part in the evaluation. The same index when there are no drafts (the usual case).
 */
export function withoutDrafts(index: MapIndex): MapIndex {
	const drafts = new Set([...index.node.values()].filter(isPlaceholder).map((n) => n.id));
	if (!drafts.size) return index;
	const incoming = new Map<string, MapLink[]>();
	for (const [id, links] of index.incoming)
		incoming.set(
			id,
			links.filter((l) => !drafts.has(l.from))
		);
	return { ...index, incoming };
}
