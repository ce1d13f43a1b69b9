import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { figureSchema, type Figure } from '../model/schema';
import { looksLikeWord } from './figure-words';
import { describeFigure, readFigure } from './figures';

const read = (s: string) => {
	const r = readFigure(s);
	if (!r.ok) throw new Error(r.problem.message);
	return r;
};
const problem = (s: string) => {
	const r = readFigure(s);
	if (r.ok) throw new Error(`read ${s} as ${r.display}`);
	return r.problem;
};

describe('readFigure', () => {
	it('reads what people type, and shows how it was read', () => {
		const cases: [string, Figure, string][] = [
			['$68 million', { value: 68_000_000, unit: 'USD' }, '68,000,000 USD'],
			['92 million', { value: 92_000_000 }, '92,000,000'],
			['€92m', { value: 92_000_000, unit: 'EUR' }, '92,000,000 EUR'],
			['2.6% of GDP', { value: 2.6, unit: '% of GDP' }, '2.6% of GDP'],
			['43%', { value: 43, unit: '%' }, '43%'],
			['about 1,000', { value: 1000, qualifier: 'about' }, 'about 1,000'],
			[
				'up to 5,000 students',
				{ value: 5000, unit: 'students', qualifier: 'up to' },
				'up to 5,000 students'
			],
			[
				'€92m 2018–2020',
				{ value: 92_000_000, unit: 'EUR', year: 2018, yearEnd: 2020 },
				'92,000,000 EUR · 2018–2020'
			],
			[
				'92 million 2018–2020',
				{ value: 92_000_000, year: 2018, yearEnd: 2020 },
				'92,000,000 · 2018–2020'
			],
			[
				'$68 million loan in 2012',
				{ value: 68_000_000, unit: 'USD', year: 2012, what: 'loan' },
				'68,000,000 USD loan · 2012'
			],
			['three billion dollars', { value: 3e9, unit: 'USD' }, '3,000,000,000 USD'],
			['US$ 1.2bn', { value: 1.2e9, unit: 'USD' }, '1,200,000,000 USD'],
			['more than 30 per cent', { value: 30, unit: '%', qualifier: 'more than' }, 'more than 30%'],
			['twenty-five pupils', { value: 25, unit: 'pupils' }, '25 pupils'],
			[
				'between 2018 and 2020 about £40k',
				{ value: 40_000, unit: 'GBP', year: 2018, yearEnd: 2020, qualifier: 'about' },
				'about 40,000 GBP · 2018–2020'
			],
			[
				'2018-20 €5k',
				{ value: 5000, unit: 'EUR', year: 2018, yearEnd: 2020 },
				'5,000 EUR · 2018–2020'
			]
		];
		for (const [typed, figure, display] of cases) {
			expect(read(typed), typed).toEqual({ ok: true, figure, display });
		}
	});

	it('keeps a figure negative: "-3.5%", "−3.5 %" with the minus sign, "-$5m"', () => {
		expect(read('-3.5%').figure).toEqual({ value: -3.5, unit: '%' });
		expect(read('−3.5 %')).toEqual({
			ok: true,
			figure: { value: -3.5, unit: '%' },
			display: '-3.5%'
		});
		expect(read('-$5m').figure).toEqual({ value: -5e6, unit: 'USD' });
		expect(read('$-5m').figure).toEqual({ value: -5e6, unit: 'USD' });
		// A fall is said in words, and stays a positive amount that fell.
		expect(read('fell by 2%').figure).toEqual({ value: 2, unit: '%', what: 'fell' });
		// A dash between years is a span, not a sign.
		expect(read('-3% 2018-20').figure).toEqual({ value: -3, unit: '%', year: 2018, yearEnd: 2020 });
	});

	it('never claims what the words deny: "never more than 70%" is at most 70%', () => {
		expect(read('never more than 70%').figure).toEqual({
			value: 70,
			unit: '%',
			qualifier: 'at most'
		});
		expect(read('not less than 5,000 students').figure).toEqual({
			value: 5000,
			unit: 'students',
			qualifier: 'at least'
		});
		expect(read('no more than 70%').figure.qualifier).toBe('at most');
		expect(read('did not exceed 1.5%').figure.qualifier).toBe('at most');
		expect(read('has never been above $5m').figure).toEqual({
			value: 5e6,
			unit: 'USD',
			qualifier: 'at most',
			what: 'has'
		});
		// A denial with no bound to keep is no figure at all.
		expect(problem('not 70%')).toEqual({
			code: 'denied',
			message:
				'“not 70%” says what the figure is not; type what it is, or how far it goes (“at most 70%”)'
		});
		expect(problem('never about 70%').code).toBe('denied');
		// "not only" stresses the amount; it does not deny it.
		expect(read('not only 70%').figure).toEqual({ value: 70, unit: '%', what: 'not only' });
	});

	it('keeps "since 1991" in words: a period that runs on is not a year', () => {
		expect(read('total aid since 1991: about $3 billion').figure).toEqual({
			value: 3e9,
			unit: 'USD',
			qualifier: 'about',
			what: 'total aid since 1991'
		});
	});

	it('gives what the model keeps, with or without a unit', () => {
		for (const typed of [
			'$68 million in 2012',
			'2.6% of GDP',
			'up to 5,000 students',
			'92 million',
			'about 1,000',
			'-3.5%'
		])
			expect(figureSchema.safeParse(read(typed).figure).success, typed).toBe(true);
	});

	it('refuses what is not one figure, in plain words', () => {
		expect(problem('a lot')).toEqual({
			code: 'not-a-number',
			message:
				'“a lot” is not a number; type a figure, such as “92 million”, “€92m”, “2.6% of GDP” or “about 1,000 students in 2012”'
		});
		expect(problem('   ').code).toBe('empty');
		expect(problem('in 2012')).toEqual({
			code: 'no-amount',
			message: '“in 2012” is a year; a figure needs an amount too, such as “$68 million in 2012”'
		});
		expect(problem('2018–2020').message).toMatch(/^“2018–2020” is a span of years;/);
		expect(problem('4–5 million').code).toBe('range');
		expect(problem('12 apples and 13 pears').message).toBe(
			'“12 apples and 13 pears” holds more than one figure (12 apples, 13 pears); type one at a time'
		);
		expect(problem('$5 in 2012 and 2014').code).toBe('years');
		expect(problem('46 of 310').code).toBe('several');
	});

	it('refuses keyboard noise and stray marks around a number, naming them', () => {
		expect(problem('asdf 12 qwer')).toEqual({
			code: 'not-words',
			message:
				'“asdf 12 qwer”: “asdf” and “qwer” are not part of a figure; type a number with its unit, such as “92 million”, “€92m”, “2.6% of GDP” or “about 1,000 students in 2012”'
		});
		expect(problem('12 qwer').message).toMatch(/^“12 qwer”: “qwer” is not part of a figure;/);
		expect(problem('zzz 5').code).toBe('not-words');
		expect(problem('5 @#').message).toMatch(/^“5 @#”: “@” and “#” are not part of a figure;/);
		// Real words, units and abbreviations pass.
		expect(read('5 kg').figure).toEqual({ value: 5, unit: 'kg' });
		expect(read('16 aimags with renovated medical facilities').figure.what).toBe(
			'with renovated medical facilities'
		);
	});

	it('refuses a description longer than the map keeps, rather than cutting it', () => {
		const long = `12 students ${'who came to the library every single afternoon '.repeat(2)}`;
		expect(problem(long).code).toBe('too-long');
	});
});

describe('looksLikeWord', () => {
	it('takes words, units and names; not runs of keys, letters thrice or no vowel', () => {
		for (const w of ['students', 'GDP', 'kg', 'km²', 'Ulaanbaatar', 'aimags', 'property', 'rhythm'])
			expect(looksLikeWord(w), w).toBe(true);
		for (const w of ['asdf', 'QWER', 'zxcv', 'hjkl', 'fdsa', 'sdfg', 'xkcd', 'aaaa', 'brrr', 'ZZZ'])
			expect(looksLikeWord(w), w).toBe(false);
	});
});

describe('describeFigure', () => {
	it('says the qualifier, the amount exactly, what is counted and the years', () => {
		expect(describeFigure({ value: 1.5, unit: '%', qualifier: 'at most' })).toBe('at most 1.5%');
		expect(describeFigure({ value: 68e6, unit: 'USD', year: 2012, qualifier: 'exactly' })).toBe(
			'exactly 68,000,000 USD · 2012'
		);
		expect(describeFigure({ value: 68_456_789.25 })).toBe('68,456,789.25');
		expect(describeFigure({ value: -3.5, unit: '%' })).toBe('-3.5%');
	});

	it('reads back as the same figure: what a figure field shows is what it stores', () => {
		const figures = [
			'tests/fixtures/branch-libraries.map.json',
			'arguments/japan-mongolia.map.json',
			'arguments/japan-mongolia-critique.map.json'
		].flatMap((f) => loadMap(f).nodes.flatMap((n) => n.figures ?? []));
		const more: Figure[] = [
			{ value: 92e6, year: 2018, yearEnd: 2020 },
			{ value: -3.5, unit: '%', qualifier: 'exactly' },
			{ value: 0.25, unit: 'EUR', what: 'per ticket' },
			{ value: 2, unit: '%', what: 'fell' }
		];
		expect(figures.length).toBeGreaterThan(20);
		for (const f of [...figures, ...more]) {
			const shown = describeFigure(f);
			expect(read(shown).figure, shown).toEqual(f);
		}
	});
});
