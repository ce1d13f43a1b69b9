/**
 * The difference between two maps as data. Nodes and links are matched by id; an item in both
 * whose content differs is listed field by field. Values are compared canonically (object keys
 * sorted), so key order never counts as a change. Array order does count where it means
 * something: the order of nodes and links is the author's order (link order is sibling order),
 * so the diff says which items moved, and `commands/from-diff` can rebuild `after` exactly.
 */
import {
	linkSchema,
	mapSchema,
	nodeSchema,
	sourceSchema,
	type ArgumentMap,
	type MapLink,
	type MapNode,
	type Source
} from './schema';

/**
 * One field whose value differs. `from` is undefined where `before` lacks the field, `to` where
 * `after` lacks it. A union over the fields, so `field` narrows `from` and `to`.
 */
export type FieldChange<T> = { [K in keyof T]-?: { field: K; from: T[K]; to: T[K] } }[keyof T];

/** The map's own fields besides its nodes, links and source description: title, $schema, … */
export type MapFields = Omit<ArgumentMap, 'nodes' | 'links' | 'source'>;

/** An item in both maps whose content differs. */
export interface ItemChange<T> {
	id: string;
	fields: FieldChange<Omit<T, 'id'>>[];
}

/** How the nodes (or the links) of two maps differ. */
export interface ListDiff<T extends { id: string }> {
	/** Items only in `after`, with their index in `after`, in that order. */
	added: { at: number; item: T }[];
	/** Items only in `before`, with their index in `before`, in that order. */
	removed: { at: number; item: T }[];
	/** Items in both whose content differs, in `after`'s order. */
	changed: ItemChange<T>[];
	/**
	 * The fewest items in both that must move for `before`'s order to become `after`'s, each with
	 * its index in `after`. The items in both that are not listed keep their relative order.
	 */
	moved: { id: string; at: number }[];
}

/** The difference between two maps; `isEmptyDiff` says whether there is any. */
export interface MapDiff {
	nodes: ListDiff<MapNode>;
	links: ListDiff<MapLink>;
	/** Fields of the source description (title, author, url, …). */
	source: FieldChange<Source>[];
	/** The map's other top-level fields (title, $schema, …). */
	fields: FieldChange<MapFields>[];
}

// Fields are listed in the schema's order, which is also the order of the saved file.
const NODE_FIELDS = Object.keys(nodeSchema.shape);
const LINK_FIELDS = Object.keys(linkSchema.shape);
const SOURCE_FIELDS = Object.keys(sourceSchema.shape);
const MAP_FIELDS = Object.keys(mapSchema.shape).filter(
	(k) => k !== 'nodes' && k !== 'links' && k !== 'source'
);

/**
 * What changes from `before` to `after`. Example:
 * ```ts
 * const d = diffMaps(saved, draft);
 * d.nodes.changed; // [{ id: 'motive-2', fields: [{ field: 'text', from: 'Old.', to: 'New.' }] }]
 * ```
 */
export function diffMaps(before: ArgumentMap, after: ArgumentMap): MapDiff {
	return {
		nodes: diffList(before.nodes, after.nodes, NODE_FIELDS),
		links: diffList(before.links, after.links, LINK_FIELDS),
		source: fieldChanges(before.source, after.source, SOURCE_FIELDS),
		fields: fieldChanges(details(before), details(after), MAP_FIELDS)
	};
}

/** True when the two maps were the same: nothing added, removed, changed or moved. */
export function isEmptyDiff(diff: MapDiff): boolean {
	const none = <T extends { id: string }>(d: ListDiff<T>) =>
		!d.added.length && !d.removed.length && !d.changed.length && !d.moved.length;
	return none(diff.nodes) && none(diff.links) && !diff.source.length && !diff.fields.length;
}

function details(map: ArgumentMap): MapFields {
	const { nodes: _nodes, links: _links, source: _source, ...rest } = map;
	return rest;
}

function diffList<T extends { id: string }>(
	before: readonly T[],
	after: readonly T[],
	order: readonly string[]
): ListDiff<T> {
	const old = new Map(before.map((item, at) => [item.id, { item, at }]));
	const now = new Set(after.map((item) => item.id));
	const diff: ListDiff<T> = { added: [], removed: [], changed: [], moved: [] };
	before.forEach((item, at) => {
		if (!now.has(item.id)) diff.removed.push({ at, item });
	});
	// Items in both, in after's order, with their index in before and in after.
	const kept: { id: string; was: number; at: number }[] = [];
	after.forEach((item, at) => {
		const was = old.get(item.id);
		if (!was) {
			diff.added.push({ at, item });
			return;
		}
		kept.push({ id: item.id, was: was.at, at });
		const fields = fieldChanges<Omit<T, 'id'>>(was.item, item, order, 'id');
		if (fields.length) diff.changed.push({ id: item.id, fields });
	});
	const stay = longestIncreasing(kept.map((k) => k.was));
	kept.forEach((k, i) => {
		if (!stay.has(i)) diff.moved.push({ id: k.id, at: k.at });
	});
	return diff;
}

function fieldChanges<T extends object>(
	before: T,
	after: T,
	order: readonly string[],
	skip?: string
): FieldChange<T>[] {
	const b = before as Record<string, unknown>;
	const a = after as Record<string, unknown>;
	// Fields the schema does not name cannot be in a valid map, but a diff must not lose them.
	const extra = [...new Set([...Object.keys(b), ...Object.keys(a)])]
		.filter((k) => !order.includes(k))
		.sort();
	const changes: FieldChange<T>[] = [];
	for (const field of [...order, ...extra]) {
		if (field === skip || canonical(b[field]) === canonical(a[field])) continue;
		// The cast is the one place where a field name read at run time becomes a key of T.
		changes.push({ field, from: b[field], to: a[field] } as FieldChange<T>);
	}
	return changes;
}

/**
 * Indices into `seq` of one longest strictly increasing subsequence (patience sorting,
 * O(n log n)): the items that can stay while the others move.
 */
function longestIncreasing(seq: readonly number[]): Set<number> {
	const tails: number[] = [];
	const prev: number[] = [];
	seq.forEach((value, i) => {
		let lo = 0;
		let hi = tails.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (seq[tails[mid]!]! < value) lo = mid + 1;
			else hi = mid;
		}
		prev[i] = lo > 0 ? tails[lo - 1]! : -1;
		tails[lo] = i;
	});
	const keep = new Set<number>();
	for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i]!) keep.add(i);
	return keep;
}

/** JSON with object keys sorted, so that the same content always gives the same text. */
function canonical(value: unknown): string | undefined {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(
					Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))
				)
			: v
	);
}
