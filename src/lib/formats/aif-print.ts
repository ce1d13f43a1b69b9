/**
 * Writing AIF (aif.ts): one I-node per statement, one RA per support, one CA per attack or
 * undercut, and Warrant's own data under the extension.
 */
import { CURRENT_VERSION, type ArgumentMap } from '../model/schema';
import {
	EXTENSION,
	READER,
	SCHEME_NAMES,
	readerMark,
	type AifDocument,
	type AifEdge,
	type AifLocution,
	type AifNode,
	type Extension
} from './aif-document';

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
