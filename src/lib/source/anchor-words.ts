/**
 * Words as anchors count them, shared by making an anchor (anchor.ts) and finding it again
 * (anchor-resolve.ts).
 */
import type { Span } from './text';

// A word is a run of letters and digits, apostrophes inside it included: the same words that
// countWords (and the copied-runs check) counts.
const WORD = /['\u2019]*[\p{L}\p{N}][\p{L}\p{N}'\u2019]*/gu;
const WORD_CHAR = /[\p{L}\p{N}'\u2019]/u;

/** Up to `n` words of `text` between `limit` and `at` (the last ones), in reading order. */
export function wordsBefore(text: string, limit: number, at: number, n: number): Span[] {
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
export function wordsIn(text: string, from: number, to: number): Span[] {
	const out: Span[] = [];
	WORD.lastIndex = from;
	for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
		out.push({ start: m.index, end: Math.min(to, m.index + m[0].length) });
	}
	return out;
}

/** A letter, digit or apostrophe; ASCII by code (this runs for every occurrence of a quote). */
export function isWordChar(c: string | undefined): boolean {
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
export const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
