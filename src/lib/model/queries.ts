/**
 * Derived facts about a map: never stored, always computed from nodes and links.
 */
import type { ArgumentMap, InText, MapLink, MapNode, Origin } from './schema';

export type Role =
	'thesis' | 'reason' | 'objection' | 'rebuttal' | 'undercut' | 'co-premise' | 'unlinked';

export interface MapIndex {
	node: Map<string, MapNode>;
	link: Map<string, MapLink>;
	/** Links leaving a node (it is their reason), in file order. */
	outgoing: Map<string, MapLink[]>;
	/** Links arriving at a node or a link (undercuts), in file order: the author's sibling order. */
	incoming: Map<string, MapLink[]>;
	thesis: MapNode | undefined;
}

export function indexMap(map: ArgumentMap): MapIndex {
	const node = new Map(map.nodes.map((n) => [n.id, n]));
	const link = new Map(map.links.map((l) => [l.id, l]));
	const outgoing = new Map<string, MapLink[]>();
	const incoming = new Map<string, MapLink[]>();
	const push = (m: Map<string, MapLink[]>, k: string, l: MapLink) => {
		const list = m.get(k);
		if (list) list.push(l);
		else m.set(k, [l]);
	};
	for (const l of map.links) {
		push(outgoing, l.from, l);
		for (const co of l.with ?? []) push(outgoing, co, l);
		push(incoming, l.to, l);
	}
	return { node, link, outgoing, incoming, thesis: map.nodes.find((n) => n.kind === 'thesis') };
}

/** How a node functions in the argument, from its first outgoing link. */
export function roleOf(index: MapIndex, id: string): Role {
	const n = index.node.get(id);
	if (!n) return 'unlinked';
	if (n.kind === 'thesis') return 'thesis';
	const out = index.outgoing.get(id) ?? [];
	const first = out[0];
	if (!first) return 'unlinked';
	if (first.from !== id) return 'co-premise';
	if (first.relation === 'supports') return 'reason';
	if (first.relation === 'undercuts') return 'undercut';
	const target = index.node.get(first.to);
	const targetOut = target ? index.outgoing.get(target.id)?.[0] : undefined;
	return targetOut?.relation === 'attacks' ? 'rebuttal' : 'objection';
}

const BASIS_NAMES: Record<string, string> = {
	statistic: 'Statistic',
	project: 'Project',
	agreement: 'Agreement',
	event: 'Event',
	poll: 'Poll',
	quote: 'Quote',
	expert: 'Expert',
	document: 'Document',
	programme: 'Programme',
	example: 'Example'
};

/** Each kind's name: a statement's name when it has no label and its role adds nothing. */
export const KIND_TITLES: Record<MapNode['kind'], string> = {
	thesis: 'Thesis',
	claim: 'Claim',
	evidence: 'Evidence',
	assumption: 'Assumption'
};
const ROLE_TITLES: Partial<Record<Role, string>> = {
	objection: 'Objection',
	rebuttal: 'Rebuttal',
	undercut: 'Undercut',
	'co-premise': 'Hidden assumption'
};

/**
 * What an unlabelled statement does, as its title: "Objection", "Rebuttal", "Undercut". A claim
 * that supports is a reason; evidence that supports stays "Evidence".
 */
export function roleTitle(role: Role, kind: MapNode['kind']): string {
	if (role === 'reason' && kind === 'claim') return 'Reason';
	return ROLE_TITLES[role] ?? KIND_TITLES[kind];
}

/**
 * A node's short name, shown above its text and used in accessible names: its label, else
 * what kind of statement it is ("Evidence · Poll", "Assumption"). Given its `role`, an
 * unlabelled claim is named by what it does instead, as the map heads it ("Objection",
 * "Rebuttal"): a reader of the map expects a box to say what it is in the argument.
 */
export function nodeName(n: Pick<MapNode, 'kind' | 'label' | 'basis'>, role?: Role): string {
	if (n.label) return n.label;
	if (n.kind === 'claim' && role) return roleTitle(role, n.kind);
	if (n.kind === 'evidence') return n.basis ? `Evidence · ${BASIS_NAMES[n.basis]}` : 'Evidence';
	return KIND_TITLES[n.kind];
}

/** A statement's name in the map, with its role: as its box is headed and named to a screen reader. */
export function nameInMap(index: MapIndex, n: MapNode): string {
	return nodeName(n, roleOf(index, n.id));
}

/** Short form of a figure: "$68M · 2012", "43 %", "about 1000 students · 2009–2012", "-$5M". */
export function formatFigure(f: {
	value: number;
	unit?: string;
	year?: number;
	yearEnd?: number;
	qualifier?: string;
}): string {
	const q = f.qualifier && f.qualifier !== 'exactly' ? `${f.qualifier} ` : '';
	let amount: string;
	if (f.unit === 'USD') {
		const abs = Math.abs(f.value);
		const sign = f.value < 0 ? '-' : '';
		amount =
			abs >= 1e9
				? `${sign}$${trim(abs / 1e9)}B`
				: abs >= 1e6
					? `${sign}$${trim(abs / 1e6)}M`
					: `${sign}$${abs.toLocaleString('en-US')}`;
	} else if (f.unit?.startsWith('%')) {
		amount = `${trim(f.value)}${f.unit}`;
	} else {
		amount = `${f.value.toLocaleString('en-US')}${f.unit ? ` ${f.unit}` : ''}`;
	}
	const years = f.year ? (f.yearEnd ? `${f.year}–${f.yearEnd}` : `${f.year}`) : '';
	return `${q}${amount}${years ? ` · ${years}` : ''}`;
}

function trim(n: number): string {
	return Number(n.toFixed(2)).toString();
}

export interface MapCounts {
	nodes: number;
	links: number;
	claims: number;
	evidence: number;
	reader: number;
}

export function countMap(map: ArgumentMap): MapCounts {
	return {
		nodes: map.nodes.length,
		links: map.links.length,
		claims: map.nodes.filter((n) => n.kind === 'claim').length,
		evidence: map.nodes.filter((n) => n.kind === 'evidence').length,
		reader:
			map.nodes.filter((n) => n.origin === 'reader').length +
			map.links.filter((l) => l.origin === 'reader').length
	};
}

/**
 * The statements that argue directly about `id`, in the author's order: its reasons and
 * objections, their co-premises, and whatever undercuts those links.
 */
export function childrenOf(index: MapIndex, id: string): string[] {
	const out: string[] = [];
	const add = (x: string) => {
		if (x !== id && index.node.has(x) && !out.includes(x)) out.push(x);
	};
	for (const l of index.incoming.get(id) ?? []) {
		if (l.relation === 'undercuts') continue;
		add(l.from);
		for (const co of l.with ?? []) add(co);
		for (const u of index.incoming.get(l.id) ?? []) add(u.from);
	}
	return out;
}

/** The statement `id` argues about first: its conclusion (for an undercut, the attacked link's conclusion). */
export function parentOf(index: MapIndex, id: string): string | undefined {
	const first = index.outgoing.get(id)?.[0];
	if (!first) return undefined;
	if (first.relation === 'undercuts') return index.link.get(first.to)?.to;
	return first.to;
}

/**
 * Tag of a statement a template made and nobody has written yet ("Reason 1"): it is undecided
 * until its text is edited (editing the text drops the tag).
 */
export const PLACEHOLDER_TAG = 'placeholder';

/** The words a statement starts with when it is added (O, E, Tab, U…), before anyone writes it. */
export const DRAFT_WORDS = {
	reason: 'New reason',
	objection: 'New objection',
	evidence: 'New evidence',
	assumption: 'New hidden assumption',
	undercut: 'New undercut'
} as const;
export const DRAFT_TEXTS: ReadonlySet<string> = new Set(Object.values(DRAFT_WORDS));

/**
 * True for a statement nobody has written yet: a template's placeholder, or a fresh statement
 * still reading "New objection". It takes no part in the evaluation until it says something.
 */
export function isPlaceholder(n: Pick<MapNode, 'tags'> & { text?: string }): boolean {
	return (n.tags?.includes(PLACEHOLDER_TAG) ?? false) || DRAFT_TEXTS.has(n.text ?? '');
}

/**
 * The links by which `id` argues as a reason or an objection (not as a co-premise, not as an
 * undercut), in file order: the inferences an undercut or a hidden assumption can attach to.
 */
export function inferencesOf(index: MapIndex, id: string): MapLink[] {
	return (index.outgoing.get(id) ?? []).filter((l) => l.from === id && l.relation !== 'undercuts');
}

/** The first of `inferencesOf`: the step a statement's role and "its conclusion" come from. */
export function inferenceOf(index: MapIndex, id: string): MapLink | undefined {
	return inferencesOf(index, id)[0];
}

/**
 * Everything that argues for or against `id`, directly or further down: reasons, co-premises,
 * undercuts of their links, and so on. Moving `id` under any of these would make a circle.
 */
export function argumentsBelow(index: MapIndex, id: string): Set<string> {
	const below = new Set<string>();
	const stack = [id];
	while (stack.length) {
		const at = stack.pop()!;
		for (const l of index.incoming.get(at) ?? []) {
			const undercutters = (index.incoming.get(l.id) ?? []).map((u) => u.from);
			for (const x of [l.from, ...(l.with ?? []), ...undercutters]) {
				if (x !== id && !below.has(x)) {
					below.add(x);
					stack.push(x);
				}
			}
		}
	}
	return below;
}

/** Everything that supports `id`, directly or through other supports (with co-premises). */
export function supportsBelow(index: MapIndex, id: string): Set<string> {
	const below = new Set<string>();
	const stack = [id];
	while (stack.length) {
		const at = stack.pop()!;
		for (const l of index.incoming.get(at) ?? []) {
			if (l.relation !== 'supports') continue;
			for (const x of [l.from, ...(l.with ?? [])]) {
				if (!below.has(x)) {
					below.add(x);
					stack.push(x);
				}
			}
		}
	}
	return below;
}

/** These links, plus every undercut of them, and undercuts of those: what goes when they go. */
export function withUndercuts(map: ArgumentMap, links: string[]): Set<string> {
	const drop = new Set(links);
	for (let grew = true; grew;) {
		grew = false;
		for (const l of map.links) {
			if (l.relation === 'undercuts' && drop.has(l.to) && !drop.has(l.id)) {
				drop.add(l.id);
				grew = true;
			}
		}
	}
	return drop;
}

/** Where a new link to `to` goes in the file: after its last sibling, keeping the author's order. */
export function siblingEnd(links: readonly MapLink[], to: string): number {
	let at = links.length;
	links.forEach((l, i) => {
		if (l.to === to) at = i + 1;
	});
	return at;
}

/** Every id in use by a node or a link: new ids must avoid them. */
export function usedIds(map: ArgumentMap): Set<string> {
	return new Set([...map.nodes.map((n) => n.id), ...map.links.map((l) => l.id)]);
}

/** Text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * A statement's name in sentences, menus and dialogs: its label ("Motive 3"), else the start of
 * its text. `nodeName` is the other name: what kind of statement it is ("Evidence · Poll").
 */
export function displayName(
	n: Pick<MapNode, 'label' | 'text'> | undefined,
	fallback = '',
	max = 40
): string {
	if (!n) return fallback;
	return n.label ?? shorten(n.text, max);
}

/**
 * Whether the text states a source statement or link, or the reconstruction infers it; undefined
 * for a reader's item, which is neither. A source item without `inText` (a hand-written file)
 * reads as stated, as every source item did before format version 3.
 */
export function inTextOf(item: { origin: Origin; inText?: InText }): InText | undefined {
	return item.origin === 'source' ? (item.inText ?? 'stated') : undefined;
}

/**
 * What the text itself gives for a statement: how many of the source's supports into it the
 * text states, how many the reconstruction infers, and how many of each are evidence.
 * @example "Motive 5: no evidence stated in the text; 3 links inferred"
 */
export function supportInText(index: MapIndex, id: string) {
	const supports = (index.incoming.get(id) ?? []).filter(
		(l) => l.relation === 'supports' && l.origin === 'source'
	);
	const isEvidence = (l: MapLink) => index.node.get(l.from)?.kind === 'evidence';
	const stated = supports.filter((l) => inTextOf(l) !== 'inferred');
	const inferred = supports.filter((l) => inTextOf(l) === 'inferred');
	return {
		stated,
		inferred,
		statedEvidence: stated.filter(isEvidence).length,
		inferredEvidence: inferred.filter(isEvidence).length
	};
}

/** The sentence What follows says about it: "no evidence stated in the text; 3 links inferred". */
export function inTextSummary(index: MapIndex, id: string): string | undefined {
	const s = supportInText(index, id);
	if (!s.stated.length && !s.inferred.length) return undefined;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	const stated = s.statedEvidence
		? `${plural(s.statedEvidence, 'piece')} of evidence stated in the text`
		: s.stated.length
			? `no evidence stated in the text, ${plural(s.stated.length, 'reason')} stated`
			: 'no evidence stated in the text';
	return s.inferred.length ? `${stated}; ${plural(s.inferred.length, 'link')} inferred` : stated;
}

/**
 * The statements the opening view shows with the thesis: its motives (statements tagged
 * "motive", as in the article's map) or, in a map without them, every reason given for it
 * directly. Without this a map of any other text opened on its thesis alone, at full size, its
 * reasons cut off at the canvas's edges.
 */
export function openingFocus(index: MapIndex): string[] {
	const thesis = index.thesis;
	if (!thesis) return [];
	const reasons = (index.incoming.get(thesis.id) ?? [])
		.filter((l) => l.relation === 'supports')
		.map((l) => l.from);
	const motives = reasons.filter((id) => index.node.get(id)?.tags?.includes('motive'));
	return motives.length ? motives : reasons;
}
