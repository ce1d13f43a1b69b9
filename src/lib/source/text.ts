/**
 * The source text as blocks: reading plain text or Markdown into blocks, numbering the
 * paragraphs (blocks marked `skip` get no number), offsets into the whole text (blocks joined
 * by a blank line) and sentences inside a block. Pure: no DOM, no disk.
 */
import type { Block } from '../model/schema';
import { lastAtOrBefore } from '../model/sorted';
import { MAX_BLOCKS, MAX_BLOCK_CHARS, MAX_TEXT_CHARS } from '../model/words';

/** What joins two blocks in the whole text that anchor offsets count in. */
export const BLOCK_SEPARATOR = '\n\n';

/** A problem with a text someone brings in: a code, a place (line, block) and a sentence. */
export interface TextProblem {
	code: 'empty-text' | 'text-too-long' | 'too-many-blocks' | 'block-too-long' | 'not-text';
	/** A plain sentence saying what is wrong and what to do. */
	message: string;
	/** 1-based line in the text as it was given, where known. */
	line?: number;
	/** 0-based block, where known. */
	block?: number;
}

export type BlocksResult = { ok: true; blocks: Block[] } | { ok: false; problem: TextProblem };

/**
 * The text as blocks. Line endings are normalised; blocks are split on blank lines (a text with
 * no blank line but several lines has one block per line, as pasted from many web pages);
 * white space at the ends of a block is trimmed; control characters become spaces. With
 * `markdown`, headings become blocks of their own without their `#` marks, and quotes, code,
 * escapes, links, emphasis and HTML comments are reduced to their text (`looksLikeMarkdown` tells
 * whether a pasted text needs it). Example:
 * ```ts
 * const r = blocksFromText('# Title\nFirst paragraph.\n\nSecond.', { markdown: true });
 * // r.blocks: [{ text: 'Title' }, { text: 'First paragraph.' }, { text: 'Second.' }]
 * ```
 */
export function blocksFromText(raw: string, options: { markdown?: boolean } = {}): BlocksResult {
	let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
	text = text.replace(/\r\n?/g, '\n');
	if (text.includes('\u0000'))
		return problem('not-text', 'this looks like a binary file, not text');
	// eslint-disable-next-line no-control-regex -- control characters are what is replaced
	text = text.replace(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
	if (options.markdown) text = markdownToPlain(text);

	const lines = text.split('\n');
	const hasBlankLine = lines.some((l, i) => l.trim() === '' && i > 0 && i < lines.length - 1);
	const blocks: Block[] = [];
	const firstLines: number[] = [];
	let current: string[] = [];
	let firstLine = 0;
	const flush = () => {
		const t = current
			.map((l) => l.trimEnd())
			.join('\n')
			.trim();
		if (t) {
			blocks.push({ text: t });
			firstLines.push(firstLine + 1);
		}
		current = [];
	};
	lines.forEach((line, i) => {
		const heading = options.markdown && /^#{1,6}\s/.test(line);
		if (line.trim() === '' || !hasBlankLine || heading) flush();
		if (line.trim() === '') return;
		if (current.length === 0) firstLine = i;
		current.push(heading ? line.replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '') : line);
		if (heading || !hasBlankLine) flush();
	});
	flush();

	if (blocks.length === 0) return problem('empty-text', 'the text is empty');
	if (blocks.length > MAX_BLOCKS)
		return problem(
			'too-many-blocks',
			`the text has ${blocks.length.toLocaleString('en-US')} paragraphs; a text may have at most ${MAX_BLOCKS.toLocaleString('en-US')}`,
			{ line: firstLines[MAX_BLOCKS], block: MAX_BLOCKS }
		);
	const long = blocks.findIndex((b) => b.text.length > MAX_BLOCK_CHARS);
	if (long >= 0)
		return problem(
			'block-too-long',
			`the paragraph at line ${firstLines[long]} has ${blocks[long]!.text.length.toLocaleString('en-US')} characters; a paragraph may have at most ${MAX_BLOCK_CHARS.toLocaleString('en-US')} (separate its parts with blank lines)`,
			{ line: firstLines[long], block: long }
		);
	const total = joinedLength(blocks);
	if (total > MAX_TEXT_CHARS)
		return problem(
			'text-too-long',
			`the text has ${total.toLocaleString('en-US')} characters; a text may have at most ${MAX_TEXT_CHARS.toLocaleString('en-US')}`
		);
	return { ok: true, blocks };
}

function problem(
	code: TextProblem['code'],
	message: string,
	place: { line?: number; block?: number } = {}
): BlocksResult {
	return { ok: false, problem: { code, message, ...place } };
}

/** A kept piece of text (an escaped mark, a code span) stands in as `\uE000n\uE001`. */
const KEPT = /\uE000(\d+)\uE001/g;

/**
 * Markdown's marks reduced to the text a reader sees: quote marks, code fences and spans,
 * escapes, links, images, emphasis, rules and reference definitions go; their words stay. A
 * mark that stands alone on its line leaves a blank line, so line numbers in messages still
 * count the lines as given. List bullets become "•".
 */
function markdownToPlain(text: string): string {
	const kept: string[] = [];
	const keep = (s: string) => `\uE000${kept.push(s) - 1}\uE001`;
	return (
		text
			.replace(/[\uE000\uE001]/g, '')
			.replace(/<!--[\s\S]*?-->/g, '')
			// Code: fences go; a span's text is kept as written, backslashes and stars included.
			.replace(/^[ \t]{0,3}(?:```|~~~)[^\n]*$/gm, '')
			.replace(/(`+)(?!`)([^\n]*?[^`\n])\1(?!`)/g, (_, _ticks, code: string) => keep(code.trim()))
			// An escaped mark is the mark itself: "\*" is a star, not emphasis.
			.replace(/\\([\\`*_{}[\]()#+\-.!>~|<])/g, (_, c: string) => keep(c))
			// Quote marks at the start of a line ("> ", "> > ").
			.replace(/^(?:[ \t]{0,3}>[ \t]?)+/gm, '')
			// Rules and Setext underlines (=== or --- under a line): a line of their own.
			.replace(/^[ \t]{0,3}(?:=+|(?:[-*_][ \t]*){3,})[ \t]*$/gm, '')
			// Reference definitions ("[1]: https://…").
			.replace(/^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S[^\n]*$/gm, '')
			.replace(/^([ \t]*)[-*+][ \t]+(?=\S)/gm, '$1• ')
			// Images and links: their text, not their address (one level of brackets inside it).
			.replace(/!?\[([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)/g, '$1')
			.replace(/!?\[([^\]\n]+)\]\[[^\]\n]*\]/g, '$1')
			.replace(/<((?:https?|mailto):[^>\s]+|[^>\s@]+@[^>\s]+)>/g, '$1')
			.replace(
				/<\/?(?:a|b|i|u|s|em|strong|span|sub|sup|small|mark|cite|q|code|kbd|br)\b[^>\n]*>/gi,
				''
			)
			// Strong, emphasis and strike-through around words (not a lone * or a snake_case name).
			.replace(/(\*\*|__|~~)(?=\S)([^\n]*?\S)\1/g, '$2')
			.replace(/(^|[^\p{L}\p{N}*_\\])([*_])(?=\S)([^*_\n]*?\S)\2(?![\p{L}\p{N}])/gmu, '$1$3')
			.replace(KEPT, (_, i: string) => kept[Number(i)]!)
	);
}

/**
 * Whether a pasted text is written in Markdown: a heading, a quote, strong words, a link, a code
 * span or fence, an escaped mark, or emphasis more than once. A plain text has none of these
 * (a list of "- " lines alone does not count: plain texts have those too).
 */
export function looksLikeMarkdown(text: string): boolean {
	const signs = [
		/^#{1,6}[ \t]+\S/m,
		/^[ \t]{0,3}>[ \t]?\S/m,
		/(\*\*|__)(?=\S)[^\n]*?\S\1/,
		/!?\[[^\]\n]+\]\([^)\s]+[^)\n]*\)/,
		/`[^`\n]+`/,
		/^[ \t]{0,3}(?:```|~~~)/m,
		/\\[`*_[\]#>]/
	];
	if (signs.some((r) => r.test(text))) return true;
	return (text.match(/(?:^|[\s(])[*_](?=\S)[^*_\n]*?\S[*_](?![\p{L}\p{N}])/gmu) ?? []).length > 1;
}

function joinedLength(blocks: readonly Pick<Block, 'text'>[]): number {
	return blocks.reduce((n, b) => n + b.text.length + BLOCK_SEPARATOR.length, 0) - 2;
}

/**
 * A text's blocks with their offsets and paragraph numbers, computed once and shared by the
 * functions below (resolving anchors, coverage, highlights).
 */
export interface TextIndex {
	readonly blocks: readonly Block[];
	/** The whole text: the blocks joined by BLOCK_SEPARATOR. Anchor offsets count in it. */
	readonly text: string;
	/** Where each block starts in `text`. */
	readonly starts: readonly number[];
	/** Each block's paragraph number, or undefined for a block marked `skip`. */
	readonly paragraphs: readonly (number | undefined)[];
	/** The block of each paragraph: `blockOfParagraph[n - 1]`. */
	readonly blockOfParagraph: readonly number[];
}

const indexes = new WeakMap<readonly Block[], TextIndex>();

/** A text given as blocks, or as its index (computed once with `indexText`). */
export type TextInput = readonly Block[] | TextIndex;

/** The index of a text given either way. */
export function toIndex(input: TextInput): TextIndex {
	return Array.isArray(input) ? indexText(input as readonly Block[]) : (input as TextIndex);
}

/**
 * The index of a text (cached per blocks array, which maps never change in place). Example:
 * `indexText(map.text).paragraphs` → `[undefined, 1, 2, …]` when block 0 is a byline.
 */
export function indexText(blocks: readonly Block[]): TextIndex {
	const cached = indexes.get(blocks);
	if (cached) return cached;
	const starts: number[] = [];
	const paragraphs: (number | undefined)[] = [];
	const blockOfParagraph: number[] = [];
	let at = 0;
	blocks.forEach((b, i) => {
		starts.push(at);
		at += b.text.length + BLOCK_SEPARATOR.length;
		if (b.skip) paragraphs.push(undefined);
		else {
			blockOfParagraph.push(i);
			paragraphs.push(blockOfParagraph.length);
		}
	});
	const index: TextIndex = {
		blocks,
		text: blocks.map((b) => b.text).join(BLOCK_SEPARATOR),
		starts,
		paragraphs,
		blockOfParagraph
	};
	indexes.set(blocks, index);
	return index;
}

/** A range of the whole text: `start` inclusive, `end` exclusive. */
export interface Span {
	start: number;
	end: number;
}

/**
 * The block an offset falls in. An offset in the blank line between two blocks belongs to the
 * next block; the end of the text belongs to the last block.
 */
export function blockAt(index: TextIndex, offset: number): number {
	const { starts } = index;
	const at = lastAtOrBefore(starts, offset);
	const end = starts[at]! + index.blocks[at]!.text.length;
	return offset > end && at < starts.length - 1 ? at + 1 : at;
}

/** The block's range in the whole text. */
export function blockSpan(index: TextIndex, block: number): Span {
	const start = index.starts[block]!;
	return { start, end: start + index.blocks[block]!.text.length };
}

/** The paragraph number at an offset, or undefined in a block marked `skip`. */
export function paragraphAt(index: TextIndex, offset: number): number | undefined {
	return index.paragraphs[blockAt(index, offset)];
}

/** Paragraph `n`'s range in the whole text, or undefined when the text has no paragraph `n`. */
export function paragraphSpan(index: TextIndex, n: number): Span | undefined {
	const block = index.blockOfParagraph[n - 1];
	return block === undefined ? undefined : blockSpan(index, block);
}

/** How many numbered paragraphs the text has. */
export function paragraphCount(index: TextIndex): number {
	return index.blockOfParagraph.length;
}

// A sentence ends at . ! ? or … (with closing quotes or brackets after it) before white space
// and a capital, a digit or an opening quote. Not after a title or a one-letter initial
// ("Dr. Ito", "J. Smith", "U.S. aid"), and never inside a number ("2.6").
const SENTENCE_END = /[.!?…]+["'’”»)\]]*(?=\s+["'‘“«([]?[\p{Lu}\p{N}])/gu;
const NO_END_AFTER =
	/(?:^|[\s(.])(?:mr|mrs|ms|dr|prof|st|mt|vs|etc|e\.g|i\.e|cf|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|gen|gov|sen|rep|jr|sr|inc|ltd|corp|fig|pp|vol|[\p{L}])\.$/iu;

/**
 * Sentences in a block's text as ranges of that text (add the block's start for offsets in the
 * whole text). Line breaks inside a block (a list, a verse) end a sentence too. Example:
 * `sentenceSpans('It rose. Then it fell.')` → `[{ start: 0, end: 8 }, { start: 9, end: 22 }]`.
 */
export function sentenceSpans(text: string): Span[] {
	const spans: Span[] = [];
	let start = 0;
	const push = (end: number) => {
		const piece = text.slice(start, end);
		const lead = piece.length - piece.trimStart().length;
		const s = start + lead;
		const e = start + piece.trimEnd().length;
		if (e > s) spans.push({ start: s, end: e });
	};
	const ends: number[] = [];
	for (const m of text.matchAll(SENTENCE_END)) {
		const end = m.index + m[0].length;
		if (
			m[0].startsWith('.') &&
			NO_END_AFTER.test(text.slice(Math.max(0, m.index - 6), m.index + 1))
		)
			continue;
		ends.push(end);
	}
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) ends.push(i);
	ends.sort((a, b) => a - b);
	for (const end of ends) {
		if (end <= start) continue;
		push(end);
		start = end;
	}
	push(text.length);
	return spans;
}
