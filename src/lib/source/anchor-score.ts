/**
 * Candidates for where an anchor is, scored (how much of its selector matches there, how near
 * its old place) and decided: placed, or an orphan with the reason (anchor-resolve.ts says
 * how the search runs).
 */
import search from 'approx-string-match';
import { lastAtOrBefore } from '../model/sorted';
import { errorsAfter, errorsBefore } from './anchor-distance';
import type { Span } from './text';

/** Below this score an anchor is an orphan. Scores run from 0 to 1 (see `resolveAnchors`). */
export const CONFIDENCE = 0.75;

/**
 * Why an anchor is an orphan: `not-found` (nothing resembles its quote), `weak` (the best
 * place scores below CONFIDENCE), `ambiguous` (two places fit about equally well),
 * `context-elsewhere` (its quote's words are somewhere, but its context fits another place
 * better: the quote itself was edited away there), `outside-argument` (attaching a text: it
 * was found in a block marked as not part of the argument, which has no paragraph number).
 */
export type OrphanReason =
	'not-found' | 'weak' | 'ambiguous' | 'context-elsewhere' | 'outside-argument';

export interface Candidate {
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
export interface Hint {
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
/** What the edge of the text counts for as the context of a quote that begins or ends it. */
const EDGE = 12;
/** A quote found exactly once counts its context's edits half when it is this long… */
const UNIQUE_QUOTE = 16;
/** …and keeps this share of its context. */
const UNIQUE_CONTEXT = 0.6;

/**
 * Scores candidates for one anchor: how much of the selector (prefix, quote, suffix) matches
 * there, and how near the anchor's old place it is.
 */
export class Scorer {
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

export function scoreExact(scorer: Scorer, unique: boolean, starts: number[]): Candidate[] {
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
export function fuzzy(scorer: Scorer, within: Span | undefined, whole = false): Candidate[] {
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
export function decide(candidates: Candidate[]): Decision {
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
export function contextFitsElsewhere(
	scorer: Scorer,
	top: Candidate,
	within: Span | undefined
): boolean {
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
