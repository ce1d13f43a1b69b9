/**
 * How words are counted for the anchor rule, and the bounds of a source text. Shared by the
 * schema (which refuses a longer anchor) and source/ (which makes anchors that fit).
 */

/**
 * An anchor's prefix, quote and suffix together cover at most this many consecutive words of
 * the source: enough to find the place again, too few to reproduce the text.
 */
export const MAX_ANCHOR_WORDS = 15;
/** A text is at most this many blocks (a long book chapter has a few hundred paragraphs). */
export const MAX_BLOCKS = 2000;
/** One block is at most this many characters (about 3,000 words: no paragraph is longer). */
export const MAX_BLOCK_CHARS = 20_000;
/**
 * The whole text, blocks joined, is at most this many characters, so that a map carrying it
 * stays well inside the 5 MB limit of a map file.
 */
export const MAX_TEXT_CHARS = 1_000_000;

// Words as the repository's copied-runs check counts them (../shared/tools/copied-runs.mjs):
// apostrophes dropped, then runs of letters and digits. So "peace-loving" and "2.6" are two
// words each and "—" is none: the rule can never pass here and fail there.
const APOSTROPHES = /['\u2019]/g;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The number of words in `s`, counted as runs of letters and digits (apostrophes join:
 * "Japan’s" is one word, "re-equipped" two). Example: `countWords('a $68 million loan')` → 4.
 */
export function countWords(s: string): number {
	return s.replace(APOSTROPHES, '').match(WORD)?.length ?? 0;
}
