/**
 * Reading an AIF document's parts (aif.ts): its nodes, edges and extension, with notes for what
 * is left out; aif-map.ts makes the map of them.
 */
import type { Problem, ProblemCode } from '../model/problems';
import { cut } from './imported';
import { EXTENSION, KNOWN_TYPES, LEFT_OUT, type AifNode, type Extension } from './aif-document';

const MAX_TEXT = 2000;

/** One S-node (RA or CA) as read: its premises and where it points. */
export interface SNode {
	node: AifNode;
	premises: string[];
	targets: string[];
}

/** Reads the document, collecting notes (left out, changed) and problems (nothing usable). */
export class Reader {
	constructor(readonly notes: Problem[]) {}
	note(code: ProblemCode, path: (string | number)[], message: string) {
		this.notes.push({ code, path, message });
	}
}

export const idOf = (v: unknown): string | undefined =>
	typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

/** Visible text as a map allows it: control characters as spaces, trimmed, at most 2000 characters. */
export function cleanText(raw: unknown): string {
	const text = (
		typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw)
	)
		// eslint-disable-next-line no-control-regex -- a map's text may not hold them
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
		.trim();
	return cut(text, MAX_TEXT);
}

export function readNodes(r: Reader, body: Record<string, unknown>) {
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

export function readEdges(r: Reader, body: Record<string, unknown>, byId: Map<string, AifNode>) {
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
export function readExtension(doc: Record<string, unknown>, r: Reader): Extension | undefined {
	const ext = doc[EXTENSION];
	if (ext === undefined) return undefined;
	const o = ext as Partial<Extension> | null;
	const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
	if (isRecord(o) && isRecord(o!.map) && isRecord(o!.nodes) && isRecord(o!.links))
		return o as Extension;
	r.note('schema', [EXTENSION], `the "${EXTENSION}" extension is damaged; read as plain AIF`);
	return undefined;
}
