/**
 * The figures in a passage (a selection): amounts of money, percentages and counts of things,
 * each with the year of its own clause. The sentence scanner: it reads amounts with
 * figure-amount.ts, keeps both numbers of "46 of 310" and "4–5 million", leaves out what the
 * text denies ("not 70%"), and gives a year only to the figure it belongs to.
 */
import type { Figure } from '../model/schema';
import { amountAt, scaled, yearsAt, type Amount, type Years } from './figure-amount';
import { describeFigure } from './figure-text';
import {
	CHANGE_WORDS,
	DETERMINERS,
	isDigits,
	MONTHS,
	touching,
	tokenize,
	type Token
} from './figure-words';

/** A figure found in a text: where, the words, and how they were read. */
export interface FoundFigure {
	start: number;
	end: number;
	text: string;
	figure: Figure;
	display: string;
}

/** An amount kept as a figure; figures of one group ("46 of 310 branches") share a year. */
interface Found extends Amount {
	group: number;
}

/** How many words from its amount a year of the same clause may be to be the amount's year. */
const YEAR_REACH = 12;
/** How many words after an amount a year may be to be that amount's own ("$5m in 2019"). */
const YEAR_BOUND = 4;

/**
 * The figures in a passage, each with its place in `text`. Years, dates, decades, ordinals and
 * bare numbers are not figures; a number linked to a figure ("46 of 310 branches", "from 12 to
 * 18%", "up from 870") is. Examples:
 * `figuresIn('In 2021, Japan donated $8 million.')` → one figure, 8,000,000 USD · 2021;
 * `figuresIn('It was never more than 70%.')` → at most 70%.
 */
export function figuresIn(text: string): FoundFigure[] {
	const tokens = tokenize(text);
	const clauses = clauseIds(text, tokens);
	const { found, years } = scan(tokens, clauses);
	const sentences = sentenceIds(text, tokens);
	const yearOf = assignYears(found, years, clauses, sentences);
	return found.map((a) => {
		const figure: Figure = { value: a.value };
		if (a.unit) figure.unit = a.unit;
		const y = yearOf.get(a);
		if (y) {
			figure.year = y.year;
			if (y.yearEnd) figure.yearEnd = y.yearEnd;
		}
		if (a.qualifier) figure.qualifier = a.qualifier;
		const change = changeBefore(tokens, a.from);
		if (change) figure.what = change;
		const start = tokens[a.from]!.start;
		const end = tokens[a.to - 1]!.end;
		return { start, end, text: text.slice(start, end), figure, display: describeFigure(figure) };
	});
}

const isFigure = (a: Amount) =>
	a.strong && !a.yearLike && (!!a.unit || !!a.qualifier || Math.abs(a.value) >= 1000);

/**
 * A day or year next to a month's name, a number in a name ("COVID-19", "G-20"), an ordinal
 * ("21st") or a decade ("1990s"): none is an amount.
 */
function notAmountAt(tokens: Token[], i: number): 'one' | 'two' | undefined {
	const t = tokens[i]!;
	if (!isDigits(t)) return undefined;
	if (MONTHS.has(tokens[i - 1]?.lower ?? '') || MONTHS.has(tokens[i + 1]?.lower ?? ''))
		return 'one';
	const [word, dash] = [tokens[i - 2], tokens[i - 1]];
	if (dash?.text === '-' && touching(word, dash) && touching(dash, t) && /^\p{L}/u.test(word!.text))
		return 'one';
	const next = tokens[i + 1];
	return touching(t, next) && /^(st|nd|rd|th|s)$/i.test(next!.text) ? 'two' : undefined;
}

function scan(tokens: Token[], clauses: number[]): { found: Found[]; years: Years[] } {
	const found: Found[] = [];
	const years: Years[] = [];
	let group = 0;
	for (let i = 0; i < tokens.length; i++) {
		const skip = notAmountAt(tokens, i);
		if (skip) {
			if (skip === 'two') i++;
			continue;
		}
		const a = amountAt(tokens, i);
		// What the text denies is not a figure of it: "not 70%" is skipped whole.
		if (a?.denied) {
			i = a.to - 1;
			continue;
		}
		if (a && !a.yearLike) {
			const pair = pairAt(tokens, a);
			if (pair) {
				const [first, second, shared] = pair;
				found.push({ ...first, group: ++group }, { ...second, group: shared ? group : ++group });
				i = second.to - 1;
				continue;
			}
			const borrowed = isFigure(a) ? a : fromEarlier(tokens, a, found, clauses);
			if (borrowed) {
				found.push({ ...borrowed, group: ++group });
				i = a.to - 1;
				continue;
			}
		}
		const y = yearsAt(tokens, i);
		if (y) {
			years.push(y);
			i = y.to - 1;
		}
	}
	return { found, years };
}

/** `a` with the scale of 10^exp: "4" of "4–5 million" is 4 million. */
const withScale = (a: Amount, exp: number): Amount => ({
	...a,
	exp,
	value: a.sign * scaled(a.digits, exp)
});

/**
 * Two numbers joined into figures: a range ("4–5 million", "between 4 and 5 million", "4 to 5
 * million": at least the one, up to the other), a part ("46 of 310 branches", "46 of the 310")
 * or a change ("from 12 to 18%"). The first takes the unit and scale of the second. Returns
 * both, and whether they share a year (a change's ends do not).
 */
function pairAt(tokens: Token[], a: Amount): [Amount, Amount, boolean] | undefined {
	const c = tokens[a.to]?.lower ?? '';
	const before = tokens[a.from - 1]?.lower;
	const range =
		/^[–—-]$/.test(c) || (c === 'to' && before !== 'from') || (c === 'and' && before === 'between');
	const change = c === 'to' && before === 'from';
	const part = c === 'of';
	if (!range && !change && !part) return undefined;
	const at = part && DETERMINERS.has(tokens[a.to + 1]?.lower ?? '') ? a.to + 2 : a.to + 1;
	const b = amountAt(tokens, at);
	if (!b || b.denied || b.yearLike || !b.strong || b.qualifier) return undefined;
	if (a.unit && b.unit && a.unit !== b.unit) return undefined;
	// A figure on its own ("$8 million to clinics") pairs only to take a scale ("$4–5 million").
	const scale = !part && a.exp === 0 && b.exp > 0 && Math.abs(a.value) < 1000;
	if (isFigure(a) && !(range && scale)) return undefined;
	if (!isFigure(a) && !isFigure(b) && !part) return undefined;
	let first: Amount = { ...(scale ? withScale(a, b.exp) : a), unit: a.unit ?? b.unit };
	let second = b;
	if (range && Math.abs(first.value) > Math.abs(b.value)) return undefined;
	if (range) {
		first = { ...first, qualifier: first.qualifier ?? 'at least' };
		second = { ...b, unit: b.unit ?? a.unit, qualifier: 'up to' };
	}
	return [first, second, !change];
}

/**
 * A bare number after "from" that continues a figure of the same clause: "1,200 visitors a
 * day, up from 870" is 870 visitors.
 */
function fromEarlier(
	tokens: Token[],
	a: Amount,
	found: Found[],
	clauses: number[]
): Amount | undefined {
	if (a.unit || tokens[a.from - 1]?.lower !== 'from' || !isDigits(tokens[a.from])) return undefined;
	const prev = found.at(-1);
	if (!prev?.unit || clauses[prev.from] !== clauses[a.from] || a.from - prev.to > 8)
		return undefined;
	return { ...a, unit: prev.unit, strong: true };
}

/** "fell" of "fell by 2%" and "rose" of "rose 43%": the figure is a change, not a level. */
function changeBefore(tokens: Token[], from: number): string | undefined {
	const k = tokens[from - 1]?.lower === 'by' ? from - 2 : from - 1;
	const w = tokens[k]?.lower;
	return w && CHANGE_WORDS.has(w) ? w : undefined;
}

/**
 * Each figure's year: a year right after it ("$5m in 2019", "12% between 2019 and 2022") is
 * its own and no other's; else the nearest free year of its clause; else a year that opens the
 * sentence ("In 2013, …"), when the clause has no year of its own. A period's start or end
 * ("since 1991", "until 2049") dates no figure.
 */
function assignYears(
	found: Found[],
	years: Years[],
	clauses: number[],
	sentences: number[]
): Map<Found, Years> {
	const dating = years.filter((y) => !y.since && !y.until);
	const boundTo = new Map<Years, number>();
	for (const y of dating) {
		const a = found.filter((f) => f.to <= y.from).at(-1);
		if (a && clauses[a.from] === clauses[y.from] && y.from - a.to <= YEAR_BOUND)
			boundTo.set(y, a.group);
	}
	const gap = (a: Found, y: Years) => (y.from > a.from ? y.from - a.to : a.from - y.to);
	const nearest = (a: Found, ys: Years[]) => ys.sort((p, q) => gap(a, p) - gap(a, q))[0];
	const opens = (y: Years) => y.from === 0 || sentences[y.from - 1] !== sentences[y.from];
	const result = new Map<Found, Years>();
	for (const a of found) {
		const clause = clauses[a.from];
		const own = dating.filter((y) => boundTo.get(y) === a.group);
		const free = dating.filter(
			(y) => !boundTo.has(y) && clauses[y.from] === clause && gap(a, y) <= YEAR_REACH
		);
		const opener = dating.find((y) => opens(y) && sentences[y.from] === sentences[a.from]);
		const ownYear = years.some((y) => y !== opener && clauses[y.from] === clause);
		const y = nearest(a, own) ?? nearest(a, free) ?? (ownYear ? undefined : opener);
		if (y) result.set(a, y);
	}
	return result;
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

/**
 * Each token's clause number: clauses end where sentences do, at ";" and ":", and at a comma
 * before "and", "but", "while", "whereas" or "yet" ("…$68 million, and by 2020 exports rose").
 */
function clauseIds(text: string, tokens: Token[]): number[] {
	const sentences = sentenceIds(text, tokens);
	let clause = 0;
	return tokens.map((t, k) => {
		if (k > 0 && sentences[k] !== sentences[k - 1]) clause++;
		const id = clause;
		if (
			/^[;:]$/.test(t.text) ||
			(t.text === ',' && /^(and|but|while|whereas|yet)$/.test(tokens[k + 1]?.lower ?? ''))
		)
			clause++;
		return id;
	});
}
