/**
 * Anchors: made from a selection (within the 15-word rule) and found again in a text, exactly
 * first, then fuzzily, as the W3C Web Annotation model and Hypothesis do. An anchor that cannot
 * be placed confidently is an orphan: it keeps its best score and is never silently moved.
 *
 * Fuzzy search uses approx-string-match (Myers' bit-parallel algorithm, what Hypothesis uses):
 * it finds the places where a pattern occurs with the fewest edits in O(n·k/32), fast enough to
 * search a 100,000-character text for every anchor that has no exact match.
 */
import search from 'approx-string-match';
import type { Anchor } from '../model/schema';
import { lastAtOrBefore } from '../model/sorted';
import { MAX_ANCHOR_WORDS, countWords } from '../model/words';
import { fold, foldedOffset, originalSpan, type Folded } from './fold';
import {
	blockAt,
	blockSpan,
	paragraphSpan,
	toIndex,
	type Span,
	type TextIndex,
	type TextInput
} from './text';

export type { TextInput } from './text';

/** Below this score an anchor is an orphan. Scores run from 0 to 1 (see `resolveAnchors`). */
export const CONFIDENCE = 0.75;
/** A selection longer than 15 words keeps this many words as its quote, leaving room for context. */
export const LONG_QUOTE_WORDS = 11;
/** The schema's bounds on an anchor's quote and each side of its context, in characters. */
const MAX_QUOTE_CHARS = 300;
const MAX_CONTEXT_CHARS = 200;

// ---------------------------------------------------------------------------------------------
// Words

// A word is a run of letters and digits, apostrophes inside it included: the same words that
// countWords (and the copied-runs check) counts.
const WORD = /['\u2019]*[\p{L}\p{N}][\p{L}\p{N}'\u2019]*/gu;
const WORD_CHAR = /[\p{L}\p{N}'\u2019]/u;

/** Up to `n` words of `text` between `limit` and `at` (the last ones), in reading order. */
function wordsBefore(text: string, limit: number, at: number, n: number): Span[] {
	let words: Span[] = [];
	// Look back in growing steps until n words are found or the limit is reached.
	for (let reach = 64 * (n + 1); n > 0; reach *= 2) {
		let from = Math.max(limit, at - reach);
		// Never start inside a word: it would count as a word of its own.
		while (from > limit && isWordChar(text[from - 1]) && isWordChar(text[from])) from--;
		words = wordsIn(text, from, at);
		if (words.length >= n || from === limit) break;
	}
	return words.slice(Math.max(0, words.length - n));
}

/** The words of `text` between `from` and `to`, as ranges. */
function wordsIn(text: string, from: number, to: number): Span[] {
	const out: Span[] = [];
	WORD.lastIndex = from;
	for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
		out.push({ start: m.index, end: Math.min(to, m.index + m[0].length) });
	}
	return out;
}

/** A letter, digit or apostrophe; ASCII by code (this runs for every occurrence of a quote). */
function isWordChar(c: string | undefined): boolean {
	if (c === undefined) return false;
	const code = c.charCodeAt(0);
	if (code < 128)
		return (
			(code >= 97 && code <= 122) ||
			(code >= 65 && code <= 90) ||
			(code >= 48 && code <= 57) ||
			code === 39
		);
	return WORD_CHAR.test(c);
}
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

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

// ---------------------------------------------------------------------------------------------
// Finding anchors again

/** Where an anchor was found, or that it was not. */
export type Resolution =
	| {
			/** `exact`: the quote is in the text as it is (white space, quote marks and case aside); `fuzzy`: with edits. */
			status: 'exact' | 'fuzzy';
			/** The anchored passage in the whole text. */
			start: number;
			end: number;
			/** Confidence from 0 to 1; at least CONFIDENCE. */
			score: number;
			/** The paragraph it starts in, or undefined in a block marked `skip`. */
			paragraph: number | undefined;
	  }
	| {
			status: 'orphan';
			/** Why it could not be placed (see OrphanReason). */
			reason: OrphanReason;
			/**
			 * The best candidate's score (0 when there was none): below CONFIDENCE when the match was
			 * weak; it may be higher when two places fit alike or the context fits elsewhere.
			 */
			score: number;
			/** The paragraph the anchor names. */
			paragraph: number;
			/**
			 * The best candidate, to offer the reader ("is it here?"); never a placement. Undefined
			 * when nothing resembled the quote.
			 */
			candidate?: Span;
	  };

/**
 * Why an anchor is an orphan: `not-found` (nothing resembles its quote), `weak` (the best
 * place scores below CONFIDENCE), `ambiguous` (two places fit about equally well),
 * `context-elsewhere` (its quote's words are somewhere, but its context fits another place
 * better: the quote itself was edited away there), `outside-argument` (attaching a text: it
 * was found in a block marked as not part of the argument, which has no paragraph number).
 */
export type OrphanReason =
	'not-found' | 'weak' | 'ambiguous' | 'context-elsewhere' | 'outside-argument';

/** Placed, that is found with enough confidence. */
export type Placed = Extract<Resolution, { status: 'exact' | 'fuzzy' }>;

interface SearchText {
	index: TextIndex;
	folded: Folded;
	/**
	 * Where runs of numbered blocks start and end, in folded offsets: the edges an anchor's
	 * context stops at (the text's ends, and blocks outside the argument).
	 */
	edges: { starts: Set<number>; ends: Set<number> };
}
const searchTexts = new WeakMap<TextIndex, SearchText>();

function searchText(index: TextIndex): SearchText {
	let st = searchTexts.get(index);
	if (!st) {
		const folded = fold(index.text);
		const starts = new Set<number>();
		const ends = new Set<number>();
		index.blocks.forEach((_, i) => {
			if (index.paragraphs[i] === undefined) return;
			const span = blockSpan(index, i);
			if (i === 0 || index.paragraphs[i - 1] === undefined)
				starts.add(foldedOffset(folded, span.start));
			if (i === index.blocks.length - 1 || index.paragraphs[i + 1] === undefined)
				ends.add(foldedOffset(folded, span.end));
		});
		st = { index, folded, edges: { starts, ends } };
		searchTexts.set(index, st);
	}
	return st;
}

/**
 * Find each anchor in the text. Example:
 * ```ts
 * const [r] = resolveAnchors(map.text, node.anchors);
 * if (r.status !== 'orphan') highlight(r.start, r.end);
 * ```
 *
 * How (the numbers were tuned on the perturbation suite, tests/fixtures/perturb.ts):
 * - Candidates. The quote is looked for exactly, as whole words, in the folded text (where
 *   white space, quote marks and case do not count). Without an exact match that can be
 *   placed, the quote and the whole selector (prefix + quote + suffix) are looked for with
 *   Myers' algorithm, allowing edits to a quarter of the pattern, within 2,500 characters of
 *   where the anchor was; when nothing there has the quote's words, the quote alone is looked
 *   for in the whole text (a passage moved in a new version of the text keeps its words).
 * - Score, 0 to 1. `selector`: the share of the selector's characters that match there, less
 *   the edits needed, the context measured right against the quote (a quote that began or ended
 *   the text has that edge as context). A quote found exactly once and at least 16 characters
 *   long counts its context's edits half. Score = 0.7 × selector + 0.3 × nearness to where the
 *   anchor was (its position, else its paragraph; falling off over 1,000 characters plus 5% of
 *   the text), or 0.8 × selector alone for a selector of 40 characters or more (a paragraph
 *   moved in a new version of the text), whichever is higher.
 * - Placed when the best candidate reaches CONFIDENCE, matches three quarters of its quote (a
 *   quote under 8 characters must also match the words right beside it on one side), no other
 *   place comes within 0.05 of it, and the whole selector does not fit another place better
 *   (then the quote's words are here but the anchor's context is there: its quote was edited
 *   away). Otherwise it is an orphan, with the reason.
 */
export function resolveAnchors(input: TextInput, anchors: readonly Anchor[]): Resolution[] {
	const st = searchText(toIndex(input));
	return anchors.map((a) => resolveOne(st, a));
}

/** One anchor; see `resolveAnchors`. */
export function resolveAnchor(input: TextInput, anchor: Anchor): Resolution {
	return resolveOne(searchText(toIndex(input)), anchor);
}

interface Candidate {
	/** The quote's match, in folded offsets. */
	start: number;
	end: number;
	quoteErrors: number;
	/** 0–1: how much of the quote itself matches. */
	quote: number;
	/** 0–1: how much of the context (prefix and suffix) matches; 1 without context. */
	context: number;
	/** 0–1: how much of quote and context together matches (context counting half for a unique quote). */
	selector: number;
	/** Short quotes only: the words right beside it match on at least one side. */
	beside: boolean;
	score: number;
}

/** Where the anchor was: a folded point or a folded range, and how far "near" reaches. */
interface Hint {
	from: number;
	to: number;
	scale: number;
}

/** A rival at another place within this of the best score makes the anchor ambiguous. */
const ORPHAN_MARGIN = 0.05;
/** A placed quote matches at least this share of its characters. */
const MIN_QUOTE_SIMILARITY = 0.75;
/** Fuzzy searches allow edits up to this share of the pattern. */
const MAX_ERROR_RATE = 0.25;
/** A quote shorter than this (in folded characters) must match its immediate context. */
const SHORT_QUOTE = 8;
/** How many characters on each side count as "right beside" a short quote. */
const BESIDE = 12;
/** How far from the old place the first, near search looks (characters, each way). */
const NEAR = 2500;
/** What the edge of the text counts for as the context of a quote that begins or ends it. */
const EDGE = 12;
/** A quote found exactly once counts its context's edits half when it is this long… */
const UNIQUE_QUOTE = 16;
/** …and keeps this share of its context. */
const UNIQUE_CONTEXT = 0.6;

function resolveOne(st: SearchText, anchor: Anchor): Resolution {
	const { index, folded } = st;
	const orphan = (reason: OrphanReason, best?: Candidate): Resolution => ({
		status: 'orphan',
		reason,
		// A place where the quote's own words do not match is no more likely than they are.
		score: best ? round(Math.min(best.score, best.quote)) : 0,
		paragraph: anchor.paragraph,
		...(best ? { candidate: originalSpan(folded, best.start, best.end) } : {})
	});
	if (anchor.quote === undefined) return wholeParagraph(index, anchor) ?? orphan('not-found');

	const q = fold(anchor.quote).text.trim();
	if (!q) return orphan('not-found');
	const p = anchor.prefix ? fold(anchor.prefix).text : '';
	const s = anchor.suffix ? fold(anchor.suffix).text : '';
	const hint = hintOf(index, folded, anchor);
	const T = folded.text;
	// An anchor Warrant made (it has a position and context) of fewer than 15 words had room for
	// context on both sides: no prefix means it began a run of the argument's blocks, no suffix
	// that it ended one.
	const made =
		anchor.start !== undefined && (p || s) && countWords(anchor.quote) < MAX_ANCHOR_WORDS;
	const scorer = new Scorer(T, q, p, s, hint, {
		start: made && !p ? st.edges.starts : undefined,
		end: made && !s ? st.edges.ends : undefined
	});
	const near = hint ? windowOf(hint, T.length, p.length + q.length + s.length) : undefined;

	// 1. Exact occurrences of the quote.
	const exact: number[] = [];
	for (let at = T.indexOf(q); at >= 0 && exact.length < 10000; at = T.indexOf(q, at + 1))
		if (wholeWords(T, at, at + q.length)) exact.push(at);
	let candidates = scoreExact(scorer, exact.length === 1, exact);
	let d = decide(candidates);

	// 2. Fuzzy, near where the anchor was, then (when that finds nothing good) everywhere.
	if (d.kind !== 'placed') {
		candidates = candidates.concat(fuzzy(scorer, near));
		d = decide(candidates);
		// Everywhere, for a paragraph moved far: unless the quote's own words are right here.
		if (d.kind !== 'placed' && near && !(d.best && d.best.quote >= 0.9)) {
			candidates = candidates.concat(fuzzy(scorer, undefined, true));
			d = decide(candidates);
		}
	}
	if (d.kind !== 'placed') return orphan(d.reason, d.best);
	// 3. The quote's words are here, but is the anchor? Not when its context fits better elsewhere.
	if (contextFitsElsewhere(scorer, d.best, near)) return orphan('context-elsewhere', d.best);
	return placed(st, anchor, d.best);
}

/**
 * Anchors are made of whole words, so their quote is found as whole words: "in" is not the
 * middle of "line". (A quote that begins or ends with a mark, not a letter, can sit anywhere.)
 */
function wholeWords(text: string, start: number, end: number): boolean {
	const splits = (a: string | undefined, b: string | undefined) => isWordChar(a) && isWordChar(b);
	return !splits(text[start - 1], text[start]) && !splits(text[end - 1], text[end]);
}

/** An anchor without a quote stands for its whole paragraph. */
function wholeParagraph(index: TextIndex, anchor: Anchor): Resolution | undefined {
	const span = paragraphSpan(index, anchor.paragraph);
	if (!span) return undefined;
	return { status: 'exact', ...span, score: 1, paragraph: anchor.paragraph };
}

function hintOf(index: TextIndex, folded: Folded, anchor: Anchor): Hint | undefined {
	// "Near" grows with the text: edits before an anchor move it by more in a longer text.
	const scale = 1000 + 0.05 * folded.text.length;
	if (anchor.start !== undefined && anchor.start <= index.text.length) {
		const at = foldedOffset(folded, anchor.start);
		return { from: at, to: at, scale };
	}
	const span = paragraphSpan(index, anchor.paragraph);
	if (!span) return undefined;
	return {
		from: foldedOffset(folded, span.start),
		to: foldedOffset(folded, span.end),
		scale
	};
}

/**
 * Where to look first: a few thousand characters around the old place. (Further away the whole
 * text is searched, when nothing near has the quote's words.)
 */
function windowOf(hint: Hint, length: number, pattern: number): Span {
	const reach = Math.ceil(Math.min(hint.scale, NEAR) + pattern);
	return { start: Math.max(0, hint.from - reach), end: Math.min(length, hint.to + reach) };
}

/**
 * Scores candidates for one anchor: how much of the selector (prefix, quote, suffix) matches
 * there, and how near the anchor's old place it is.
 */
class Scorer {
	readonly length: number;
	constructor(
		readonly text: string,
		readonly quote: string,
		readonly prefix: string,
		readonly suffix: string,
		readonly hint: Hint | undefined,
		/**
		 * The quote began (ended) a run of the argument's blocks: that edge is context too, worth
		 * EDGE characters; these are the places such edges are.
		 */
		readonly edge: { start?: Set<number>; end?: Set<number> }
	) {
		this.length =
			quote.length +
			prefix.length +
			suffix.length +
			(edge.start ? EDGE : 0) +
			(edge.end ? EDGE : 0);
	}

	/**
	 * The candidate [start, end) whose quote needed `quoteErrors` edits. `unique`: the quote is
	 * found exactly here and nowhere else in the text, so context only confirms the place; its
	 * edits count half, as long as most of it still matches (a different place with the same
	 * words would have different words around it).
	 */
	score(start: number, end: number, quoteErrors: number, unique = false): Candidate {
		const { text, prefix, suffix, quote } = this;
		const pe = prefix ? errorsBefore(text, start, prefix) : 0;
		const se = suffix ? errorsAfter(text, end, suffix) : 0;
		const contextLength = prefix.length + suffix.length;
		const context = contextLength ? 1 - (pe + se) / contextLength : 1;
		const weight = unique && quote.length >= UNIQUE_QUOTE && context >= UNIQUE_CONTEXT ? 0.5 : 1;
		const { edge } = this;
		const edges =
			(edge.start && !edge.start.has(start) ? EDGE : 0) +
			(edge.end && !edge.end.has(end) ? EDGE : 0);
		const selector = 1 - (quoteErrors + weight * (pe + se) + edges) / this.length;
		// Mostly how well it matches, partly how near it is; a long selector that matches well
		// is enough on its own (a paragraph moved to another place in a new version of the text).
		const score = Math.max(
			0.7 * selector + 0.3 * this.nearness(start, end),
			this.length >= 40 ? 0.8 * selector : 0
		);
		return {
			start,
			end,
			quoteErrors,
			quote: 1 - quoteErrors / quote.length,
			context,
			selector,
			beside: quote.length >= SHORT_QUOTE || this.besideMatches(start, end),
			score
		};
	}

	/**
	 * A short quote ("the", "will say") says little by itself: it is placed only where the
	 * characters right beside it match the context on at least one side, so a deleted word is
	 * not found again in a neighbour's place. Without context there is nothing to check.
	 */
	besideMatches(start: number, end: number): boolean {
		const { text, prefix, suffix } = this;
		if (!prefix && !suffix) return true;
		const near = (pattern: string, errors: number) =>
			pattern.length > 0 && errors <= pattern.length * (1 - MIN_QUOTE_SIMILARITY);
		const p = prefix.slice(-BESIDE);
		const s = suffix.slice(0, BESIDE);
		// Without a prefix the quote began a run of blocks; without a suffix it ended one: the
		// edge is the context then.
		const { edge } = this;
		return (
			(p ? near(p, errorsBefore(text, start, p)) : !!edge.start?.has(start)) ||
			(s ? near(s, errorsAfter(text, end, s)) : !!edge.end?.has(end))
		);
	}

	/** 1 at the old place, falling off with distance; 0.5 when there is no old place to go by. */
	nearness(start: number, end: number): number {
		const h = this.hint;
		if (!h) return 0.5;
		const d = end < h.from ? h.from - end : start > h.to ? start - h.to : 0;
		// A point hint is the old start: measure from the start, not from the nearest edge.
		const dist = h.from === h.to ? Math.abs(start - h.from) : d;
		return Math.exp(-dist / h.scale);
	}
}

function scoreExact(scorer: Scorer, unique: boolean, starts: number[]): Candidate[] {
	const n = scorer.quote.length;
	// Scoring context costs an edit distance per place. With many occurrences (a one-word
	// quote), score only the nearest and those whose neighbouring characters match as they are:
	// a place with neither cannot come close to the best.
	if (starts.length > 16) {
		const { text, prefix, suffix, hint } = scorer;
		// The occurrences are in text order: the nearest lie on either side of the old place.
		const at = hint ? lastAtOrBefore(starts, hint.from) : 0;
		const nearest = hint ? starts.slice(Math.max(0, at - 7), at + 9) : [];
		const p = prefix.slice(-BESIDE);
		const s = suffix.slice(0, BESIDE);
		const fits = starts
			.filter((at) => (p && text.endsWith(p, at)) || (s && text.startsWith(s, at + n)))
			.slice(0, 64);
		starts = [...new Set([...nearest, ...fits])];
	}
	return starts.map((at) => scorer.score(at, at + n, 0, unique));
}

/**
 * Fuzzy candidates: the quote alone, and (near the old place) the whole selector, for a quote
 * edited where its context still is. Far away only the quote is looked for: a passage moved
 * in a new version keeps its words.
 */
function fuzzy(scorer: Scorer, within: Span | undefined, whole = false): Candidate[] {
	const { text, quote, prefix, suffix } = scorer;
	const from = within?.start ?? 0;
	const to = within?.end ?? text.length;
	const region = text.slice(from, to);
	const out: Candidate[] = [];
	const maxQuote = Math.floor(quote.length * MAX_ERROR_RATE);
	if (maxQuote > 0)
		for (const m of search(region, quote, maxQuote))
			out.push(scorer.score(from + m.start, from + m.end, m.errors));
	if ((prefix || suffix) && !whole) {
		const selector = prefix + quote + suffix;
		for (const m of search(region, selector, Math.floor(selector.length * MAX_ERROR_RATE))) {
			// Where in the selector's match the quote is: search there with room for edits.
			const a = from + m.start + Math.max(0, prefix.length - maxQuote - 2);
			const b = Math.min(text.length, from + m.end - Math.max(0, suffix.length - maxQuote - 2));
			const inner = search(text.slice(a, b), quote, quote.length);
			const expected = from + m.start + prefix.length;
			const q = inner.sort(
				(x, y) =>
					x.errors - y.errors || Math.abs(a + x.start - expected) - Math.abs(a + y.start - expected)
			)[0];
			if (q) out.push(scorer.score(a + q.start, a + q.end, q.errors));
		}
	}
	return out;
}

function best(candidates: Candidate[]): Candidate | undefined {
	let top: Candidate | undefined;
	for (const c of candidates) if (!top || c.score > top.score) top = c;
	return top;
}

type Decision =
	| { kind: 'placed'; best: Candidate }
	| { kind: 'orphan'; reason: OrphanReason; best: Candidate | undefined };

/**
 * The candidate to place, or why none is. Only candidates that match at least three quarters
 * of the quote (and, for a short quote, the words beside it) count; the best of them must
 * reach CONFIDENCE and stand clear of every such candidate at another place.
 */
function decide(candidates: Candidate[]): Decision {
	const viable = candidates.filter((c) => c.quote >= MIN_QUOTE_SIMILARITY && c.beside);
	const top = best(viable);
	if (!top) return { kind: 'orphan', reason: 'not-found', best: best(candidates) };
	if (top.score < CONFIDENCE) return { kind: 'orphan', reason: 'weak', best: top };
	for (const c of viable) {
		const elsewhere = c.end <= top.start || c.start >= top.end;
		if (elsewhere && c.score > top.score - ORPHAN_MARGIN)
			return { kind: 'orphan', reason: 'ambiguous', best: top };
	}
	return { kind: 'placed', best: top };
}

/**
 * Does the anchor's whole selector (prefix, quote and suffix) fit another place better than
 * the chosen one? Then the quote's words were found, but where the anchor's context still is,
 * the quote has been edited away: a repeated phrase must not pull the anchor to its twin.
 */
function contextFitsElsewhere(scorer: Scorer, top: Candidate, within: Span | undefined): boolean {
	const { text, prefix, quote, suffix } = scorer;
	// A context that (nearly) all matches here cannot fit much better elsewhere.
	if ((!prefix && !suffix) || top.context >= 0.9) return false;
	const selector = prefix + quote + suffix;
	const from = within?.start ?? 0;
	const region = text.slice(from, within?.end ?? text.length);
	const mine =
		1 - (top.quoteErrors + (1 - top.context) * (prefix.length + suffix.length)) / selector.length;
	// Allow more edits than when looking for candidates: what is asked is only whether the
	// context fits somewhere better than here.
	const allowed = Math.min(
		Math.floor(selector.length * (1 - mine)),
		Math.floor(selector.length * 0.4)
	);
	for (const m of search(region, selector, allowed)) {
		if (1 - m.errors / selector.length <= mine) continue;
		if (top.end <= from + m.start || top.start >= from + m.end) return true;
	}
	return false;
}

function placed(st: SearchText, anchor: Anchor, c: Candidate): Resolution {
	const { index, folded } = st;
	const quote = originalSpan(folded, c.start, c.end);
	let end = quote.end;
	// A selection longer than its quote: the rest is as long as it was, ending on a word.
	if (anchor.start !== undefined && anchor.end !== undefined && anchor.quote !== undefined) {
		const rest = anchor.end - anchor.start - anchor.quote.length;
		if (rest > 0) end = wordEnd(index.text, Math.min(index.text.length, quote.end + rest));
	}
	return {
		status: c.quoteErrors === 0 ? 'exact' : 'fuzzy',
		start: quote.start,
		end,
		score: round(c.score),
		paragraph: index.paragraphs[blockAt(index, quote.start)]
	};
}

/** `at`, moved to the end of the word it splits, or back over white space before it. */
function wordEnd(text: string, at: number): number {
	let e = at;
	while (e > 0 && e < text.length && isWordChar(text[e - 1]) && isWordChar(text[e])) e++;
	while (e > 0 && isSpace(text[e - 1])) e--;
	return e;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

// ---------------------------------------------------------------------------------------------
// Edit distances of context, anchored at the quote

/**
 * The fewest edits that turn `pattern` into the text that ends at `end` (its start free):
 * how well a prefix fits before a candidate.
 */
function errorsBefore(text: string, end: number, pattern: string): number {
	if (text.endsWith(pattern, end)) return 0;
	const from = Math.max(0, end - pattern.length - (pattern.length >> 1) - 2);
	return anchoredDistance(pattern, text, end - 1, from - 1, -1);
}

/** The fewest edits that turn `pattern` into the text that starts at `start` (its end free). */
function errorsAfter(text: string, start: number, pattern: string): number {
	if (text.startsWith(pattern, start)) return 0;
	const to = Math.min(text.length, start + pattern.length + (pattern.length >> 1) + 2);
	return anchoredDistance(pattern, text, start, to, 1);
}

let rows: [Int32Array, Int32Array] = [new Int32Array(512), new Int32Array(512)];

/**
 * Edit distance between the whole `pattern` (read in `step` direction) and the text read from
 * `from` towards `to` (exclusive), where the text may stop anywhere: min over j of d(pattern,
 * text[from … from + j·step]). One row of the classic table at a time.
 */
function anchoredDistance(
	pattern: string,
	text: string,
	from: number,
	to: number,
	step: 1 | -1
): number {
	const m = pattern.length;
	const width = Math.abs(to - from);
	// Two rows reused across calls: this runs for every candidate's context.
	if (rows[0].length <= width)
		rows = [new Int32Array(width * 2 + 2), new Int32Array(width * 2 + 2)];
	let [prev, row] = rows;
	for (let j = 0; j <= width; j++) prev[j] = j;
	for (let i = 1; i <= m; i++) {
		const pc = pattern.charCodeAt(step === 1 ? i - 1 : m - i);
		row[0] = i;
		let left = i;
		for (let j = 1, at = from; j <= width; j++, at += step) {
			let v = prev[j - 1]! + (pc === text.charCodeAt(at) ? 0 : 1);
			const up = prev[j]! + 1;
			if (up < v) v = up;
			if (left + 1 < v) v = left + 1;
			row[j] = v;
			left = v;
		}
		[prev, row] = [row, prev];
	}
	let best = m;
	for (let j = 0; j <= width; j++) if (prev[j]! < best) best = prev[j]!;
	return best;
}
