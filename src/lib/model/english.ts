/**
 * Small pieces of English that feedback and the critical summary both write with: ordinals,
 * counts in words, a sentence's closing stop. Pure.
 */

const ORDINALS = [
	'first',
	'second',
	'third',
	'fourth',
	'fifth',
	'sixth',
	'seventh',
	'eighth',
	'ninth',
	'tenth'
];
const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** The i-th (from 0) as a word: `ordinal(1)` → "second", past the tenth "11th". */
export const ordinal = (i: number): string => ORDINALS[i] ?? `${i + 1}th`;

/**
 * A count in words up to `upTo` (at most ten), in figures above; `zero` for none.
 * Example: `numberWord(3)` → "three", `numberWord(0, 'no')` → "no", `numberWord(12)` → "12".
 */
export const numberWord = (n: number, zero = 'none', upTo = 10): string =>
	n === 0 ? zero : n > 0 && n <= upTo ? NUMBERS[n - 1]! : String(n);

/** A sentence's closing stop, unless it already ends in one (inside a closing quote too). */
export const stop = (s: string): string => (/[.!?…]["”’)]?$/.test(s) ? s : `${s}.`);
