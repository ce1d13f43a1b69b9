/**
 * An AIF document read (aif-read.ts) as a Warrant map: statements, links, thesis, with notes
 * for what was left out; the mapping is said in aif.ts and docs/formats.md.
 */
import { isSlug } from '../model/ids';
import {
	CURRENT_VERSION,
	FORMAT,
	type ArgumentMap,
	type MapLink,
	type MapNode
} from '../model/schema';
import { Ids } from './imported';
import { chooseThesis } from './thesis';
import { LEFT_OUT, schemeOf } from './aif-document';
import {
	cleanText,
	readEdges,
	readExtension,
	readNodes,
	type Reader,
	type SNode
} from './aif-read';

const MAX_WITH = 10;
const UNTITLED = 'Imported AIF argument map';

/** The AIF document as a map: statements, links, thesis; notes for what was left out. */
export function buildMap(
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
