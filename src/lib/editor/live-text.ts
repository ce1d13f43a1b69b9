/**
 * The map as text in a pane beside it (Argdown): the pure parts. When the map changes, the new
 * text replaces the old, and the reader's cursor stays with the words it was in; problems are
 * said by line.
 */
import type { ParseResult } from '../model/parse';
import type { Problem } from '../model/problems';
import type { ArgumentMap } from '../model/schema';

/** A format the pane writes the map in and reads it back from (Argdown). */
export interface TextFormat {
	/** With `data: false`, the text without Warrant's own data (the pane's plain view). */
	print(map: ArgumentMap, options?: { data?: boolean }): string;
	parse(text: string): ParseResult | Promise<ParseResult>;
}

/**
 * Where a cursor at `cursor` in `before` belongs in `after`: the two texts share a beginning and
 * an end, and only what lies between them changed. A cursor in the shared beginning stays; one
 * in the shared end moves with it; one inside the changed part goes to that part's end.
 */
export function keepCursor(before: string, after: string, cursor: number): number {
	const max = Math.min(before.length, after.length);
	let start = 0;
	while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	let end = 0;
	while (
		end < max - start &&
		before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
	)
		end++;
	if (cursor <= start) return cursor;
	if (cursor >= before.length - end) return cursor + after.length - before.length;
	return after.length - end;
}

/** The 1-based line of offset `at` in `text`. */
export function lineAt(text: string, at: number): number {
	let line = 1;
	for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/** Problems as sentences a reader can act on: "Line 4: …", first by line, at most `most`. */
export function problemLines(problems: readonly Problem[], most = 5): string[] {
	const sorted = [...problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
	const lines = sorted.slice(0, most).map((p) => (p.line ? `Line ${p.line}: ` : '') + p.message);
	if (sorted.length > most) lines.push(`… and ${sorted.length - most} more.`);
	return lines;
}

/**
 * How many statements reading the text would remove at once, when that is too many to be meant
 * (more than 3 and more than a quarter of the map): an unclosed `{` or `[` swallows the rest of
 * the text. The pane then applies nothing and says so. Undefined when the change is plausible.
 */
export function suspiciousLoss(before: ArgumentMap, after: ArgumentMap): number | undefined {
	const kept = new Set(after.nodes.map((n) => n.id));
	const lost = before.nodes.filter((n) => !kept.has(n.id)).length;
	return lost > 3 && lost > before.nodes.length / 4 ? lost : undefined;
}

/** A statement's text as one line shows it: white space folded. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A map read from text that carries none of Warrant's data (the pane's plain view), completed
 * from the map the text was printed from: a statement it already had keeps its kind, label,
 * anchors, verdict and the rest, and its exact text where only white space differs; a link
 * between the same two statements with the same relation keeps its id and data; the map keeps
 * its source, text, owner and order. What is new comes as the text says it.
 */
export function withKnownData(current: ArgumentMap, read: ArgumentMap): ArgumentMap {
	const known = new Map(current.nodes.map((n) => [n.id, n]));
	const nodes = read.nodes.map((n) => {
		const was = known.get(n.id);
		if (!was) return n;
		const text = oneLine(was.text) === oneLine(n.text) ? was.text : n.text;
		const { tags: _wasTags, ...rest } = was;
		return { ...rest, ...(n.tags ? { tags: n.tags } : {}), text };
	});
	// One thesis: the text's choice stands only when the map's thesis is gone from it.
	const theses = nodes.filter((n) => n.kind === 'thesis');
	if (theses.length !== 1) {
		const chosen = read.nodes.find((n) => n.kind === 'thesis');
		for (const n of theses) if (n.id !== chosen?.id) Object.assign(n, { kind: 'claim' });
		const c = nodes.find((n) => n.id === chosen?.id);
		if (c) Object.assign(c, { kind: 'thesis' });
	}
	const key = (l: { from: string; relation: string; to: string }) =>
		`${l.from}\u0000${l.relation}\u0000${l.to}`;
	const knownLinks = new Map(current.links.map((l) => [key(l), l]));
	const ids = new Map<string, string>();
	const links = read.links.map((l) => {
		const was = knownLinks.get(key(l));
		if (!was) return l;
		ids.set(l.id, was.id);
		const { with: _with, ...rest } = was;
		return { ...rest, ...(l.with ? { with: l.with } : {}) };
	});
	// An undercut names the link it cuts by id: the link's id may be the map's now.
	for (const l of links) if (l.relation === 'undercuts' && ids.has(l.to)) l.to = ids.get(l.to)!;
	const rank = (order: readonly { id: string }[]) => {
		const at = new Map(order.map((x, i) => [x.id, i]));
		return (a: { id: string }, b: { id: string }) =>
			(at.get(a.id) ?? Infinity) - (at.get(b.id) ?? Infinity);
	};
	nodes.sort(rank(current.nodes));
	links.sort(rank(current.links));
	return { ...current, nodes, links } as ArgumentMap;
}
