/**
 * Canonical JSON for map files: keys in the schema's order, two-space indent, final newline,
 * so that an edit reads as a small, clean git diff.
 */
import {
	anchorSchema,
	figureSchema,
	linkSchema,
	mapSchema,
	nodeSchema,
	sourceSchema,
	type ArgumentMap
} from './schema';

const order = {
	map: Object.keys(mapSchema.shape),
	source: Object.keys(sourceSchema.shape),
	node: Object.keys(nodeSchema.shape),
	link: Object.keys(linkSchema.shape),
	anchor: Object.keys(anchorSchema.shape),
	figure: Object.keys(figureSchema.shape)
};

function pick(obj: object, keys: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const k of keys) {
		const v = (obj as Record<string, unknown>)[k];
		if (v !== undefined) out[k] = v;
	}
	return out;
}

/** The map as the exact text to write to `arguments/<id>.map.json`. */
export function serializeMap(map: ArgumentMap): string {
	const doc = pick(map, order.map);
	doc.source = pick(map.source, order.source);
	doc.nodes = map.nodes.map((n) => {
		const node = pick(n, order.node);
		if (n.anchors) node.anchors = n.anchors.map((a) => pick(a, order.anchor));
		if (n.figures) node.figures = n.figures.map((f) => pick(f, order.figure));
		return node;
	});
	doc.links = map.links.map((l) => pick(l, order.link));
	return JSON.stringify(doc, null, 2) + '\n';
}
