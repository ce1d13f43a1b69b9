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
 *
 * Here: reading a file through to the checked map. The document's shape and vocabulary are in
 * aif-document.ts, writing in aif-print.ts, reading its parts in aif-read.ts, the map made of
 * them in aif-map.ts.
 */
import type { ParseResult } from '../model/parse';
import { checkImport, openInput, refuse } from './imported';
import { EXTENSION } from './aif-document';
import { buildMap } from './aif-map';
import { Reader } from './aif-read';

export { print } from './aif-print';

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
