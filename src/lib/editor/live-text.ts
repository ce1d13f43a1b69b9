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
	print(map: ArgumentMap): string;
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
