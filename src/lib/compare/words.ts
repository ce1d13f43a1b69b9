/**
 * Words and numbers of a statement, for matching without a language model: content words
 * stemmed with the Porter stemmer (the `stemmer` package), a short list of synonyms folded to
 * one word, numbers read from digits and number words. English only.
 */
import { stemmer } from 'stemmer';
import { NUMBER_WORDS, SCALE_WORDS } from '../source/figure-words';

/** Function words that say nothing about what a statement is about. */
const STOP = new Set(
	(
		'a an the and or but nor so yet if then than that this these those there here of in on at to ' +
		'for from by with without into onto over under about as is are was were be been being am do ' +
		"does did doing have has had having it its it’s it's they them their theirs we us our you your " +
		'he she his her him i me my not no only just also too very more most much many some any all ' +
		'each every both either neither such own same other others another can could should would will ' +
		'shall may might must which who whom whose what when where why how while because since though ' +
		'although even still again ever already up down out off per via say says said one’s'
	).split(' ')
);

/**
 * Words that students commonly put for one another, folded to one stem before comparing. Kept
 * short and general (not tuned to the fixtures): each line is one meaning.
 */
const SYNONYMS: string[][] = [
	['bike', 'bicycle', 'cycle', 'cycling', 'cyclist', 'rider', 'ride', 'riding'],
	['car', 'drive', 'driving', 'driver', 'motorist'],
	[
		'child',
		'children',
		'kid',
		'kids',
		'pupil',
		'pupils',
		'student',
		'students',
		'teen',
		'teenager',
		'teenagers'
	],
	['percent', 'per cent', '%', 'percentage', 'share'],
	['cheap', 'cheaper', 'inexpensive', 'affordable'],
	['cost', 'costs', 'price', 'prices', 'spend', 'expense'],
	['rise', 'rose', 'grow', 'grew', 'increase', 'increased', 'climb', 'up'],
	['fall', 'fell', 'drop', 'dropped', 'decline', 'decrease', 'down'],
	['money', 'revenue', 'income', 'funds'],
	['shop', 'shops', 'store', 'shopper', 'customer', 'business'],
	['big', 'large', 'largest', 'biggest', 'major', 'main'],
	['small', 'little', 'modest', 'tiny'],
	['help', 'helps', 'benefit', 'aid'],
	[
		'say',
		'claim',
		'argue',
		'argues',
		'worry',
		'fear',
		'critic',
		'critics',
		'opponent',
		'opponents'
	],
	['ban', 'prohibit', 'forbid'],
	['study', 'research', 'review', 'survey', 'poll'],
	['emission', 'emissions', 'carbon', 'co2', 'pollute', 'pollution'],
	['town', 'city'],
	['learn', 'learning', 'taught', 'teach'],
	['use', 'using', 'usage'],
	['poor', 'poorest', 'poorer', 'low-income']
];

const SYNONYM_OF = new Map<string, string>();
for (const line of SYNONYMS) for (const w of line) SYNONYM_OF.set(stemmer(w), stemmer(line[0]!));

/** A word's stem, synonyms folded. */
export function stem(word: string): string {
	const s = stemmer(word.toLowerCase());
	return SYNONYM_OF.get(s) ?? s;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*|%/gu;

/** The content words of a text as stems, in order (repeats kept). */
export function contentStems(text: string): string[] {
	const out: string[] = [];
	for (const m of text.toLowerCase().matchAll(WORD)) {
		const w = m[0].replace(/[’']s$/, '');
		if (STOP.has(w) || /^\d/.test(w)) continue;
		for (const part of w.split('-')) if (part && !STOP.has(part)) out.push(stem(part));
	}
	return out;
}

/**
 * The numbers a text mentions: digits ("1,500", "2.10", "2019", "18%") and number words
 * ("three", "four million", "a third" is not read). Values only, as a set.
 */
export function numbersIn(text: string): Set<number> {
	const out = new Set<number>();
	const tokens = text.toLowerCase().match(/\d[\d,]*(?:\.\d+)?|[a-z]+/g) ?? [];
	tokens.forEach((t, i) => {
		let value: number | undefined;
		if (/^\d/.test(t)) value = Number(t.replace(/,(?=\d{3}\b)/g, '').replace(/,/g, ''));
		else value = NUMBER_WORDS[t];
		if (value === undefined || !Number.isFinite(value)) return;
		const scale = SCALE_WORDS[tokens[i + 1] ?? ''];
		out.add(scale ? Number(`${value}e${scale}`) : value);
	});
	return out;
}
