/**
 * The walkthrough: a map presented step by step on a projector. The steps follow the argument
 * (the thesis; each reason with its evidence, depth first in the author's order; the author's
 * own objections where they are raised), then the critique (the reader's objections, undercuts,
 * hidden assumptions and other additions, each with what it is about), then what follows for
 * the thesis. A teacher may reorder the steps; the order is saved with the map (`walkthrough`).
 * Pure: computed from the map, never stored beyond the order of the keys.
 */
import { argumentsBelow, indexMap, isPlaceholder, type MapIndex } from './queries';
import { FOLLOWS_STEP, type ArgumentMap, type MapLink } from './schema';

export type StepKind =
	'thesis' | 'reason' | 'objection' | 'undercut' | 'assumption' | 'support' | 'follows';

export interface Step {
	/** The id of the statement it presents (`FOLLOWS_STEP` for what follows): what an order saves. */
	key: string;
	kind: StepKind;
	/** The statement the step is about, shown first and largest. */
	focus: string;
	/** The statements shown with it: a reason's evidence and co-premises, a critique's own reasons. */
	with: string[];
	/** What a critique item is about (the statement it attacks, the step it undercuts). */
	about: string[];
}

/** Every statement a step shows on the map: its focus, what comes with it, what it is about. */
export const stepNodes = (s: Step): string[] => [...new Set([s.focus, ...s.with, ...s.about])];

/** The order the critique is told in: what attacks first, what adds to the argument last. */
const CRITIQUE_ORDER: StepKind[] = ['objection', 'undercut', 'assumption', 'support'];

/**
 * The steps in the argument's order. Example, for a thesis with two reasons and one objection
 * of a reader's: `thesis`, `motive-1`, `motive-2`, `obj-…`, `#follows`.
 */
export function argumentSteps(map: ArgumentMap, index: MapIndex = indexMap(map)): Step[] {
	const steps: Step[] = [];
	const told = new Set<string>();
	const isSource = (id: string) => index.node.get(id)?.origin === 'source';
	const incoming = (id: string) => index.incoming.get(id) ?? [];
	/** What comes with a source statement: its co-premises on `via`, then its evidence (and theirs). */
	const withOf = (id: string, via: MapLink | undefined) => {
		const out = [...(via?.with ?? [])];
		// Its evidence, and evidence offered for that evidence, all the way down.
		const evidenceOf = (to: string) => {
			for (const l of incoming(to)) {
				if (l.relation !== 'supports' || l.origin !== 'source') continue;
				if (index.node.get(l.from)?.kind !== 'evidence' || out.includes(l.from)) continue;
				out.push(l.from, ...(l.with ?? []));
				evidenceOf(l.from);
			}
		};
		evidenceOf(id);
		// A reader's hidden assumption joined to a reason is part of the critique, not of the text.
		return [...new Set(out)].filter((x) => x !== id && isSource(x));
	};

	// The argument: depth first from the thesis, in the author's (file) order of links.
	const tell = (id: string, kind: StepKind, via?: MapLink) => {
		if (told.has(id)) return;
		told.add(id);
		const about = via && kind !== 'reason' ? [via.to] : [];
		// A template's "Reason 2" nobody has written yet is no step to present.
		const node = index.node.get(id);
		if (!node || kind === 'thesis' || !isPlaceholder(node))
			steps.push({ key: id, kind, focus: id, with: withOf(id, via), about });
		for (const l of incoming(id)) {
			if (l.origin !== 'source' || !isSource(l.from)) continue;
			if (l.relation === 'supports' && index.node.get(l.from)?.kind !== 'evidence')
				tell(l.from, 'reason', l);
			else if (l.relation === 'attacks') tell(l.from, 'objection', l);
		}
	};
	const thesis = index.thesis;
	if (thesis && thesis.origin === 'source') tell(thesis.id, 'thesis');
	// Source statements the walk did not reach (a second conclusion, an unlinked claim) follow
	// in file order, unless a step already shows them.
	const shown = () => new Set(steps.flatMap(stepNodes));
	for (const n of map.nodes) {
		if (n.origin !== 'source' || told.has(n.id) || shown().has(n.id)) continue;
		tell(n.id, n.kind === 'thesis' ? 'thesis' : 'reason', index.outgoing.get(n.id)?.[0]);
	}

	// The critique: each reader statement that argues about the text, with what it is about and
	// the reader's own statements below it (its evidence, rebuttals of it).
	const critique: Step[] = [];
	const inSteps = new Set(steps.flatMap(stepNodes));
	for (const n of map.nodes) {
		if (n.origin !== 'reader' || inSteps.has(n.id) || isPlaceholder(n)) continue;
		const out = (index.outgoing.get(n.id) ?? []).filter((l) => l.from === n.id);
		// A co-premise (a hidden assumption) is about the step it joins.
		const joins = (index.outgoing.get(n.id) ?? []).filter((l) => l.from !== n.id);
		// A reader statement about another reader statement comes with that one.
		if ([...out, ...joins].some((l) => index.node.get(l.to)?.origin === 'reader')) continue;
		const first = out[0];
		const kind: StepKind =
			n.kind === 'assumption'
				? 'assumption'
				: first?.relation === 'undercuts'
					? 'undercut'
					: first?.relation === 'attacks'
						? 'objection'
						: 'support';
		const about = [...out, ...joins].flatMap((l) => {
			if (l.from !== n.id) return [l.from, l.to];
			const link = index.link.get(l.to);
			return link ? [link.from, link.to] : [l.to];
		});
		// The reader's statements arguing about it, further down too, in file order.
		const args = argumentsBelow(index, n.id);
		const below = map.nodes
			.filter((x) => x.origin === 'reader' && args.has(x.id) && !inSteps.has(x.id))
			.map((x) => x.id);
		for (const x of [n.id, ...below]) inSteps.add(x);
		critique.push({
			key: n.id,
			kind,
			focus: n.id,
			with: below,
			about: [...new Set(about)].filter((x) => index.node.has(x))
		});
	}
	critique.sort((a, b) => CRITIQUE_ORDER.indexOf(a.kind) - CRITIQUE_ORDER.indexOf(b.kind));
	steps.push(...critique);

	const judged =
		critique.length > 0 ||
		map.nodes.some((n) => n.verdict || n.questioned) ||
		!!map.links.some((l) => l.strength);
	if (thesis && judged) {
		const reasons = incoming(thesis.id)
			.filter((l) => l.relation === 'supports')
			.map((l) => l.from);
		steps.push({
			key: FOLLOWS_STEP,
			kind: 'follows',
			focus: thesis.id,
			with: [],
			about: [...new Set(reasons)]
		});
	}
	return steps;
}

/**
 * `steps` in a saved order: the keys of `order` first, as saved, with keys the map no longer
 * has (and repeats) skipped; a step the order does not name (added since) goes right after the
 * step it follows in the argument's order, so new statements turn up where the argument has them.
 */
export function orderSteps(steps: readonly Step[], order: readonly string[] | undefined): Step[] {
	if (!order?.length) return [...steps];
	const byKey = new Map(steps.map((s) => [s.key, s]));
	const out: Step[] = [];
	for (const key of order) {
		const s = byKey.get(key);
		if (s && !out.includes(s)) out.push(s);
	}
	steps.forEach((s, i) => {
		if (out.includes(s)) return;
		const before = i > 0 ? out.indexOf(steps[i - 1]!) : -1;
		out.splice(before + 1, 0, s);
	});
	return out;
}

/** The map's walkthrough: its steps in the saved order, or the argument's. */
export function walkthroughSteps(map: ArgumentMap, index: MapIndex = indexMap(map)): Step[] {
	return orderSteps(argumentSteps(map, index), map.walkthrough?.order);
}

/**
 * The order to save after moving the step at `from` by `delta` (−1 up, +1 down): the keys of
 * every step, or undefined when that is the argument's own order (nothing to save). Undefined
 * too when the move goes past either end.
 */
export function movedOrder(
	map: ArgumentMap,
	steps: readonly Step[],
	from: number,
	delta: number
): { order: string[] | undefined } | undefined {
	const to = from + delta;
	if (from < 0 || from >= steps.length || to < 0 || to >= steps.length) return undefined;
	const keys = steps.map((s) => s.key);
	const [key] = keys.splice(from, 1);
	keys.splice(to, 0, key!);
	const natural = argumentSteps(map).map((s) => s.key);
	const same = keys.length === natural.length && keys.every((k, i) => k === natural[i]);
	return { order: same ? undefined : keys };
}
