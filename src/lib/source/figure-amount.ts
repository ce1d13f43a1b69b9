/**
 * Reading at one token: an amount with its sign, scale, unit and qualifier ("never more than
 * 70%", "−3.5 %", "€92m", "about 1,000 students"), or a year or span of years ("in 2012",
 * "2018–2020"). Both readers of figures — what is typed in a field (figures.ts) and what a
 * selection holds (figure-scan.ts) — build on these.
 */
import type { Figure } from '../model/schema';
import {
	CODES,
	CURRENCY_WORDS,
	DETERMINERS,
	isDigits,
	isNegation,
	matchWords,
	NEGATION_LINKS,
	NOT_DENIAL,
	NOT_UNITS,
	NUMBER_WORDS,
	PLURALS,
	QUALIFIERS,
	SCALE_SUFFIXES,
	SCALE_WORDS,
	SIGNS,
	SYMBOLS,
	touching,
	YEAR_WORDS,
	type Token
} from './figure-words';

export interface Amount {
	/** Tokens [from, to) that make the figure's amount and unit. */
	from: number;
	to: number;
	value: number;
	/** The number as written, in decimal ("4.2"), its sign and the scale applied (6 for "m"). */
	digits: string;
	sign: 1 | -1;
	exp: number;
	unit?: string;
	qualifier?: Figure['qualifier'];
	/** The text denies the amount ("not 70%", "never about 70%"): it is not a figure of it. */
	denied: boolean;
	/** Read from digits or a scale (not "one", "five" alone). */
	strong: boolean;
	/** Looks like a year (a four-digit whole number with nothing else). */
	yearLike: boolean;
}

/** The number at token i: digits, or number words ("three", "twenty-five", "a" before a scale). */
export function numberAt(
	tokens: Token[],
	i: number
): { value: string; to: number; digits: boolean } | undefined {
	const t = tokens[i];
	if (!t) return undefined;
	if (isDigits(t)) {
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
export const scaled = (value: string, exp: number) => Number(`${value}e${exp}`);

const qualifierAt = (tokens: Token[], i: number) =>
	QUALIFIERS.find((q) => matchWords(tokens, i, q.words));

/**
 * A sign at token i that belongs to the number after it: "-3.5%", "−3.5", "-$5m"; not the dash
 * of "2018-20", "COVID-19" or "4 - 5".
 */
function signAt(tokens: Token[], i: number, afterSymbol = false): 1 | -1 | undefined {
	const t = tokens[i];
	const s = t && SIGNS[t.text];
	if (s === undefined) return undefined;
	const next = tokens[i + 1];
	if (!touching(t, next) || !(isDigits(next) || SYMBOLS[next!.text])) return undefined;
	const prev = tokens[i - 1];
	if (!afterSymbol && (touching(prev, t) || isDigits(prev))) return undefined;
	return s as 1 | -1;
}

/**
 * The amount that starts at token i, with the words that qualify or deny it: "never more than
 * 70%" is at most 70%; "not 70%" is denied. Example: `amountAt(tokenize('−3.5 %'), 0)` →
 * value −3.5, unit "%".
 */
export function amountAt(tokens: Token[], i: number): Amount | undefined {
	const from = i;
	// A denial: "not", "never", "wasn't" (with "been", "rise"… between), or "no" before a
	// qualifier ("no more than").
	let negated = false;
	if (isNegation(tokens[i]) || (tokens[i]?.lower === 'no' && qualifierAt(tokens, i + 1))) {
		if (NOT_DENIAL.has(tokens[i + 1]?.lower ?? '')) return undefined;
		negated = true;
		i++;
		for (let k = 0; k < 2 && NEGATION_LINKS.has(tokens[i]?.lower ?? ''); k++) i++;
	}
	const qual = qualifierAt(tokens, i);
	if (qual) i += qual.words.length;
	const qualifier = negated ? qual?.denied : qual?.q;
	let unit: string | undefined;
	let sign = signAt(tokens, i);
	if (sign) i++;
	// Currency before the number: "$68", "US$ 5", "EUR 92", "€92m".
	if (tokens[i]?.text === 'US' && tokens[i + 1]?.text === '$' && touching(tokens[i], tokens[i + 1]))
		i++;
	const sym =
		tokens[i] &&
		(SYMBOLS[tokens[i]!.text] ?? (CODES.has(tokens[i]!.text) ? tokens[i]!.text : undefined));
	if (sym) {
		unit = sym;
		i++;
		// "$-5m", "US$ −5"
		const after = signAt(tokens, i, true);
		if (after) {
			sign ??= after;
			i++;
		}
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
		!sign &&
		exp === 0 &&
		unit === undefined &&
		/^\d{4}$/.test(numberToken.text) &&
		Number(numberToken.text) >= 1000 &&
		Number(numberToken.text) <= 2999;
	const s = sign ?? 1;
	return {
		from,
		to: i,
		value: s * scaled(num.value, exp),
		digits: num.value,
		sign: s,
		exp,
		unit,
		qualifier,
		denied: negated && !qualifier,
		strong: strong || !!qualifier,
		yearLike
	};
}

const isPlural = (t: Token | undefined) =>
	!!t &&
	/^\p{L}/u.test(t.text) &&
	((/[^su]s$/.test(t.lower) && !/(ous|ss|is)$/.test(t.lower)) || PLURALS.has(t.lower));

/**
 * The unit word after a number: the first plural noun within three words ("1000 Mongolian
 * school students" → "students"), skipping capitalised adjectives; a plural after "of" ("2,100
 * of our pupils"); after digits, else the next plain word ("1 hospital").
 */
function unitAt(
	tokens: Token[],
	i: number,
	digits: boolean
): { unit: string; to: number } | undefined {
	if (tokens[i]?.lower === 'of') {
		const k = DETERMINERS.has(tokens[i + 1]?.lower ?? '') ? i + 2 : i + 1;
		return isPlural(tokens[k]) && !NOT_UNITS.has(tokens[k]!.lower)
			? { unit: tokens[k]!.lower, to: k + 1 }
			: undefined;
	}
	for (let k = i; k < i + 3 && k < tokens.length; k++) {
		const t = tokens[k]!;
		if (!/^\p{L}/u.test(t.text) || NOT_UNITS.has(t.lower)) return undefined;
		if (isPlural(t)) return { unit: t.lower, to: k + 1 };
		// A capitalised word that is not plural is a name or an adjective ("Mongolian"): go on.
		if (/^\p{Lu}/u.test(t.text)) continue;
		if (k === i && digits && !tokens[k + 1]?.text.match(/^\p{L}/u))
			return { unit: t.lower, to: k + 1 };
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------
// Years

export interface Years {
	from: number;
	to: number;
	year: number;
	yearEnd?: number;
	/** "since 1991": a period that starts then, kept in words. */
	since?: boolean;
	/** "until 2049": when something ends, not when a figure was counted. */
	until?: boolean;
}

export const isYear = (t: Token | undefined) =>
	!!t && /^\d{4}$/.test(t.text) && Number(t.text) >= 1000 && Number(t.text) <= 2999;

/**
 * A year or a span at token i, with the word that introduces it: "2012", "in 2012",
 * "2018–2020", "2018-20", "from 2018 to 2020", "between 2018 and 2020", "since 1991".
 */
export function yearsAt(tokens: Token[], i: number): Years | undefined {
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
