/**
 * Anchors: made from a selection (within the 15-word rule) here, and found again in a text,
 * exactly first, then fuzzily, in anchor-resolve.ts (candidates scored and decided in
 * anchor-score.ts). An anchor that cannot be placed confidently is an orphan: it keeps its best
 * score and is never silently moved. This module is the one the rest of the app imports.
 */
import type { Anchor } from '../model/schema';
import { MAX_ANCHOR_WORDS, countWords } from '../model/words';
import { isSpace, isWordChar, wordsBefore, wordsIn } from './anchor-words';
import { blockAt, blockSpan, toIndex, type Span, type TextIndex, type TextInput } from './text';

export type { TextInput } from './text';
export { resolveAnchor, resolveAnchors, type Placed, type Resolution } from './anchor-resolve';
export { CONFIDENCE, type OrphanReason } from './anchor-score';

/** A selection longer than 15 words keeps this many words as its quote, leaving room for context. */
export const LONG_QUOTE_WORDS = 11;
/** The schema's bounds on an anchor's quote and each side of its context, in characters. */
const MAX_QUOTE_CHARS = 300;
const MAX_CONTEXT_CHARS = 200;

// ---------------------------------------------------------------------------------------------
// From a selection to an anchor

/** Why a selection cannot become an anchor. */
export interface SelectionProblem {
	code: 'empty-selection' | 'not-argument';
	message: string;
}

export type SelectionResult =
	{ ok: true; anchor: Anchor } | { ok: false; problem: SelectionProblem };

/**
 * The anchor for the selection [start, end) of the whole text (offsets as in `TextIndex.text`).
 * The selection is trimmed of white space and widened to whole words. Its quote is the selection
 * itself when it has at most 15 words, else its first 11 words; the words left of the 15 become
 * context, split between prefix and suffix inside the same block. The position selector keeps
 * the whole selection. Example:
 * ```ts
 * const r = anchorFromSelection(map.text, sel.start, sel.end);
 * if (r.ok) dispatch({ type: 'addAnchor', id, anchor: r.anchor });
 * else show(r.problem.message);
 * ```
 */
export function anchorFromSelection(input: TextInput, start: number, end: number): SelectionResult {
	const index = toIndex(input);
	const text = index.text;
	let s = Math.max(0, Math.min(start, end, text.length));
	let e = Math.min(text.length, Math.max(start, end, 0));
	while (s < e && isSpace(text[s])) s++;
	while (e > s && isSpace(text[e - 1])) e--;
	if (s === e)
		return fail('empty-selection', 'select some words of the text to anchor a statement there');
	while (s > 0 && isWordChar(text[s - 1]) && isWordChar(text[s])) s--;
	while (e < text.length && isWordChar(text[e - 1]) && isWordChar(text[e])) e++;

	// A selection that starts in a block outside the argument starts at the next numbered one.
	let block = blockAt(index, s);
	while (index.paragraphs[block] === undefined) {
		block++;
		if (block >= index.blocks.length || index.starts[block]! >= e)
			return fail(
				'not-argument',
				'this passage is marked as not part of the argument; mark it as part of it to anchor a statement there'
			);
		s = index.starts[block]!;
	}
	const anchor = anchorAt(index, block, s, e);
	return { ok: true, anchor };
}

function fail(code: SelectionProblem['code'], message: string): SelectionResult {
	return { ok: false, problem: { code, message } };
}

/** The anchor of [s, e), which starts in numbered block `block`. */
function anchorAt(index: TextIndex, block: number, s: number, e: number): Anchor {
	const text = index.text;
	const span = blockSpan(index, block);
	const inBlock = Math.min(e, span.end);
	let words = wordsIn(text, s, inBlock);
	let quoteEnd = inBlock;
	if (words.length > MAX_ANCHOR_WORDS) {
		words = words.slice(0, LONG_QUOTE_WORDS);
		quoteEnd = words.at(-1)!.end;
	}
	// A quote stays within the schema's length, whole words first.
	while (quoteEnd - s > MAX_QUOTE_CHARS && words.length > 1) {
		words = words.slice(0, -1);
		quoteEnd = words.at(-1)!.end;
	}
	if (quoteEnd - s > MAX_QUOTE_CHARS) quoteEnd = s + MAX_QUOTE_CHARS;
	while (quoteEnd > s && isSpace(text[quoteEnd - 1])) quoteEnd--;
	const quote = text.slice(s, quoteEnd);

	// Context: the words of the 15 the quote leaves, half before and half after, moving what one
	// side cannot use (the text starts or ends) to the other side. Context runs across blocks:
	// a heading that repeats a phrase of the next paragraph is told apart by what follows it.
	// Never into a block outside the argument: navigation and captions change from one copy of
	// a text to another.
	const { start: from, end: to } = numberedRun(index, block, blockAt(index, quoteEnd));
	const budget = Math.max(0, MAX_ANCHOR_WORDS - countWords(quote));
	const before = wordsBefore(text, from, s, budget);
	const after = wordsIn(text, quoteEnd, Math.min(to, quoteEnd + 40 * (budget + 1))).slice(
		0,
		budget
	);
	let pw = Math.min(before.length, Math.ceil(budget / 2));
	const sw = Math.min(after.length, budget - pw);
	pw = Math.min(before.length, budget - sw);
	const prefix = context(text, before, pw, 'before', from, s);
	const suffix = context(text, after, sw, 'after', quoteEnd, to);

	const anchor: Anchor = { paragraph: index.paragraphs[block]!, quote };
	if (prefix) anchor.prefix = prefix;
	if (suffix) anchor.suffix = suffix;
	anchor.start = s;
	anchor.end = Math.max(e, quoteEnd);
	return anchor;
}

/** Where the run of numbered blocks around blocks `first`…`last` starts and ends in the text. */
function numberedRun(index: TextIndex, first: number, last: number): Span {
	let a = first;
	while (a > 0 && index.paragraphs[a - 1] !== undefined) a--;
	let b = last;
	while (b < index.blocks.length - 1 && index.paragraphs[b + 1] !== undefined) b++;
	return { start: index.starts[a]!, end: blockSpan(index, b).end };
}

/**
 * The context on one side of a quote: `n` words (fewer if they would pass the character
 * bound), with what lies between them and the quote. Where the text has no more words than
 * that, the context runs to the text's edge (an opening quotation mark, say).
 */
function context(
	text: string,
	words: Span[],
	n: number,
	side: 'before' | 'after',
	from: number,
	to: number
): string | undefined {
	for (let k = n; k > 0; k--) {
		// All the words there are on this side: run to the edge, taking its marks along.
		const all =
			k === words.length &&
			(side === 'before'
				? wordsBefore(text, from, words[0]!.start, 1).length === 0
				: wordsIn(text, words.at(-1)!.end, to).length === 0);
		const piece =
			side === 'before'
				? text.slice(all ? from : words[words.length - k]!.start, to)
				: text.slice(from, all ? to : words[k - 1]!.end);
		if (piece.length <= MAX_CONTEXT_CHARS) return piece;
	}
	return undefined;
}
