/**
 * The map as a tree for reading in order: the thesis, then what argues about it, depth-first in
 * the author's order. A statement that argues about two conclusions appears under each; the
 * second time it is marked `repeat` and not expanded again. Statements not connected to the
 * thesis come last, as roots of their own.
 *
 * A format that prints only: an outline leaves out too much (sources, anchors, evaluations) to
 * be read back as a map.
 */
import type { ArgumentMap, Relation } from '../model/schema';
import { indexMap, type MapIndex } from '../model/queries';

export type OutlineRelation = Relation | 'co-premise' | 'root';

export interface OutlineItem {
	id: string;
	relation: OutlineRelation;
	/** For an undercut: the reason whose link it attacks. */
	undercutOf?: string;
	/** The link that puts it here (none for a root). */
	link?: string;
	repeat: boolean;
	children: OutlineItem[];
}

/** The outline as a tree of ids, for a view to render (OutlineView). */
export function outlineOf(map: ArgumentMap): OutlineItem[] {
	const index = indexMap(map);
	const expanded = new Set<string>();
	const build = (
		id: string,
		relation: OutlineRelation,
		link?: string,
		undercutOf?: string
	): OutlineItem => {
		const item: OutlineItem = {
			id,
			relation,
			repeat: expanded.has(id),
			children: [],
			...(link ? { link } : {}),
			...(undercutOf ? { undercutOf } : {})
		};
		if (item.repeat) return item;
		expanded.add(id);
		for (const l of index.incoming.get(id) ?? []) {
			if (l.relation === 'undercuts' || !index.node.has(l.from)) continue;
			item.children.push(build(l.from, l.relation, l.id));
			for (const co of l.with ?? []) item.children.push(build(co, 'co-premise', l.id));
			for (const u of index.incoming.get(l.id) ?? [])
				item.children.push(build(u.from, 'undercuts', u.id, l.from));
		}
		return item;
	};
	const roots: OutlineItem[] = [];
	if (index.thesis) roots.push(build(index.thesis.id, 'root'));
	for (const n of map.nodes) if (!expanded.has(n.id)) roots.push(build(n.id, 'root'));
	return roots;
}

/**
 * True when the text does not state what this row shows: the statement is inferred, or the
 * link that puts it here is (a tie the reconstruction makes, not the text).
 */
export function inferredHere(index: MapIndex, item: OutlineItem): boolean {
	const n = index.node.get(item.id);
	const l = item.link ? index.link.get(item.link) : undefined;
	const inferred = (x?: { origin: string; inText?: string }) =>
		x?.origin === 'source' && x.inText === 'inferred';
	return inferred(n) || inferred(l);
}

const MARK: Record<OutlineRelation, string> = {
	root: '',
	supports: '+ ',
	attacks: '- ',
	undercuts: '~ ',
	'co-premise': '& '
};

/** The outline as indented text: "+" supports, "-" attacks, "~" undercuts, "&" co-premise. */
export function print(map: ArgumentMap): string {
	const index = indexMap(map);
	const lines: string[] = [];
	const walk = (item: OutlineItem, depth: number) => {
		const n = index.node.get(item.id)!;
		const head = n.label ? `[${n.label}] ` : n.kind === 'thesis' ? '[Thesis] ' : '';
		const kind =
			n.kind === 'evidence' ? '(evidence) ' : n.kind === 'assumption' ? '(assumption) ' : '';
		const undercut = item.undercutOf ? `(undercuts the link from ${item.undercutOf}) ` : '';
		const repeat = item.repeat ? ' (see above)' : '';
		const inferred = inferredHere(index, item) ? '(inferred) ' : '';
		lines.push(
			`${'  '.repeat(depth)}${MARK[item.relation]}${head}${kind}${inferred}${undercut}${n.text}${repeat}`
		);
		for (const c of item.children) walk(c, depth + 1);
	};
	for (const r of outlineOf(map)) walk(r, 0);
	return lines.join('\n') + '\n';
}
