/**
 * The words of figures: a text cut into tokens, and the vocabulary the figure readers know
 * (qualifiers and what denies them, currencies, scales, number words, months, words of change),
 * with a check that a word left over is a word at all ("asdf" is not).
 */
import type { Figure } from '../model/schema';

export interface Token {
	text: string;
	lower: string;
	start: number;
	end: number;
}

// Numbers (with thousands separators: comma, no-break or thin space), words (with "km²"),
// currency symbols, percent, dashes and any other mark (the minus sign "−" among them).
const TOKEN =
	/\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|[\p{L}]+(?:['’][\p{L}]+)*[²³]?|[$€£¥₽₩₹₮%]|[–—-]|\S/gu;

export function tokenize(text: string): Token[] {
	return [...text.matchAll(TOKEN)].map((m) => ({
		text: m[0],
		lower: m[0].toLowerCase(),
		start: m.index,
		end: m.index + m[0].length
	}));
}

/** Two tokens with nothing between them ("92" and "m" in "€92m"). */
export const touching = (a: Token | undefined, b: Token | undefined) =>
	!!a && !!b && a.end === b.start;

export const isDigits = (t: Token | undefined) => !!t && /^\d/.test(t.text);

export function matchWords(tokens: Token[], i: number, words: readonly string[]): boolean {
	return words.every((w, k) => tokens[i + k]?.lower === w);
}

// ---------------------------------------------------------------------------------------------
// Qualifiers, and what a negation makes of them

type Qualifier = NonNullable<Figure['qualifier']>;

/**
 * The words before a number that qualify it, longest first: the qualifier, and what it becomes
 * when denied ("never more than 70%" is at most 70%). A qualifier with no denied form ("not
 * about 70%") leaves the amount denied: the text does not give it.
 */
export const QUALIFIERS = (
	[
		['in excess of', 'more than', 'at most'],
		['more than', 'more than', 'at most'],
		['less than', 'at most', 'at least'],
		['fewer than', 'at most', 'at least'],
		['up to', 'up to'],
		['at least', 'at least', 'at most'],
		['at most', 'at most', 'more than'],
		['about', 'about'],
		['around', 'about'],
		['approximately', 'about'],
		['roughly', 'about'],
		['some', 'about'],
		['nearly', 'about'],
		['almost', 'about'],
		['over', 'more than', 'at most'],
		['above', 'more than', 'at most'],
		['exceed', 'more than', 'at most'],
		['exceeds', 'more than', 'at most'],
		['exceeded', 'more than', 'at most'],
		['exceeding', 'more than', 'at most'],
		['under', 'at most', 'at least'],
		['below', 'at most', 'at least'],
		['exactly', 'exactly'],
		['precisely', 'exactly']
	] satisfies [string, Qualifier, Qualifier?][]
).map(([phrase, q, denied]) => ({ words: phrase.split(' '), q, denied }));

/** "not", "never", "wasn't", "cannot": a word that denies what follows. */
export const isNegation = (t: Token | undefined) =>
	!!t && (/^(not|never|cannot|nor)$/.test(t.lower) || /n['’]t$/.test(t.lower));
/** After a negation, words that leave it on the amount ("never been more than", "not rise above"). */
export const NEGATION_LINKS = new Set(
	'be been being is was were are get got go gone went rise rose risen fall fell fallen grow grew grown reach reached by'.split(
		' '
	)
);
/** "not only 70%", "not just", "not least": emphasis, not a denial. */
export const NOT_DENIAL = new Set(['only', 'just', 'merely', 'least']);

// ---------------------------------------------------------------------------------------------
// Currencies, scales, number words

export const SYMBOLS: Record<string, string> = {
	$: 'USD',
	'€': 'EUR',
	'£': 'GBP',
	'¥': 'JPY',
	'₽': 'RUB',
	'₩': 'KRW',
	'₹': 'INR',
	'₮': 'MNT'
};
export const CODES = new Set([
	'USD',
	'EUR',
	'GBP',
	'JPY',
	'CNY',
	'RUB',
	'KRW',
	'INR',
	'MNT',
	'CHF'
]);
export const CURRENCY_WORDS: Record<string, string> = {
	dollar: 'USD',
	dollars: 'USD',
	euro: 'EUR',
	euros: 'EUR',
	pound: 'GBP',
	pounds: 'GBP',
	yen: 'JPY',
	yuan: 'CNY',
	ruble: 'RUB',
	rubles: 'RUB',
	rouble: 'RUB',
	roubles: 'RUB',
	tugrik: 'MNT',
	tugriks: 'MNT',
	won: 'KRW'
};
/** Scales written out, and attached to the number ("92m", "1.2bn", "5k"). */
export const SCALE_WORDS: Record<string, number> = {
	hundred: 2,
	thousand: 3,
	million: 6,
	billion: 9,
	trillion: 12
};
export const SCALE_SUFFIXES: Record<string, number> = {
	k: 3,
	m: 6,
	mn: 6,
	mln: 6,
	bn: 9,
	b: 9,
	tn: 12
};
/** "one" to "twenty", the tens to "ninety", and "dozen". */
export const NUMBER_WORDS: Record<string, number> = Object.fromEntries([
	...'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
		.split(' ')
		.map((w, i) => [w, i + 1] as const),
	...'thirty forty fifty sixty seventy eighty ninety'
		.split(' ')
		.map((w, i) => [w, 30 + 10 * i] as const),
	['dozen', 12] as const
]);
/** A sign written before a number: "-3.5%", "−3.5 %" (the minus sign), "+2". */
export const SIGNS: Record<string, number> = { '-': -1, '−': -1, '–': -1, '+': 1 };

// ---------------------------------------------------------------------------------------------
// Dates, units, change

export const MONTHS = new Set(
	'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
		' '
	)
);
/** Words that are never a unit, though some end in s. */
export const NOT_UNITS = new Set(
	'a an the of in on at to for from by with and or but as is was are were be been has have had its this that these those which who whom whose than then there their they them it he she we you i his her our your my per each every all some any no not so such into over under about around since during until between among across always perhaps thus yes us less unless whereas besides towards afterwards sometimes nevertheless plus does do did new old more most other same'.split(
		' '
	)
);
/** Plurals that do not end in s: "5 million people". */
export const PLURALS = new Set(
	'people children men women staff personnel police cattle sheep fish deer feet teeth mice geese data'.split(
		' '
	)
);
/** Words between "of" and the unit it names: "2,100 of our pupils". */
export const DETERMINERS = new Set([
	'the',
	'our',
	'its',
	'their',
	'these',
	'those',
	'all',
	'his',
	'her'
]);
export const YEAR_WORDS = new Set([
	'in',
	'since',
	'by',
	'from',
	'during',
	'of',
	'until',
	'till',
	'year'
]);
/** Words of change before an amount: "fell by 2%" is 2% that fell, not a level of 2%. */
export const CHANGE_WORDS = new Set(
	'rose risen rise rises rising grew grown grow grows growing increased increase increases fell fallen fall falls falling dropped drop drops declined decline declines decreased decrease decreases climbed jumped slipped shrank shrunk gained lost cut cuts plunged soared up down'.split(
		' '
	)
);

// ---------------------------------------------------------------------------------------------
// Is it a word?

/** Unit abbreviations without a vowel. */
const ABBREVIATIONS = new Set(
	'kg mg g t kt mt km m cm mm nm l ml dl ha ft sq lb lbs oz mph kph kmh kw kwh mw mwh gw gwh twh hz pp pts bps ppm ppb hr hrs h s st nd rd th km² m² m³ cm²'.split(
		' '
	)
);
/** Four keys in a row of the keyboard, either way ("asdf", "qwer"); "erty" is in "property". */
const KEY_RUNS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].flatMap((row) =>
	[row, [...row].reverse().join('')].flatMap((r) =>
		Array.from({ length: r.length - 3 }, (_, i) => r.slice(i, i + 4)).filter(
			(run) => run !== 'erty'
		)
	)
);

/**
 * Whether a word typed with a figure reads as a word: a vowel (or an abbreviation such as "kg",
 * or capitals such as "GDP"), no letter three times running, no run of keys ("asdf", "qwer").
 * Words of other alphabets and accented words are taken as they are.
 */
export function looksLikeWord(word: string): boolean {
	const w = word.toLowerCase().replace(/['’]/g, '');
	if (/[^a-z²³]/.test(w)) return true;
	if (KEY_RUNS.some((run) => w.includes(run)) || /(.)\1\1/.test(w)) return false;
	return ABBREVIATIONS.has(w) || /^[A-Z]{2,6}s?$/.test(word) || /[aeiouy]/.test(w);
}
