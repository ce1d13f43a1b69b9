import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	NO_ARTICLE,
	ARTICLE_PATH,
	articleExists,
	bodyParagraphs
} from '../../../tests/fixtures/article';
import { loadMap } from '../../../tests/fixtures/load';
import { figureSchema } from '../model/schema';
import { describeFigure, figuresIn, readFigure, type ReadFigure } from './figures';

const read = (s: string) => {
	const r = readFigure(s);
	if (!r.ok) throw new Error(r.problem.message);
	return r;
};

describe('readFigure', () => {
	it('reads what people type, and shows how it was read', () => {
		const cases: [string, ReadFigure, string][] = [
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

	it('keeps "since 1991" in words: a period that runs on is not a year', () => {
		expect(read('total aid since 1991: about $3 billion').figure).toEqual({
			value: 3e9,
			unit: 'USD',
			qualifier: 'about',
			what: 'total aid since 1991'
		});
	});

	it('gives what the model keeps, once it has a unit', () => {
		for (const typed of ['$68 million in 2012', '2.6% of GDP', 'up to 5,000 students'])
			expect(figureSchema.safeParse(read(typed).figure).success, typed).toBe(true);
	});

	it('refuses what is not one figure, in plain words', () => {
		const problem = (s: string) => {
			const r = readFigure(s);
			if (r.ok) throw new Error(`read ${s} as ${r.display}`);
			return r.problem;
		};
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
	});
});

describe('describeFigure', () => {
	it('says the qualifier, the amount with its unit, what is counted and the years', () => {
		expect(describeFigure({ value: 1.5, unit: '%', qualifier: 'at most' })).toBe('at most 1.5%');
		expect(describeFigure({ value: 68e6, unit: 'USD', year: 2012, qualifier: 'exactly' })).toBe(
			'68,000,000 USD · 2012'
		);
	});
});

describe('figuresIn', () => {
	it('finds the figures of a selection, with a year from the same sentence', () => {
		const text =
			'In 2021, the fund gave $8 million to clinics in 16 districts. Attendance rose by 12% between 2019 and 2022.';
		expect(figuresIn(text).map((f) => [f.text, f.display])).toEqual([
			['$8 million', '8,000,000 USD · 2021'],
			['16 districts', '16 districts · 2021'],
			['12%', '12% · 2019–2022']
		]);
		const [first] = figuresIn(text);
		expect(text.slice(first!.start, first!.end)).toBe('$8 million');
	});

	it('leaves out dates, years, decades, ordinals and bare numbers', () => {
		expect(
			figuresIn('On March 27, 2023, in the 1990s and the 21st century, 3 of them met in 2012.')
		).toEqual([]);
	});

	it('reads the figures of our own op-ed as its author meant them', () => {
		const text = readFileSync('tests/fixtures/texts/branch-libraries.txt', 'utf8');
		const shown = figuresIn(text).map((f) => f.display);
		expect(shown).toEqual(
			expect.arrayContaining([
				'about 4,200,000 USD',
				'about 1,200 visitors · 2023',
				'61%',
				'up to 350 pupils',
				'9 points · 2018–2022',
				'18% · 2019',
				'34% · 2023',
				'27,000,000 USD'
			])
		);
	});

	it.skipIf(!articleExists)(
		'finds every money and percentage figure of the article map in its paragraphs',
		() => {
			const paragraphs = bodyParagraphs(readFileSync(ARTICLE_PATH, 'utf8'));
			const map = loadMap('arguments/japan-mongolia.map.json');
			const missed: string[] = [];
			for (const n of map.nodes)
				for (const f of n.figures ?? []) {
					if (f.unit !== 'USD' && !f.unit.startsWith('%')) continue;
					const found = (n.anchors ?? []).flatMap((a) => figuresIn(paragraphs[a.paragraph - 1]!));
					if (
						!found.some(
							(x) =>
								x.figure.value === f.value && (x.figure.unit ?? '').startsWith(f.unit.slice(0, 1))
						)
					)
						missed.push(`${n.id}: ${describeFigure(f)}`);
				}
			expect(missed).toEqual([]);
		}
	);
	if (!articleExists) it.skip(`the article's figures: ${NO_ARTICLE}`, () => {});
});
