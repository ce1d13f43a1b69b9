/**
 * A figure as people type it in a field ("$68 million", "€92m", "2.6% of GDP", "about 1,000",
 * "-3.5%", "92 million 2018–2020"), read into the model's Figure shape with a display of how it
 * was read ("92,000,000 · 2018–2020"), so a form can show the reading before keeping it — or
 * say, in plain words, why what was typed is not one figure. Figures in a selection are
 * found by figure-scan.ts.
 */
import type { Figure } from '../model/schema';
import { amountAt, numberAt, yearsAt, type Amount, type Years } from './figure-amount';
import { describeFigure } from './figure-text';
import { looksLikeWord, tokenize, type Token } from './figure-words';

export { describeFigure } from './figure-text';

/** Why a typed figure cannot be read. */
export interface FigureProblem {
	code:
		| 'empty'
		| 'not-a-number'
		| 'no-amount'
		| 'several'
		| 'range'
		| 'years'
		| 'denied'
		| 'not-words'
		| 'too-long';
	message: string;
}

export type FigureResult =
	| {
			ok: true;
			figure: Figure;
			/** How it was read: "92,000,000 EUR · 2018–2020". */
			display: string;
	  }
	| { ok: false; problem: FigureProblem };

const EXAMPLES = '“92 million”, “€92m”, “2.6% of GDP” or “about 1,000 students in 2012”';

/** Marks that may stand between the words of a figure; any other is not part of one. */
const PUNCTUATION = /^[,.;:()'"‘’“”/&–—·-]$/;
/** Words that join what is counted to the amount after it: "fell by 2%", "a loan of $5m". */
const JOINING = /\s+(by|of|at|to|was|were|is|are|be|been|has|have|had)$/i;
const WHAT_MAX = 60;

const quoteList = (words: string[]) =>
	words.map((w) => `“${w}”`).join(words.length === 2 ? ' and ' : ', ');

/**
 * A figure from what someone typed in a field. Example:
 * ```ts
 * readFigure('€92m 2018–2020');
 * // { ok: true, figure: { value: 92000000, unit: 'EUR', year: 2018, yearEnd: 2020 },
 * //   display: '92,000,000 EUR · 2018–2020' }
 * readFigure('asdf 12 qwer'); // { ok: false, problem: { code: 'not-words', message: … } }
 * ```
 * Words left over after the amount, its unit and its years say what is counted (`what`);
 * a number alone is a count with no unit.
 */
export function readFigure(input: string): FigureResult {
	const text = input.trim();
	if (!text) return refuse('empty', `type a figure, such as ${EXAMPLES}`);
	const tokens = tokenize(text);
	const found = amountIn(text, tokens);
	if ('code' in found) return { ok: false, problem: found };
	const { amount, used } = found;
	const years = yearsIn(text, tokens, used);
	if ('code' in years) return { ok: false, problem: years };
	if (!amount) {
		if (years.found)
			return refuse(
				'no-amount',
				`“${text}” is ${years.found.yearEnd ? 'a span of years' : 'a year'}; a figure needs an amount too, such as “$68 million in ${text.replace(/^in\s+/i, '')}”`
			);
		return refuse('not-a-number', `“${text}” is not a number; type a figure, such as ${EXAMPLES}`);
	}
	if (amount.denied)
		return refuse(
			'denied',
			`“${text}” says what the figure is not; type what it is, or how far it goes (“at most ${describeFigure(figureOf(amount))}”)`
		);
	const figure = figureOf(amount);
	// "since 1991" is a period that runs on: it stays in words (in `what`), not as a year.
	const y = years.found;
	if (y && !y.since) {
		figure.year = y.year;
		if (y.yearEnd) figure.yearEnd = y.yearEnd;
	}
	const keep = (k: number) => !used.has(k) || (!!y?.since && k >= y.from && k < y.to);
	// Words that are not words ("asdf", "qwer"), as the unit or left over, and stray marks.
	const strange = tokens.filter((t, k) =>
		/^\p{L}/u.test(t.text)
			? (keep(k) || (k >= amount.from && k < amount.to && t.lower === figure.unit)) &&
				!looksLikeWord(t.text)
			: keep(k) && !/^\d/.test(t.text) && !PUNCTUATION.test(t.text)
	);
	if (strange.length)
		return refuse(
			'not-words',
			`“${text}”: ${quoteList(strange.map((t) => t.text))} ${strange.length > 1 ? 'are' : 'is'} not part of a figure; type a number with its unit, such as ${EXAMPLES}`
		);
	const what = [
		words(text, tokens, (k) => keep(k) && k < amount.from).replace(JOINING, ''),
		words(text, tokens, (k) => keep(k) && k >= amount.to)
	]
		.filter(Boolean)
		.join(' ');
	if (what.length > WHAT_MAX)
		return refuse(
			'too-long',
			`“${what}” is too long to say what is counted (at most ${WHAT_MAX} characters); put the rest in the statement`
		);
	if (what) figure.what = what;
	return { ok: true, figure, display: describeFigure(figure) };
}

function figureOf(a: Amount): Figure {
	const figure: Figure = { value: a.value };
	if (a.unit) figure.unit = a.unit;
	if (a.qualifier) figure.qualifier = a.qualifier;
	return figure;
}

/** The one amount typed, and the tokens it (and any separator "·") takes. */
function amountIn(
	text: string,
	tokens: Token[]
): FigureProblem | { amount?: Amount; used: Set<number> } {
	const used = new Set<number>(tokens.flatMap((t, k) => (t.text === '·' ? [k] : [])));
	let amount: Amount | undefined;
	for (let i = 0; i < tokens.length; i++) {
		const years = yearsAt(tokens, i);
		// A year introduced by a word ("in 2012") or a span is the figure's year, not its amount.
		if (years && (years.to - years.from > 1 || years.yearEnd)) {
			i = years.to - 1;
			continue;
		}
		const a = amountAt(tokens, i);
		// A number that looks like a year is the figure's year ("$68 million 2012", "2012").
		if (!a || a.yearLike) continue;
		if (amount)
			return problem(
				'several',
				`“${text}” holds more than one figure (${describeFigure(figureOf(amount))}, ${describeFigure(figureOf(a))}); type one at a time`
			);
		amount = a;
		for (let k = a.from; k < a.to; k++) used.add(k);
		// "4–5 million": a range of amounts is not one figure.
		const dash = tokens[a.to];
		if (dash && /^[–—-]$/.test(dash.text) && numberAt(tokens, a.to + 1))
			return problem(
				'range',
				`“${text}” is a range of amounts; a figure is one amount: qualify it instead (“up to 5 million”, “at least 4 million”)`
			);
		i = a.to - 1;
	}
	return { amount, used };
}

/** The one year or span typed, if any; it takes its tokens. */
function yearsIn(
	text: string,
	tokens: Token[],
	used: Set<number>
): FigureProblem | { found?: Years } {
	let found: Years | undefined;
	for (let i = 0; i < tokens.length; i++) {
		if (used.has(i)) continue;
		const y = yearsAt(tokens, i);
		if (!y) continue;
		if (found)
			return problem(
				'years',
				`“${text}” names more than one year; give one year or a span (“2018–2020”)`
			);
		found = y;
		for (let k = y.from; k < y.to; k++) used.add(k);
		i = y.to - 1;
	}
	return { found };
}

/** The words of the tokens kept, as typed, without punctuation at either end. */
function words(text: string, tokens: Token[], keep: (k: number) => boolean): string {
	const runs: string[] = [];
	let start: number | undefined;
	tokens.forEach((t, k) => {
		if (keep(k)) start ??= t.start;
		if (start !== undefined && (!keep(k + 1) || k === tokens.length - 1)) {
			runs.push(text.slice(start, t.end));
			start = undefined;
		}
	});
	return runs
		.join(' ')
		.replace(/^[\s,.;:()·–—-]+|[\s,.;:(·–—-]+$/g, '')
		.trim();
}

const problem = (code: FigureProblem['code'], message: string): FigureProblem => ({
	code,
	message
});

const refuse = (code: FigureProblem['code'], message: string): FigureResult => ({
	ok: false,
	problem: problem(code, message)
});
