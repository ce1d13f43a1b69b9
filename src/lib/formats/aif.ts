/**
 * The Argument Interchange Format (AIF) in the JSON form AIFdb and OVA write, both ways.
 *
 * Reading (docs/formats.md, "AIF", says it in full):
 * - an I-node → a source statement (a claim; the thesis is the root that rests on the most
 *   other statements); its nodeID is its id where that is a slug;
 * - an RA-node → a support link from its premises (the first the reason, the others its
 *   co-premises) to its conclusion; a CA-node → an attack on an I-node, or an undercut of the
 *   RA- or CA-node it points at; the RA's scheme is kept where Warrant's catalogue has it;
 * - L, YA, TA, MA and PA nodes (dialogue, rephrasing, preference) and OVA's layout block have
 *   no counterpart and are left out, with a note; so are unknown node types and edges that point
 *   at no node, each named by its id. A file is refused only when no map can be made of it.
 * Writing: one I-node per statement, one RA per support and one CA per attack or undercut
 * (undercuts point at the RA or CA of the link they attack), co-premises as further edges into
 * the same RA; a reader's statement or link is asserted by a locution of "Reader" (L → YA).
 * Warrant's own data — kinds, labels, verdicts, anchors, figures, flags, the source and its
 * text — travels under the extension key `warrant`, so Warrant → AIF → Warrant gives back the
 * same map while other tools read plain AIF.
 */
import { isSlug } from '../model/ids';
import {
	CURRENT_VERSION,
	FORMAT,
	type ArgumentMap,
	type MapLink,
	type MapNode
} from '../model/schema';
import type { ParseResult } from '../model/parse';
import type { Problem, ProblemCode } from '../model/problems';
import { SCHEME_IDS } from '../model/catalogue';
import { checkImport, cut, Ids, openInput, refuse } from './imported';
import { chooseThesis } from './thesis';

/** The extension key that carries what AIF has no place for. */
export const EXTENSION = 'warrant';

export interface AifNode {
	nodeID: string;
	text: string;
	type: string;
	scheme?: string;
}
export interface AifEdge {
	edgeID: string;
	fromID: string;
	toID: string;
	formEdgeID: null;
}
export interface AifLocution {
	nodeID: string;
	personID: string;
}
/** What travels under `warrant`: per node and per S-node, by nodeID, and the map's own fields. */
interface Extension {
	version: number;
	map: Omit<ArgumentMap, 'format' | 'version' | 'nodes' | 'links'>;
	nodes: Record<string, Omit<MapNode, 'id' | 'text'>>;
	links: Record<string, Omit<MapLink, 'id' | 'from' | 'to' | 'with' | 'relation'>>;
}
export interface AifDocument {
	nodes: AifNode[];
	edges: AifEdge[];
	locutions: AifLocution[];
	participants: { participantID: string; firstname: string; surname: string }[];
	[EXTENSION]: Extension;
}

/**
 * Scheme names as AIF tools write them (Araucaria's CamelCase in `scheme`, AIFdb's "Argument
 * From Expert Opinion" in the RA's text), folded to lower-case letters, → Warrant's schemes.
 * The first name of each is the one written.
 */
const SCHEME_NAMES: Record<string, readonly string[]> = {
	sign: ['Sign', 'SignToHypothesis', 'EvidenceToHypothesis'],
	consequences: ['Consequences', 'PositiveConsequences', 'NegativeConsequences'],
	motive: ['Motive', 'MotiveOrInterest', 'Interest'],
	example: ['Example', 'ExampleToGeneralisation', 'ExampleToGeneralization'],
	causal: ['CauseToEffect', 'EffectToCause', 'Cause', 'CorrelationToCause'],
	expert: ['ExpertOpinion', 'Expert'],
	analogy: ['Analogy']
};
const fold = (name: string) =>
	name
		.toLowerCase()
		.replace(/[^a-z]/g, '')
		.replace(/^(argument|arg)?(from|to)?/, '');
const SCHEME_BY_NAME = new Map(
	Object.entries(SCHEME_NAMES).flatMap(([id, names]) => names.map((n) => [fold(n), id] as const))
);

/** The Warrant scheme an AIF scheme name stands for, or undefined. */
export function schemeOf(name: string): string | undefined {
	const id = SCHEME_BY_NAME.get(fold(name));
	return id && SCHEME_IDS.includes(id) ? id : undefined;
}

const KNOWN_TYPES: Record<string, string> = {
	I: 'information',
	RA: 'inference',
	CA: 'conflict',
	MA: 'rephrase',
	PA: 'preference',
	TA: 'transition',
	L: 'locution',
	YA: 'illocution'
};
/** Node types with no counterpart in a map: what they are, for the note that says they are left out. */
const LEFT_OUT: Record<string, string> = {
	L: 'locutions (who said what) are dialogue, not argument',
	YA: 'illocutions tie locutions to what they assert',
	TA: 'transitions order the turns of a dialogue',
	MA: 'rephrases have no counterpart in a map',
	PA: 'preferences have no counterpart in a map'
};
const READER = 'Reader';
/** Ids of the nodes marking a reader's item: not slugs, so they never meet a Warrant id. */
const readerMark = (id: string) => ({ l: `reader:${id}`, ya: `reader:${id}:asserts` });

/** The map as an AIF document (an object; `print` makes it text). */
export function toAif(map: ArgumentMap): AifDocument {
	const nodes: AifNode[] = [];
	const edges: AifEdge[] = [];
	const locutions: AifLocution[] = [];
	const edge = (fromID: string, toID: string) =>
		edges.push({ edgeID: `e${edges.length + 1}`, fromID, toID, formEdgeID: null });
	const mark = (id: string, origin: string, author: string | undefined, what: string) => {
		if (origin !== 'reader') return;
		const m = readerMark(id);
		nodes.push({ nodeID: m.l, text: `${author ?? READER}: ${what}`, type: 'L' });
		nodes.push({ nodeID: m.ya, text: 'Asserting', type: 'YA' });
		edge(m.l, m.ya);
		edge(m.ya, id);
		locutions.push({ nodeID: m.l, personID: 'reader' });
	};
	const ext: Extension = { version: CURRENT_VERSION, map: {}, nodes: {}, links: {} } as Extension;
	const { format: _f, version: _v, nodes: _n, links: _l, ...rest } = map;
	ext.map = rest;
	for (const n of map.nodes) {
		nodes.push({ nodeID: n.id, text: n.text, type: 'I' });
		const { id: _id, text: _t, ...data } = n;
		ext.nodes[n.id] = data;
	}
	for (const l of map.links) {
		const ra = l.relation === 'supports';
		const s: AifNode = {
			nodeID: l.id,
			text: ra ? 'Default Inference' : 'Default Conflict',
			type: ra ? 'RA' : 'CA'
		};
		if (l.scheme) s.scheme = SCHEME_NAMES[l.scheme]?.[0] ?? l.scheme;
		nodes.push(s);
		edge(l.from, l.id);
		for (const co of l.with ?? []) edge(co, l.id);
		edge(l.id, l.to);
		const { id: _id, from: _fr, to: _to, with: _w, relation: _r, ...data } = l;
		ext.links[l.id] = data;
	}
	for (const n of map.nodes) mark(n.id, n.origin, n.author, n.text);
	for (const l of map.links) mark(l.id, l.origin, l.author, `${l.relation} ${l.to}`);
	return {
		nodes,
		edges,
		locutions,
		participants: locutions.length
			? [{ participantID: 'reader', firstname: READER, surname: '' }]
			: [],
		[EXTENSION]: ext
	};
}

/** The map as AIF JSON text. */
export function print(map: ArgumentMap): string {
	return JSON.stringify(toAif(map), null, 2) + '\n';
}

/** Does this parsed JSON look like AIF (nodes and edges, top-level or under OVA's "AIF")? */
export function looksLikeAif(doc: unknown): boolean {
	return aifBody(doc) !== undefined;
}

function aifBody(doc: unknown): Record<string, unknown> | undefined {
	if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
	const o = doc as Record<string, unknown>;
	if (Array.isArray(o.nodes) && Array.isArray(o.edges)) return o;
	if (typeof o.AIF === 'object' && o.AIF !== null) {
		const inner = o.AIF as Record<string, unknown>;
		if (Array.isArray(inner.nodes) && Array.isArray(inner.edges)) return inner;
	}
	return undefined;
}

const MAX_WITH = 10;
const MAX_TEXT = 2000;
const UNTITLED = 'Imported AIF argument map';

/** One S-node (RA or CA) as read: its premises and where it points. */
interface SNode {
	node: AifNode;
	premises: string[];
	targets: string[];
}

/** Reads the document, collecting notes (left out, changed) and problems (nothing usable). */
class Reader {
	constructor(readonly notes: Problem[]) {}
	note(code: ProblemCode, path: (string | number)[], message: string) {
		this.notes.push({ code, path, message });
	}
}

const idOf = (v: unknown): string | undefined =>
	typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

/** Visible text as a map allows it: control characters as spaces, trimmed, at most 2000 characters. */
function cleanText(raw: unknown): string {
	const text = (
		typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw)
	)
		// eslint-disable-next-line no-control-regex -- a map's text may not hold them
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
		.trim();
	return cut(text, MAX_TEXT);
}

function readNodes(r: Reader, body: Record<string, unknown>) {
	const byId = new Map<string, AifNode>();
	const order: AifNode[] = [];
	const skipped = new Map<string, string[]>();
	(body.nodes as unknown[]).forEach((raw, i) => {
		const o = raw as Record<string, unknown> | null;
		const nodeID = typeof o === 'object' && o !== null ? idOf(o.nodeID) : undefined;
		const type = typeof o === 'object' && o !== null ? o.type : undefined;
		if (!o || nodeID === undefined || typeof type !== 'string') {
			r.note('schema', ['nodes', i], `node [${i}] has no nodeID or no type; left out`);
			return;
		}
		if (byId.has(nodeID)) {
			r.note('duplicate-id', ['nodes', i], `node "${nodeID}" appears twice; the first is kept`);
			return;
		}
		if (!Object.hasOwn(KNOWN_TYPES, type)) {
			r.note(
				'unsupported',
				['nodes', i],
				`node "${nodeID}" has the unknown type "${type}"; left out (AIF types are ${Object.keys(KNOWN_TYPES).join(', ')})`
			);
			return;
		}
		const node: AifNode = { nodeID, type, text: typeof o.text === 'string' ? o.text : '' };
		if (typeof o.scheme === 'string') node.scheme = o.scheme;
		byId.set(nodeID, node);
		order.push(node);
		if (Object.hasOwn(LEFT_OUT, type)) skipped.set(type, [...(skipped.get(type) ?? []), nodeID]);
	});
	return { byId, order, skipped };
}

function readEdges(r: Reader, body: Record<string, unknown>, byId: Map<string, AifNode>) {
	const edges: { from: string; to: string }[] = [];
	(body.edges as unknown[]).forEach((raw, i) => {
		const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
		const name = idOf(o.edgeID) ?? `[${i}]`;
		const from = idOf(o.fromID);
		const to = idOf(o.toID);
		if (from === undefined || to === undefined) {
			r.note('schema', ['edges', i], `edge ${name} has no fromID or no toID; left out`);
			return;
		}
		const missing = [from, to].filter((id) => !byId.has(id));
		if (missing.length) {
			r.note(
				'dangling',
				['edges', i],
				`edge ${name} points at ${missing.map((id) => `"${id}"`).join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} no node of the file; left out`
			);
			return;
		}
		edges.push({ from, to });
	});
	return edges;
}

/** The extension, if present and of the right shape (its values are checked with the map). */
function readExtension(doc: Record<string, unknown>, r: Reader): Extension | undefined {
	const ext = doc[EXTENSION];
	if (ext === undefined) return undefined;
	const o = ext as Partial<Extension> | null;
	const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
	if (isRecord(o) && isRecord(o!.map) && isRecord(o!.nodes) && isRecord(o!.links))
		return o as Extension;
	r.note('schema', [EXTENSION], `the "${EXTENSION}" extension is damaged; read as plain AIF`);
	return undefined;
}

/** The AIF document as a map: statements, links, thesis; notes for what was left out. */
function buildMap(
	doc: Record<string, unknown>,
	body: Record<string, unknown>,
	r: Reader,
	useExtension: boolean
): ArgumentMap | undefined {
	const { byId, order, skipped } = readNodes(r, body);
	const edges = readEdges(r, body, byId);
	const ext = useExtension ? readExtension(doc, r) : undefined;
	for (const [type, ids] of skipped) {
		const ours = ids.filter((id) => id.startsWith('reader:'));
		if (ext && ours.length === ids.length) continue;
		r.note(
			'unsupported',
			['nodes'],
			`${ids.length} ${type} node${ids.length > 1 ? 's' : ''} left out (${LEFT_OUT[type]}): ${listIds(ids)}`
		);
	}

	const ids = new Ids();
	// nodeIDs that are slugs are the ids; reserved first, so a made-up id never takes one.
	ids.reserve(order.map((n) => n.nodeID));
	const madeIds = new Map<string, string>();
	/** The id of an AIF node: its nodeID where that is a slug, else one made from it. */
	const idOf = (nodeID: string, prefix: string) => {
		if (isSlug(nodeID)) return nodeID;
		let id = madeIds.get(nodeID);
		if (!id) madeIds.set(nodeID, (id = ids.fresh(`${prefix} ${nodeID}`, prefix)));
		return id;
	};
	const nodes: MapNode[] = [];
	const nodeOf = new Map<string, MapNode>();
	for (const n of order) {
		if (n.type !== 'I') continue;
		let text = cleanText(n.text);
		if (!text) {
			text = '(no text in the AIF file)';
			r.note('empty', ['nodes'], `I-node "${n.nodeID}" has no text; it reads "${text}"`);
		} else if (text !== n.text.trim())
			r.note('schema', ['nodes'], `I-node "${n.nodeID}": its text was cleaned to fit a map`);
		const data = ext?.nodes[n.nodeID];
		const node = {
			...(data ?? { kind: 'claim', origin: 'source', inText: 'stated' }),
			id: idOf(n.nodeID, 'i'),
			text
		} as MapNode;
		nodes.push(node);
		nodeOf.set(n.nodeID, node);
	}
	if (nodes.length === 0) return undefined;

	// Each S-node's premises (I-nodes into it) and targets (where it points), in edge order.
	const sNodes = new Map<string, SNode>();
	for (const n of order)
		if (n.type === 'RA' || n.type === 'CA')
			sNodes.set(n.nodeID, { node: n, premises: [], targets: [] });
	for (const e of edges) {
		const from = byId.get(e.from)!;
		const to = byId.get(e.to)!;
		const s = sNodes.get(e.to);
		if (s && from.type === 'I') s.premises.push(e.from);
		sNodes.get(e.from)?.targets.push(e.to);
		if (from.type === 'I' && to.type === 'I')
			r.note(
				'unsupported',
				['edges'],
				`an edge goes straight from I-node "${e.from}" to I-node "${e.to}", with no RA or CA between; left out`
			);
	}

	/** The links each S-node makes, in file order (an undercut fills its place once its target is made). */
	const made = new Map<SNode, MapLink[]>();
	const undercuts: { s: SNode; target: string }[] = [];
	const linkOf = new Map<string, MapLink>();
	const pairs = new Set<string>();
	const unknownSchemes = new Map<string, string[]>();
	const push = (s: SNode, l: Omit<MapLink, 'id' | 'origin'>, n: number) => {
		const data = ext?.links[s.node.nodeID];
		const id = idOf(s.node.nodeID, s.node.type.toLowerCase());
		const link = {
			...(data ?? { origin: 'source', inText: 'stated' }),
			id: n ? ids.fresh(id, id) : id,
			...l
		} as MapLink;
		if (!data && s.node.type === 'RA') {
			const named = [s.node.scheme, s.node.text].find((x) => x && schemeOf(x));
			if (named) link.scheme = schemeOf(named);
			else if (s.node.scheme)
				unknownSchemes.set(s.node.scheme, [
					...(unknownSchemes.get(s.node.scheme) ?? []),
					s.node.nodeID
				]);
		}
		pairs.add(`${link.from}\u0000${link.to}`);
		made.set(s, [...(made.get(s) ?? []), link]);
		if (!n) linkOf.set(s.node.nodeID, link);
		return link;
	};

	for (const s of sNodes.values()) {
		const what = `${s.node.type} "${s.node.nodeID}"`;
		const premises = s.premises.map((p) => nodeOf.get(p)!).filter(Boolean);
		if (!premises.length) {
			r.note('dangling', ['nodes'], `${what} has no premise (no I-node points into it); left out`);
			continue;
		}
		if (!s.targets.length) {
			r.note('dangling', ['nodes'], `${what} has no conclusion (it points at nothing); left out`);
			continue;
		}
		if (s.targets.length > 1)
			r.note(
				'unsupported',
				['nodes'],
				`${what} points at ${s.targets.length} nodes; it becomes one link to each`
			);
		s.targets.forEach((t, n) => {
			const target = byId.get(t)!;
			if (target.type === 'I') {
				const to = nodeOf.get(t)!;
				// The first premise not yet linked to this conclusion is the reason; the rest go with it.
				const reason = premises.find((p) => !pairs.has(`${p.id}\u0000${to.id}`));
				if (!reason) {
					r.note(
						'duplicate-link',
						['nodes'],
						`${what}: "${premises[0]!.id}" already ${s.node.type === 'RA' ? 'supports' : 'attacks'} "${to.id}" by another node; Warrant keeps one link between two statements, so this one is left out`
					);
					return;
				}
				if (premises.includes(to)) {
					r.note(
						'self-link',
						['nodes'],
						`${what} has its conclusion "${t}" among its premises; left out`
					);
					return;
				}
				const rest = premises.filter((p) => p !== reason).map((p) => p.id);
				if (rest.length > MAX_WITH) {
					r.note(
						'co-premise',
						['nodes'],
						`${what} has ${premises.length} premises; a Warrant link takes one reason and at most ${MAX_WITH} co-premises, so it is left out`
					);
					return;
				}
				push(
					s,
					{
						from: reason.id,
						to: to.id,
						relation: s.node.type === 'RA' ? 'supports' : 'attacks',
						...(rest.length ? { with: rest } : {})
					},
					n
				);
			} else if (s.node.type === 'CA' && (target.type === 'RA' || target.type === 'CA'))
				undercuts.push({ s, target: t });
			else
				r.note(
					'unsupported',
					['nodes'],
					`${what} points at ${target.type} "${t}"; only a conflict (CA) may point at an inference, so this is left out`
				);
		});
	}
	for (const { s, target } of undercuts) {
		const attacked = linkOf.get(target);
		const what = `CA "${s.node.nodeID}"`;
		if (!attacked) {
			r.note(
				'dangling',
				['nodes'],
				`${what} undercuts "${target}", which was left out; so is the undercut`
			);
			continue;
		}
		const premises = s.premises.map((p) => nodeOf.get(p)!);
		if (premises.length > 1)
			r.note(
				'co-premise',
				['nodes'],
				`${what} undercuts "${target}" from ${premises.length} premises together; an undercut takes no co-premises, so each undercuts it alone`
			);
		premises.forEach((p, n) => {
			if (pairs.has(`${p.id}\u0000${attacked.id}`)) return;
			push(s, { from: p.id, to: attacked.id, relation: 'undercuts' }, n);
		});
	}

	const links = [...sNodes.values()].flatMap((s) => made.get(s) ?? []);
	for (const [scheme, at] of unknownSchemes)
		r.note(
			'unsupported',
			['nodes'],
			`the scheme "${scheme}" is not in Warrant's catalogue, so its inference${at.length > 1 ? 's have' : ' has'} no scheme in the map: RA ${listIds(at)}`
		);
	const theses = nodes.filter((n) => n.kind === 'thesis');
	if (theses.length !== 1) {
		for (const n of theses) n.kind = 'claim';
		chooseThesis(nodes, links, nodes).kind = 'thesis';
	}
	const thesis = nodes.find((n) => n.kind === 'thesis')!;
	const title = thesis.text.length <= 120 ? thesis.text : `${thesis.text.slice(0, 119).trimEnd()}…`;
	return {
		format: FORMAT,
		version: ext && Number.isInteger(ext.version) ? ext.version : CURRENT_VERSION,
		...(ext?.map ?? { source: { title: title || UNTITLED } }),
		nodes,
		links
		// An older version's data is migrated by the check that follows.
	} as ArgumentMap;
}

function listIds(ids: string[]): string {
	const shown = ids.slice(0, 10).map((id) => `"${id}"`);
	return ids.length > 10 ? `${shown.join(', ')} and ${ids.length - 10} more` : shown.join(', ');
}

/**
 * AIF JSON text as a map, or problems. Never throws. Notes say what was left out or changed.
 *
 * ```ts
 * const r = parse(aifText);
 * if (r.ok) r.notes; // e.g. 'edge 12 points at "99", which is no node of the file; left out'
 * ```
 */
export function parse(input: string): ParseResult {
	const opened = openInput(input, 'an AIF file is a JSON object with "nodes" and "edges"');
	if ('refused' in opened) return opened.refused;
	const { text } = opened;
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (e) {
		return refuse('json-syntax', `invalid JSON: ${(e as Error).message}`);
	}
	const body = aifBody(doc);
	if (!body)
		return refuse(
			'schema',
			'not an AIF file: AIF JSON is an object with a "nodes" list and an "edges" list (or OVA\'s, with both under "AIF")'
		);
	const record = doc as Record<string, unknown>;
	return checkImport(
		(withOwnData, notes) => {
			const r = new Reader(notes);
			return buildMap(record, body, r, withOwnData);
		},
		{ present: record[EXTENSION] !== undefined, where: `in the "${EXTENSION}" extension` },
		'the AIF file has no I-nodes (statements), so there is nothing to map'
	);
}
