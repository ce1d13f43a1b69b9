/**
 * Figures as people type them or as a text gives them ("$68 million", "€92m", "2.6% of GDP",
 * "about 1,000 students", "in 2012", "2018–2020"), read into the model's Figure shape with a
 * display of how they were read ("92,000,000 EUR · 2018–2020"), so a form can show the reading
 * before keeping it and a selection can offer its figures with one key.
 */
import type { Figure } from '../model/schema';

/** A figure as read: the model's Figure, except that the text may not say its unit. */
export type ReadFigure = Omit<Figure, 'unit'> & { unit?: string };

/** Why a typed figure cannot be read. */
export interface FigureProblem {
	code: 'empty' | 'not-a-number' | 'no-amount' | 'several' | 'range' | 'years';
	message: string;
}

export type FigureResult =
	| {
			ok: true;
			figure: ReadFigure;
			/** How it was read: "92,000,000 EUR · 2018–2020". */
			display: string;
	  }
	| { ok: false; problem: FigureProblem };

/** A figure found in a text: where, the words, and how they were read. */
export interface FoundFigure {
	start: number;
	end: number;
	text: string;
	figure: ReadFigure;
	display: string;
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface Token {
	text: string;
	lower: string;
	start: number;
	end: number;
}

// Numbers (with thousands separators: comma, no-break or thin space), words, currency
// symbols, percent, dashes and any other mark.
const TOKEN =
	/\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|[\p{L}]+(?:['’][\p{L}]+)*|[$€£¥₽₩₹₮%]|[–—-]|\S/gu;

function tokenize(text: string): Token[] {
	return [...text.matchAll(TOKEN)].map((m) => ({
		text: m[0],
		lower: m[0].toLowerCase(),
		start: m.index,
		end: m.index + m[0].length
	}));
}

/** Two tokens with nothing between them ("92" and "m" in "€92m"). */
const touching = (a: Token | undefined, b: Token | undefined) => !!a && !!b && a.end === b.start;

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** The words before a number that qualify it, longest first ("no more than" before "more than"). */
const QUALIFIERS = Object.entries({
	'no more than': 'at most',
	'more than': 'more than',
	'less than': 'at most',
	'fewer than': 'at most',
	'up to': 'up to',
	'at least': 'at least',
	'at most': 'at most',
	'in excess of': 'more than',
	about: 'about',
	around: 'about',
	approximately: 'about',
	roughly: 'about',
	some: 'about',
	nearly: 'about',
	almost: 'about',
	over: 'more than',
	above: 'more than',
	under: 'at most',
	below: 'at most',
	exactly: 'exactly',
	precisely: 'exactly'
} satisfies Record<string, NonNullable<Figure['qualifier']>>).map(
	([phrase, q]) => [phrase.split(' '), q] as const
);

const SYMBOLS: Record<string, string> = {
	$: 'USD',
	'€': 'EUR',
	'£': 'GBP',
	'¥': 'JPY',
	'₽': 'RUB',
	'₩': 'KRW',
	'₹': 'INR',
	'₮': 'MNT'
};
const CODES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RUB', 'KRW', 'INR', 'MNT', 'CHF']);
const CURRENCY_WORDS: Record<string, string> = {
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
const SCALE_WORDS: Record<string, number> = {
	hundred: 2,
	thousand: 3,
	million: 6,
	billion: 9,
	trillion: 12
};
const SCALE_SUFFIXES: Record<string, number> = { k: 3, m: 6, mn: 6, mln: 6, bn: 9, b: 9, tn: 12 };
/** "one" to "twenty", the tens to "ninety", and "dozen". */
const NUMBER_WORDS: Record<string, number> = Object.fromEntries([
	...'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
		.split(' ')
		.map((w, i) => [w, i + 1] as const),
	...'thirty forty fifty sixty seventy eighty ninety'
		.split(' ')
		.map((w, i) => [w, 30 + 10 * i] as const),
	['dozen', 12] as const
]);
const MONTHS = new Set(
	'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
		' '
	)
);
/** Words that are never a unit, though some end in s. */
const NOT_UNITS = new Set(
	'a an the of in on at to for from by with and or but as is was are were be been has have had its this that these those which who whom whose than then there their they them it he she we you i his her our your my per each every all some any no not so such into over under about around since during until between among across always perhaps thus yes us less unless whereas besides towards afterwards sometimes nevertheless plus does do did new old more most other same'.split(
		' '
	)
);
const YEAR_WORDS = new Set(['in', 'since', 'by', 'from', 'during', 'of', 'until', 'till', 'year']);

// ---------------------------------------------------------------------------------------------
// Reading one figure at a token

interface Amount {
	/** Tokens [from, to) that make the figure's amount and unit. */
	from: number;
	to: number;
	value: number;
	unit?: string;
	qualifier?: Figure['qualifier'];
	/** Read from digits or a scale (not "one", "five" alone). */
	strong: boolean;
	/** Looks like a year (a four-digit whole number with nothing else). */
	yearLike: boolean;
}

function matchWords(tokens: Token[], i: number, words: string[]): boolean {
	return words.every((w, k) => tokens[i + k]?.lower === w);
}

/** The number at token i: digits, or number words ("three", "twenty-five", "a" before a scale). */
function numberAt(
	tokens: Token[],
	i: number
): { value: string; to: number; digits: boolean } | undefined {
	const t = tokens[i];
	if (!t) return undefined;
	if (/^\d/.test(t.text)) {
		let s = t.text.replace(/[\u00a0\u202f]/g, ',');
		// "1,000" and "1,000.5" have thousands commas; "2,6" is a decimal comma.
		if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
		else s = s.replace(',', '.');
		return { value: s, to: i + 1, digits: true };
	}
	const n = NUMBER_WORDS[t.lower];
	if (n !== undefined) {
		// "twenty-five", "twenty five"
		const dash = tokens[i + 1];
		const next = dash && dash.text === '-' && touching(t, dash) ? tokens[i + 2] : tokens[i + 1];
		const unit = next ? NUMBER_WORDS[next.lower] : undefined;
		if (n >= 20 && n % 10 === 0 && unit !== undefined && unit < 10)
			return { value: String(n + unit), to: tokens.indexOf(next!) + 1, digits: false };
		return { value: String(n), to: i + 1, digits: false };
	}
	if ((t.lower === 'a' || t.lower === 'an') && tokens[i + 1] && SCALE_WORDS[tokens[i + 1]!.lower])
		return { value: '1', to: i + 1, digits: false };
	return undefined;
}

/** Multiply a decimal string by 10^exp without floating-point error: "4.2" × 10^6 → 4200000. */
const scaled = (value: string, exp: number) => Number(`${value}e${exp}`);

function amountAt(tokens: Token[], i: number): Amount | undefined {
	const from = i;
	let qualifier: Figure['qualifier'];
	for (const [words, q] of QUALIFIERS) {
		if (matchWords(tokens, i, words)) {
			qualifier = q;
			i += words.length;
			break;
		}
	}
	let unit: string | undefined;
	// Currency before the number: "$68", "US$ 5", "EUR 92", "€92m".
	if (tokens[i]?.text === 'US' && tokens[i + 1]?.text === '$' && touching(tokens[i], tokens[i + 1]))
		i++;
	const sym =
		tokens[i] &&
		(SYMBOLS[tokens[i]!.text] ?? (CODES.has(tokens[i]!.text) ? tokens[i]!.text : undefined));
	if (sym) {
		unit = sym;
		i++;
	}
	const num = numberAt(tokens, i);
	if (!num) return undefined;
	const numberToken = tokens[i]!;
	i = num.to;
	let exp = 0;
	let strong = num.digits;
	// A scale attached to the digits ("92m") or written out ("92 million").
	const after = tokens[i];
	if (
		after &&
		num.digits &&
		touching(tokens[i - 1], after) &&
		SCALE_SUFFIXES[after.lower] !== undefined
	) {
		exp = SCALE_SUFFIXES[after.lower]!;
		i++;
	} else if (after && SCALE_WORDS[after.lower] !== undefined) {
		exp = SCALE_WORDS[after.lower]!;
		i++;
		strong = true;
	}
	const value = scaled(num.value, exp);
	// Percent: "43%", "43 percent", "43 per cent", "2.6% of GDP".
	if (
		tokens[i]?.text === '%' ||
		tokens[i]?.lower === 'percent' ||
		matchWords(tokens, i, ['per', 'cent'])
	) {
		i += tokens[i]!.lower === 'per' ? 2 : 1;
		unit = '%';
		strong = true;
		if (tokens[i]?.lower === 'of' && /^(gdp|gnp|gni)$/.test(tokens[i + 1]?.lower ?? '')) {
			unit = `% of ${tokens[i + 1]!.text.toUpperCase()}`;
			i += 2;
		}
	} else if (!unit) {
		// Currency after the number: "43 million dollars", "3,000 euros", "500 MNT".
		const word = tokens[i];
		const cur =
			word && (CURRENCY_WORDS[word.lower] ?? (CODES.has(word.text) ? word.text : undefined));
		if (cur) {
			unit = cur;
			i++;
			strong = true;
		} else {
			const u = unitAt(tokens, i, num.digits);
			if (u) {
				unit = u.unit;
				i = u.to;
				strong = true;
			}
		}
	}
	const yearLike =
		num.digits &&
		exp === 0 &&
		unit === undefined &&
		/^\d{4}$/.test(numberToken.text) &&
		Number(numberToken.text) >= 1000 &&
		Number(numberToken.text) <= 2999;
	return { from, to: i, value, unit, qualifier, strong: strong || !!qualifier, yearLike };
}

/**
 * The unit word after a number: the first plural noun within three words ("1000 Mongolian
 * school students" → "students"), skipping capitalised adjectives; after digits, else the next
 * plain word ("1 hospital").
 */
function unitAt(
	tokens: Token[],
	i: number,
	digits: boolean
): { unit: string; to: number } | undefined {
	for (let k = i; k < i + 3 && k < tokens.length; k++) {
		const t = tokens[k]!;
		if (!/^\p{L}/u.test(t.text) || NOT_UNITS.has(t.lower)) return undefined;
		const plural = /[^su]s$/.test(t.lower) && !/(ous|ss|is)$/.test(t.lower);
		if (plural) return { unit: t.lower, to: k + 1 };
		// A capitalised word that is not plural is a name or an adjective ("Mongolian"): go on.
		if (/^\p{Lu}/u.test(t.text)) continue;
		if (k === i && digits && !tokens[k + 1]?.text.match(/^\p{L}/u))
			return { unit: t.lower, to: k + 1 };
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------
// Years

interface Years {
	from: number;
	to: number;
	year: number;
	yearEnd?: number;
	/** "since 1991": a period that starts then, kept in words. */
	since?: boolean;
	/** "until 2049": when something ends, not when a figure was counted. */
	until?: boolean;
}

/** How many words from its amount a year of the same sentence may be to be the amount's year. */
const YEAR_REACH = 12;

const isYear = (t: Token | undefined) =>
	!!t && /^\d{4}$/.test(t.text) && Number(t.text) >= 1000 && Number(t.text) <= 2999;

/**
 * A year or a span at token i, with the word that introduces it: "2012", "in 2012",
 * "2018–2020", "2018-20", "from 2018 to 2020", "between 2018 and 2020", "since 1991".
 */
function yearsAt(tokens: Token[], i: number): Years | undefined {
	const from = i;
	const lead = tokens[i]?.lower;
	const since = lead === 'since';
	const until = lead === 'until' || lead === 'till';
	if (lead && (YEAR_WORDS.has(lead) || lead === 'between') && isYear(tokens[i + 1])) i++;
	if (!isYear(tokens[i])) return undefined;
	// Not a decade ("1990s") nor a day of a date ("March 27, 2023" is a date, its year is fine).
	if (/^s$/.test(tokens[i + 1]?.text ?? '') && touching(tokens[i], tokens[i + 1])) return undefined;
	const year = Number(tokens[i]!.text);
	const sep = tokens[i + 1];
	const end = tokens[i + 2];
	// "2018–2020", "2018-20", "2018 to 2020", "between 2018 and 2020"; never "2019 to 34%", and
	// "2012 and 2014" is two years.
	const form = /^[–—-]$/.test(sep?.text ?? '') ? /^\d{2}(\d{2})?$/ : /^\d{4}$/;
	if (
		sep &&
		end &&
		(/^[–—-]$|^to$|^until$/.test(sep.lower) || (sep.lower === 'and' && lead === 'between')) &&
		form.test(end.text) &&
		!/^(%|percent|per)$/.test(tokens[i + 3]?.lower ?? '')
	) {
		const yearEnd =
			end.text.length === 2 ? Math.floor(year / 100) * 100 + Number(end.text) : Number(end.text);
		if (yearEnd > year && yearEnd - year < 200) return { from, to: i + 3, year, yearEnd };
	}
	return { from, to: i + 1, year, since, until };
}

// ---------------------------------------------------------------------------------------------
// Display

/**
 * How a figure was read, in full: "92,000,000 EUR · 2018–2020", "about 1,000 students",
 * "2.6% of GDP · 2023".
 */
export function describeFigure(f: ReadFigure): string {
	const q = f.qualifier && f.qualifier !== 'exactly' ? `${f.qualifier} ` : '';
	const n = f.value.toLocaleString('en-US', { maximumFractionDigits: 6 });
	const amount = f.unit?.startsWith('%') ? `${n}${f.unit}` : f.unit ? `${n} ${f.unit}` : n;
	const what = f.what ? ` ${f.what}` : '';
	const years = f.year ? ` · ${f.year}${f.yearEnd ? `–${f.yearEnd}` : ''}` : '';
	return `${q}${amount}${what}${years}`;
}

// ---------------------------------------------------------------------------------------------
// Reading what someone typed

const EXAMPLES = '“92 million”, “€92m”, “2.6% of GDP” or “about 1,000 students in 2012”';

/**
 * A figure from what someone typed in a field. Example:
 * ```ts
 * readFigure('€92m 2018–2020');
 * // { ok: true, figure: { value: 92000000, unit: 'EUR', year: 2018, yearEnd: 2020 },
 * //   display: '92,000,000 EUR · 2018–2020' }
 * readFigure('a lot'); // { ok: false, problem: { code: 'not-a-number', message: … } }
 * ```
 * Words left over after the amount, its unit and its years say what is counted (`what`).
 */
export function readFigure(input: string): FigureResult {
	const text = input.trim();
	if (!text) return refuse('empty', `type a figure, such as ${EXAMPLES}`);
	const tokens = tokenize(text);
	const used = new Set<number>();
	let amount: Amount | undefined;
	for (let i = 0; i < tokens.length; i++) {
		const years = yearsAt(tokens, i);
		// A year introduced by a word ("in 2012") or a span is the figure's year, not its amount.
		if (years && (years.to - years.from > 1 || years.yearEnd)) {
			i = years.to - 1;
			continue;
		}
		const a = amountAt(tokens, i);
		if (!a) continue;
		// A number that looks like a year is the figure's year ("$68 million 2012", "2012").
		if (a.yearLike) continue;
		if (amount) {
			return refuse(
				'several',
				`“${text}” holds more than one figure (${describeFigure(amount)}, ${describeFigure(a)}); type one at a time`
			);
		}
		amount = a;
		for (let k = a.from; k < a.to; k++) used.add(k);
		// "4–5 million": a range of amounts is not one figure.
		const dash = tokens[a.to];
		if (dash && /^[–—-]$/.test(dash.text) && numberAt(tokens, a.to + 1)) {
			return refuse(
				'range',
				`“${text}” is a range of amounts; a figure is one amount: qualify it instead (“up to 5 million”, “at least 4 million”)`
			);
		}
		i = a.to - 1;
	}
	let found: Years | undefined;
	for (let i = 0; i < tokens.length; i++) {
		if (used.has(i)) continue;
		const y = yearsAt(tokens, i);
		if (!y) continue;
		if (found)
			return refuse(
				'years',
				`“${text}” names more than one year; give one year or a span (“2018–2020”)`
			);
		found = y;
		for (let k = y.from; k < y.to; k++) used.add(k);
		i = y.to - 1;
	}
	if (!amount) {
		if (found)
			return refuse(
				'no-amount',
				`“${text}” is ${found.yearEnd ? 'a span of years' : 'a year'}; a figure needs an amount too, such as “$68 million in ${text.replace(/^in\s+/i, '')}”`
			);
		return refuse('not-a-number', `“${text}” is not a number; type a figure, such as ${EXAMPLES}`);
	}
	const figure: ReadFigure = { value: amount.value };
	if (amount.unit) figure.unit = amount.unit;
	// "since 1991" is a period that runs on: it stays in words (in `what`), not as a year.
	if (found && !found.since) {
		figure.year = found.year;
		if (found.yearEnd) figure.yearEnd = found.yearEnd;
	}
	if (amount.qualifier) figure.qualifier = amount.qualifier;
	// What is left says what is counted: "loan" in "$68 million loan in 2012".
	const rest = tokens
		.filter((_, k) => !used.has(k) || (found?.since && k >= found.from && k < found.to))
		.map((t) => t.text)
		.join(' ')
		.replace(/\s+([,.;:)])/g, '$1')
		.replace(/^[\s,.;:()–—-]+|[\s,.;:(–—-]+$/g, '')
		.trim();
	if (rest) figure.what = rest.slice(0, 60).trim();
	return { ok: true, figure, display: describeFigure(figure) };
}

function refuse(code: FigureProblem['code'], message: string): FigureResult {
	return { ok: false, problem: { code, message } };
}

// ---------------------------------------------------------------------------------------------
// Finding figures in a text

/**
 * The figures in a passage (a selection), each with its place in `text`: amounts of money,
 * percentages and counts of things, with a year or span from the same sentence. Years,
 * dates, decades, ordinals and bare numbers without a unit are not figures. Example:
 * `figuresIn('In 2021, Japan donated $8 million.')` → one figure, 8,000,000 USD · 2021.
 */
export function figuresIn(text: string): FoundFigure[] {
	const tokens = tokenize(text);
	const amounts: Amount[] = [];
	const years: Years[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		// Dates: a day or year next to a month's name.
		if (MONTHS.has(tokens[i - 1]?.lower ?? '') && /^\d/.test(t.text)) continue;
		if (/^\d/.test(t.text) && MONTHS.has(tokens[i + 1]?.lower ?? '')) continue;
		// Ordinals ("21st") and decades ("1990s").
		const next = tokens[i + 1];
		if (/^\d/.test(t.text) && touching(t, next) && /^(st|nd|rd|th|s)$/i.test(next!.text)) {
			i++;
			continue;
		}
		const y = yearsAt(tokens, i);
		const a = amountAt(tokens, i);
		if (a && a.strong && !a.yearLike && (a.unit || a.qualifier || a.value >= 1000)) {
			amounts.push(a);
			i = a.to - 1;
		} else if (y) {
			years.push(y);
			i = y.to - 1;
		}
	}
	const sentenceOf = sentenceIds(text, tokens);
	return amounts.map((a) => {
		const figure: ReadFigure = { value: a.value };
		if (a.unit) figure.unit = a.unit;
		// The nearest year of the same sentence, a few words away at most, unless it begins a
		// period ("since 1991") or ends one ("until 2049").
		// A year that opens the sentence ("In 2013, the two sides signed …") dates all of it.
		const s = sentenceOf[a.from];
		const gap = (y: Years) => (y.from > a.from ? y.from - a.to : a.from - y.to);
		const opens = (y: Years) => y.from === 0 || sentenceOf[y.from - 1] !== s;
		const y = years
			.filter(
				(y) =>
					sentenceOf[y.from] === s && !y.since && !y.until && (gap(y) <= YEAR_REACH || opens(y))
			)
			.sort((p, q) => gap(p) - gap(q))[0];
		if (y) {
			figure.year = y.year;
			if (y.yearEnd) figure.yearEnd = y.yearEnd;
		}
		if (a.qualifier) figure.qualifier = a.qualifier;
		const start = tokens[a.from]!.start;
		const end = tokens[a.to - 1]!.end;
		return { start, end, text: text.slice(start, end), figure, display: describeFigure(figure) };
	});
}

/** Each token's sentence number: sentences end at . ! ? followed by a space. */
function sentenceIds(text: string, tokens: Token[]): number[] {
	let sentence = 0;
	return tokens.map((t) => {
		const id = sentence;
		if (/^[.!?]$/.test(t.text) && (t.end === text.length || /\s/.test(text[t.end]!))) sentence++;
		return id;
	});
}
