/**
 * What still stands: every statement's and every link's status, computed from the graph and
 * the reader's verdicts, questions and strengths. The semantics is Dung's grounded labelling,
 * extended to supports and undercuts, with Carneades' burden of proof: a statement that is
 * questioned, or whose reasons fell, is "not established" — which is not "defeated" (shown
 * false by a standing counter-claim). docs/evaluation.md states it in full and the tests follow
 * it case by case. Statuses are never stored.
 */
import { indexMap, isPlaceholder, nodeName, shorten, type MapIndex } from './queries';

export { shorten };
import type { ArgumentMap, MapLink, MapNode, Strength, Verdict } from './schema';

/**
 * holds: established. unestablished: not shown — questioned with no standing reason, or its
 * reasons fell — but nothing shows it false. defeated: a standing counter-claim (or the
 * reader's rejection) says it is false. open: undecided.
 */
export type Status = 'holds' | 'unestablished' | 'defeated' | 'open';
export const STATUSES: readonly Status[] = ['holds', 'unestablished', 'defeated', 'open'];

/** The words for a status, as people say them. */
export const STATUS_WORDS: Record<Status, string> = {
	holds: 'holds',
	unestablished: 'not established',
	defeated: 'defeated',
	open: 'open'
};

export interface Explanation {
	status: Status;
	/** One plain sentence. */
	reason: string;
	/** The statements and links the reason rests on. */
	because: string[];
}

export interface Evaluation {
	nodes: Map<string, Explanation>;
	links: Map<string, Explanation>;
}

/** Weight of a support; a conclusion needs standing support of weight 2 (one moderate reason). */
export const WEIGHT: Record<Strength, number> = { strong: 3, moderate: 2, weak: 1 };
export const SUFFICIENT = 2;
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

/** An explanation whose reason is put into words when first read (then kept). */
function explained(status: Status, explain: () => Explanation): Explanation {
	let full: Explanation | undefined;
	return {
		status,
		get reason() {
			return (full ??= explain()).reason;
		},
		get because() {
			return (full ??= explain()).because;
		}
	};
}

/** At most `max` characters, cut at a word boundary. */
function quoteName(index: MapIndex, id: string): string {
	const n = index.node.get(id);
	if (!n) return id;
	const text = shorten(n.text, 60);
	return n.label ?? `“${text}”`;
}

function explainLink(
	index: MapIndex,
	l: MapLink,
	nodeStatus: (id: string) => Status,
	linkStatus: (id: string) => Status
): Explanation {
	const status = linkStatus(l.id);
	const premises = [l.from, ...(l.with ?? [])];
	const cuts = (index.incoming.get(l.id) ?? []).filter((u) => u.relation === 'undercuts');
	if (status === 'defeated') {
		const cut = cuts.find((u) => linkStatus(u.id) === 'holds')!;
		return {
			status,
			reason: `undercut by ${quoteName(index, cut.from)}`,
			because: [cut.from, cut.id]
		};
	}
	if (status === 'unestablished') {
		const fallen = premises.filter((p) => ['defeated', 'unestablished'].includes(nodeStatus(p)));
		return {
			status,
			reason: fallen
				.map((p) => `its premise ${quoteName(index, p)} is ${STATUS_WORDS[nodeStatus(p)]}`)
				.join(' and '),
			because: unique(fallen)
		};
	}
	if (status === 'holds')
		return {
			status,
			reason: 'its premises hold and nothing undercuts it',
			because: unique(premises)
		};
	const open = premises.filter((p) => nodeStatus(p) === 'open');
	const openCuts = cuts.filter((u) => linkStatus(u.id) === 'open');
	return {
		status,
		reason: openCuts.length
			? `an undercut by ${quoteName(index, openCuts[0]!.from)} is itself open`
			: `its premise ${open.map((p) => quoteName(index, p)).join(' and ')} is open`,
		because: unique([...open, ...openCuts.map((u) => u.from)])
	};
}

/**
 * The index with what drafts ("New objection") argue left out of `incoming`: a draft takes no
 * part in the evaluation. The same index when there are no drafts (the usual case).
 */
function withoutDrafts(index: MapIndex): MapIndex {
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

/**
 * Why steps fell, each cause said once: "Hidden assumption: … is defeated (the steps from
 * Motive 1, Motive 2 and Motive 3 rest on it); Motive 4 is not established; the step from
 * Motive 5 is undercut by “…”". A reason that fell is named by itself; a co-premise or an
 * undercut shared by several steps says which.
 */
function whyStepsFell(
	index: MapIndex,
	steps: MapLink[],
	nodeStatus: (id: string) => Status,
	linkStatus: (id: string) => Status
): string {
	const causes = new Map<string, { text: string; steps: string[] }>();
	const add = (key: string, text: string, step: MapLink) => {
		const c = causes.get(key) ?? { text, steps: [] };
		c.steps.push(step.from);
		causes.set(key, c);
	};
	for (const l of steps) {
		const cut = (index.incoming.get(l.id) ?? []).find(
			(u) => u.relation === 'undercuts' && linkStatus(u.id) === 'holds'
		);
		if (cut) {
			add(`cut:${cut.from}`, `undercut by ${quoteName(index, cut.from)}`, l);
			continue;
		}
		const fallen = [l.from, ...(l.with ?? [])].filter((p) =>
			['defeated', 'unestablished'].includes(nodeStatus(p))
		);
		for (const p of fallen)
			add(`node:${p}`, `${quoteName(index, p)} is ${STATUS_WORDS[nodeStatus(p)]}`, l);
		if (!fallen.length) add(`open:${l.id}`, `the step from ${quoteName(index, l.from)} is open`, l);
	}
	const names = (ids: string[]) => {
		const n = ids.map((id) => quoteName(index, id));
		return n.length === 1 ? n[0]! : `${n.slice(0, -1).join(', ')} and ${n.at(-1)}`;
	};
	return [...causes.entries()]
		.map(([key, c]) => {
			const own = key.startsWith('node:') && c.steps.length === 1 && c.steps[0] === key.slice(5);
			if (own) return c.text;
			if (key.startsWith('cut:'))
				return `the step${c.steps.length === 1 ? '' : 's'} from ${names(c.steps)} ${c.steps.length === 1 ? 'is' : 'are'} ${c.text}`;
			return `${c.text} (the step${c.steps.length === 1 ? '' : 's'} from ${names(c.steps)} ${c.steps.length === 1 ? 'rests' : 'rest'} on it)`;
		})
		.join('; ');
}

/** "questioned by Ana: which figures?" — who asked, and what. */
function questionedBy(index: MapIndex, id: string): string {
	const q = index.node.get(id)?.questioned;
	if (!q) return '';
	return `questioned${q.author ? ` by ${q.author}` : ''}${q.note ? ` (“${shorten(q.note, 80)}”)` : ''}`;
}

function explainNode(
	index: MapIndex,
	id: string,
	verdict: Verdict | undefined,
	nodeStatus: (id: string) => Status,
	linkStatus: (id: string) => Status
): Explanation {
	const status = nodeStatus(id);
	if (verdict === 'accepted') return { status, reason: 'you accepted it', because: [] };
	if (verdict === 'rejected') return { status, reason: 'you rejected it', because: [] };
	if (verdict === 'open') return { status, reason: 'you marked it open: undecided', because: [] };
	const node = index.node.get(id);
	if (node && isPlaceholder(node))
		return {
			status,
			reason: 'a draft: it counts once you write what it says',
			because: []
		};
	const incoming = index.incoming.get(id) ?? [];
	const attacks = incoming.filter((l) => l.relation === 'attacks');
	const supports = incoming.filter((l) => l.relation === 'supports');
	const answered = attacks.filter(
		(l) => linkStatus(l.id) !== 'holds' && linkStatus(l.id) !== 'open'
	);
	const answeredText = answered.length
		? `; ${answered.length === 1 ? 'its objection' : `its ${answered.length} objections`} ${answered.length === 1 ? 'is' : 'are'} answered`
		: '';
	const standing = supports.filter((l) => linkStatus(l.id) === 'holds');
	const asked = questionedBy(index, id);

	if (status === 'defeated') {
		const attack = attacks.find((l) => linkStatus(l.id) === 'holds')!;
		return {
			status,
			reason: `attacked by ${quoteName(index, attack.from)}, which stands`,
			because: [attack.from]
		};
	}
	if (status === 'unestablished') {
		if (supports.length === 0)
			return {
				status,
				reason: `${asked} and no reason is given for it; nothing shows it false`,
				because: []
			};
		if (standing.length > 0)
			return {
				status,
				reason: `its only standing support is weak (${standing.map((l) => quoteName(index, l.from)).join(', ')}), not enough to establish it; nothing shows it false`,
				because: unique(standing.map((l) => l.from))
			};
		// Each reason's own step says why it fell: a premise that did not hold, or an undercut.
		const steps = supports.map((l) => ({ l, e: explainLink(index, l, nodeStatus, linkStatus) }));
		return {
			status,
			reason: `none of its reasons stands (${whyStepsFell(index, supports, nodeStatus, linkStatus)}); nothing shows it false`,
			because: unique(steps.flatMap(({ e }) => e.because)).filter((b) => index.node.has(b))
		};
	}
	if (status === 'holds') {
		if (supports.length === 0) {
			return {
				status,
				reason: `nothing stands against it, so it is taken as given until questioned${answeredText}`,
				because: unique(answered.map((l) => l.from))
			};
		}
		const list = standing.map(
			(l) => `${quoteName(index, l.from)}${l.strength ? ` (${l.strength})` : ''}`
		);
		return {
			status,
			reason: `${asked ? `${asked}, and answered: ` : ''}supported by ${list.join(', ')}${answeredText}`,
			because: unique([...standing.map((l) => l.from), ...answered.map((l) => l.from)])
		};
	}
	// Open: say what keeps it undecided.
	const openAttack = attacks.find((l) => linkStatus(l.id) === 'open');
	if (openAttack) {
		const attacker = openAttack.from;
		const mutual = (index.incoming.get(attacker) ?? []).some(
			(l) => l.relation === 'attacks' && l.from === id
		);
		if (mutual) {
			return {
				status,
				reason: `it and ${quoteName(index, attacker)} attack each other and neither is settled`,
				because: [attacker]
			};
		}
		// The attack is open because the attacker is, or because its own step is (a co-premise
		// or an undercut of it is open): say which.
		const step = explainLink(index, openAttack, nodeStatus, linkStatus);
		return nodeStatus(attacker) === 'open'
			? {
					status,
					reason: `attacked by ${quoteName(index, attacker)}, which is itself open`,
					because: [attacker]
				}
			: {
					status,
					reason: `the attack by ${quoteName(index, attacker)} is unsettled: ${step.reason}`,
					because: unique(step.because)
				};
	}
	// Say why each undecided reason is undecided: its premise, a co-premise or an undercut.
	const openSupports = supports.filter((l) => linkStatus(l.id) === 'open');
	const why = openSupports.map(
		(l) =>
			`the step from ${quoteName(index, l.from)} is open: ${explainLink(index, l, nodeStatus, linkStatus).reason}`
	);
	return {
		status,
		reason: why.join('; '),
		because: unique(
			openSupports.flatMap((l) => explainLink(index, l, nodeStatus, linkStatus).because)
		)
	};
}

const unique = (ids: string[]) => [...new Set(ids)];

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
