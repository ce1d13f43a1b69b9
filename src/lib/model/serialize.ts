/**
 * Canonical JSON for map files: keys in the schema's order, two-space indent, final newline,
 * so that an edit reads as a small, clean git diff.
 */
import {
	anchorSchema,
	basedOnSchema,
	blockSchema,
	figureSchema,
	flagSchema,
	linkSchema,
	mapSchema,
	nodeSchema,
	sourceSchema,
	type ArgumentMap
} from './schema';

const order = {
	map: Object.keys(mapSchema.shape),
	source: Object.keys(sourceSchema.shape),
	basedOn: Object.keys(basedOnSchema.shape),
	node: Object.keys(nodeSchema.shape),
	link: Object.keys(linkSchema.shape),
	anchor: Object.keys(anchorSchema.shape),
	figure: Object.keys(figureSchema.shape),
	flag: Object.keys(flagSchema.shape),
	block: Object.keys(blockSchema.shape)
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
	if (map.basedOn) doc.basedOn = pick(map.basedOn, order.basedOn);
	doc.source = pick(map.source, order.source);
	doc.nodes = map.nodes.map((n) => {
		const node = pick(n, order.node);
		if (n.anchors) node.anchors = n.anchors.map((a) => pick(a, order.anchor));
		if (n.figures) node.figures = n.figures.map((f) => pick(f, order.figure));
		if (n.flags) node.flags = n.flags.map((f) => pick(f, order.flag));
		return node;
	});
	doc.links = map.links.map((l) => {
		const link = pick(l, order.link);
		if (l.flags) link.flags = l.flags.map((f) => pick(f, order.flag));
		// Answers keyed by question id, in the catalogue's order.
		if (l.answers)
			link.answers = Object.fromEntries(
				Object.entries(l.answers).sort(([a], [b]) => a.localeCompare(b))
			);
		return link;
	});
	// One block per object, so a change to one paragraph is a change to one line.
	if (map.text) doc.text = map.text.map((b) => pick(b, order.block));
	return JSON.stringify(doc, null, 2) + '\n';
}
