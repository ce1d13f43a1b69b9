/**
 * Finding anchors again in a text: exactly first, then fuzzily, as the W3C Web Annotation model
 * and Hypothesis do. An anchor that cannot be placed confidently is an orphan: it keeps its best
 * score and is never silently moved. The candidates are scored and decided in anchor-score.ts.
 *
 * Fuzzy search uses approx-string-match (Myers' bit-parallel algorithm, what Hypothesis uses):
 * it finds the places where a pattern occurs with the fewest edits in O(n·k/32), fast enough to
 * search a 100,000-character text for every anchor that has no exact match.
 */
import type { Anchor } from '../model/schema';
import { MAX_ANCHOR_WORDS, countWords } from '../model/words';
import {
	Scorer,
	contextFitsElsewhere,
	decide,
	fuzzy,
	scoreExact,
	type Candidate,
	type Hint,
	type OrphanReason
} from './anchor-score';
import { isSpace, isWordChar } from './anchor-words';
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

/** How far from the old place the first, near search looks (characters, each way). */
const NEAR = 2500;

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
