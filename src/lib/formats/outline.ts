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
import { displayName, indexMap, type MapIndex } from '../model/queries';

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

/** The parts of one outline row, for the text and the Markdown outline alike. */
function rowParts(index: MapIndex, item: OutlineItem) {
	const n = index.node.get(item.id)!;
	return {
		node: n,
		head: n.label ?? (n.kind === 'thesis' ? 'Thesis' : undefined),
		kind: n.kind === 'evidence' || n.kind === 'assumption' ? n.kind : undefined,
		inferred: inferredHere(index, item),
		undercutOf: item.undercutOf,
		repeat: item.repeat
	};
}

/** Walk the outline depth-first, one line per row. */
function walkOutline(
	map: ArgumentMap,
	line: (index: MapIndex, item: OutlineItem, depth: number) => string
): string {
	const index = indexMap(map);
	const lines: string[] = [];
	const walk = (item: OutlineItem, depth: number) => {
		lines.push(line(index, item, depth));
		for (const c of item.children) walk(c, depth + 1);
	};
	for (const r of outlineOf(map)) walk(r, 0);
	return lines.join('\n') + '\n';
}

/** The outline as indented text: "+" supports, "-" attacks, "~" undercuts, "&" co-premise. */
export function print(map: ArgumentMap): string {
	return walkOutline(map, (index, item, depth) => {
		const r = rowParts(index, item);
		const head = r.head ? `[${r.head}] ` : '';
		const kind = r.kind ? `(${r.kind}) ` : '';
		const undercut = r.undercutOf ? `(undercuts the link from ${r.undercutOf}) ` : '';
		const repeat = r.repeat ? ' (see above)' : '';
		const inferred = r.inferred ? '(inferred) ' : '';
		return `${'  '.repeat(depth)}${MARK[item.relation]}${head}${kind}${inferred}${undercut}${r.node.text}${repeat}`;
	});
}

/** What a row does, in words, for the Markdown outline. */
const RELATION_WORDS: Record<OutlineRelation, string> = {
	root: '',
	supports: 'For',
	attacks: 'Against',
	undercuts: 'Undercuts the step',
	'co-premise': 'Together with it'
};

/** Markdown's special characters in running text, escaped so the words print as typed. */
export function mdText(text: string): string {
	return text
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/([\\`*_[\]<>|])/g, '\\$1')
		.replace(/^([#+-]|\d+\.)(\s)/, '\\$1$2');
}

/**
 * The outline as a nested Markdown list: each row says what it does ("For", "Against",
 * "Undercuts the step from …"), its name in bold, the statement's words.
 */
export function printMarkdown(map: ArgumentMap): string {
	const title = map.title ?? map.source?.title ?? 'Argument map';
	const list = walkOutline(map, (index, item, depth) => {
		const r = rowParts(index, item);
		const from = r.undercutOf ? index.node.get(r.undercutOf) : undefined;
		const relation =
			item.relation === 'undercuts' && from
				? `${RELATION_WORDS.undercuts} from ${mdText(displayName(from, '', 40))}`
				: RELATION_WORDS[item.relation];
		const tags = [r.kind, r.inferred && 'inferred', r.node.origin === 'reader' && 'reader']
			.filter(Boolean)
			.join(', ');
		const parts = [
			relation && `${relation}:`,
			r.head && `**${mdText(r.head)}**`,
			tags && `*(${tags})*`,
			mdText(r.node.text),
			r.repeat && '*(see above)*'
		].filter(Boolean);
		return `${'  '.repeat(depth)}- ${parts.join(' ')}`;
	});
	return `# Outline: ${mdText(title)}\n\n${list}`;
}
