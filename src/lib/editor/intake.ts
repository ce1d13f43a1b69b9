/**
 * Bringing a text in, the parts that need no browser: which files are read and how, what the
 * import endpoint answers, where a problem is in words, the "not part of the argument" marks,
 * and the `attachText` intent made of it all. `intake.svelte.ts` holds the state of one
 * intake (the textarea, the marks, a page being fetched); the components render it.
 */
import { z } from 'zod/mini';
import { sourceSchema, type Block, type Source } from '../model/schema';
import type { TextProblem } from '../source/text';
import type { Intent } from './intent';

/** The largest file read, as the largest page the server fetches. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** How a file is read: as plain text, as Markdown (in the browser) or as a saved page (server). */
export type FileKind = 'text' | 'markdown' | 'html';

const KINDS: Record<string, FileKind> = {
	txt: 'text',
	text: 'text',
	md: 'markdown',
	markdown: 'markdown',
	html: 'html',
	htm: 'html',
	xhtml: 'html'
};

/** Megabytes with one decimal: "3.1 MB". */
function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * How a file is read, from its name and size; or why it is not. Example:
 * `fileKind('notes.md', 900)` → `{ ok: true, kind: 'markdown' }`;
 * `fileKind('paper.pdf', 900)` → a message saying which files are read.
 */
export function fileKind(
	name: string,
	size: number
): { ok: true; kind: FileKind } | { ok: false; message: string } {
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
	const kind = KINDS[extension];
	if (!kind)
		return {
			ok: false,
			message: `${name}: Warrant reads .txt, .md and saved .html files${extension ? `, not .${extension}` : ''}.`
		};
	if (size > MAX_FILE_BYTES)
		return {
			ok: false,
			message: `${name} is ${megabytes(size)}; a file may be at most ${megabytes(MAX_FILE_BYTES)}.`
		};
	return { ok: true, kind };
}

/**
 * Bytes read as UTF-8 (a byte-order mark dropped); or the 1-based line of the first byte that
 * is not UTF-8, so the message can say where.
 */
export function decodeUtf8(
	bytes: Uint8Array
): { ok: true; text: string } | { ok: false; line: number } {
	try {
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		const loose = new TextDecoder('utf-8').decode(bytes);
		const bad = loose.indexOf('\ufffd');
		return { ok: false, line: loose.slice(0, Math.max(0, bad)).split('\n').length };
	}
}

/** "the pasted text" starts a sentence as "The pasted text"; a file's name stays as it is. */
function sentence(s: string): string {
	return s.startsWith('the ') ? `T${s.slice(1)}` : s;
}

/**
 * A problem with a text, with its place: "The pasted text, line 3: …", "notes.md: the text is
 * empty". The line is named once, not again when the message already names it.
 */
export function problemAt(from: string, problem: Pick<TextProblem, 'message' | 'line'>): string {
	const line =
		problem.line !== undefined && !problem.message.includes(`line ${problem.line}`)
			? `, line ${problem.line}`
			: '';
	return `${sentence(from)}${line}: ${problem.message}`;
}

/** What `POST /api/import` answers for a page or a saved page (server/extract.ts). */
export const importedTextSchema = z.object({
	title: z.optional(z.string()),
	author: z.optional(z.string()),
	publication: z.optional(z.string()),
	date: z.optional(z.string()),
	language: z.optional(z.string()),
	url: z.optional(z.string()),
	blocks: z.array(z.string()),
	truncated: z.optional(z.boolean())
});
export type ImportedText = z.infer<typeof importedTextSchema>;

/** The source's fields a page can declare. */
export const SOURCE_FIELDS = ['title', 'author', 'publication', 'date', 'language', 'url'] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

/**
 * The source details a page declares, each kept only when the map format accepts it (a date
 * as YYYY-MM-DD, a language tag, an http(s) address); "Untitled text" is no title.
 */
export function sourceDetails(page: Partial<Record<SourceField, string>>): Partial<Source> {
	const details: Partial<Source> = {};
	for (const field of SOURCE_FIELDS) {
		const value = page[field]?.trim();
		if (!value || (field === 'title' && value === 'Untitled text')) continue;
		if (field === 'url' && !/^https?:\/\//i.test(value)) continue;
		if (sourceSchema.shape[field].safeParse(value).success) details[field] = value;
	}
	return details;
}

/** A Markdown file's title: its first line, when that is a heading. */
export function markdownTitle(text: string): string | undefined {
	const first =
		text
			.replace(/^\ufeff/, '')
			.trimStart()
			.split('\n', 1)[0] ?? '';
	const heading = /^#{1,6}\s+(.+?)(?:\s+#+)?\s*$/.exec(first)?.[1]?.trim();
	return heading ? sourceDetails({ title: heading }).title : undefined;
}

/**
 * A key per block that survives edits elsewhere in the text: its words and which occurrence of
 * them it is. A mark follows its paragraph when another paragraph is typed, added or removed.
 */
export function markKeys(blocks: readonly Pick<Block, 'text'>[]): string[] {
	const seen = new Map<string, number>();
	return blocks.map((b) => {
		const n = seen.get(b.text) ?? 0;
		seen.set(b.text, n + 1);
		return `${n}\u0000${b.text}`;
	});
}

/** A set of marks, never changed in place (state holds it raw and replaces it). */
export function marksOf(keys: Iterable<string> = []): ReadonlySet<string> {
	return new Set(keys);
}

/** The marks with one block's turned on or off. */
export function toggleMark(marks: ReadonlySet<string>, key: string, on: boolean): Set<string> {
	const next = new Set(marks);
	if (on) next.add(key);
	else next.delete(key);
	return next;
}

/** Marks for "everything before this": blocks 0 … i−1 marked, the others as they were. */
export function markBefore(
	marks: ReadonlySet<string>,
	keys: readonly string[],
	i: number
): Set<string> {
	const next = new Set(marks);
	keys.forEach((k, j) => {
		if (j < i) next.add(k);
	});
	return next;
}

/**
 * The `attachText` intent for a text as read. When the reader never touched the marks and the
 * map has anchors, the editor marks the blocks before the map's paragraph 1 (`autoSkip`);
 * otherwise the marks go with the blocks.
 */
export function attachIntent(
	blocks: readonly Block[],
	opts: { touched: boolean; hasAnchors: boolean; source: Partial<Source> }
): Extract<Intent, { type: 'attachText' }> {
	const auto = !opts.touched && opts.hasAnchors;
	return {
		type: 'attachText',
		blocks: blocks.map((b) => (b.skip && !auto ? { text: b.text, skip: true } : { text: b.text })),
		...(auto && { autoSkip: true }),
		...(Object.keys(opts.source).length > 0 && { source: { ...opts.source } })
	};
}
