import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	NO_ARTICLE,
	ARTICLE_PATH,
	articleExists,
	bodyParagraphs
} from '../../../tests/fixtures/article';
import { loadMap } from '../../../tests/fixtures/load';
import { figuresIn } from './figure-scan';
import { describeFigure } from './figures';

/** Each figure found: the words it was read from, and how it was read. */
const shown = (text: string) => figuresIn(text).map((f) => [f.text, f.display]);

describe('figuresIn', () => {
	it('finds the figures of a selection, with a year from the same sentence', () => {
		const text =
			'In 2021, the fund gave $8 million to clinics in 16 districts. Attendance rose by 12% between 2019 and 2022.';
		expect(shown(text)).toEqual([
			['$8 million', '8,000,000 USD · 2021'],
			['16 districts', '16 districts · 2021'],
			['12%', '12% rose · 2019–2022']
		]);
		const [first] = figuresIn(text);
		expect(text.slice(first!.start, first!.end)).toBe('$8 million');
	});

	it('leaves out dates, years, decades, ordinals, numbers in names and bare numbers', () => {
		expect(
			figuresIn(
				'On March 27, 2023, in the 1990s and the 21st century, 3 of them met in 2012 about COVID-19.'
			)
		).toEqual([]);
	});

	it('never offers what the text denies: a denied bound turns, a denied amount goes', () => {
		expect(shown('Class sizes were never more than 70% of the limit.')).toEqual([
			['never more than 70%', 'at most 70%']
		]);
		expect(shown('Turnout has not been less than 40% since 1990.')).toEqual([
			['not been less than 40%', 'at least 40%']
		]);
		expect(shown('Growth did not exceed 1.5% a year.')).toEqual([
			['not exceed 1.5%', 'at most 1.5%']
		]);
		expect(shown('The rate was not 70% but 60%.')).toEqual([['60%', '60%']]);
		expect(shown('It is not about 70%; it is 65%.')).toEqual([['65%', '65%']]);
		expect(shown('Not only 70% of them came.')).toEqual([['70%', '70%']]);
	});

	it('keeps a negative amount negative, and says when an amount fell', () => {
		expect(shown('Output changed by -3.5% in 2020.')).toEqual([['-3.5%', '-3.5% · 2020']]);
		expect(shown('Output changed by −3.5 % in 2020.')).toEqual([['−3.5 %', '-3.5% · 2020']]);
		expect(figuresIn('Exports fell by 2% in 2020.')[0]!.figure).toEqual({
			value: 2,
			unit: '%',
			year: 2020,
			what: 'fell'
		});
		expect(shown('a loss of -$5m')).toEqual([['-$5m', '-5,000,000 USD']]);
		// Dashes between numbers are ranges and spans, not signs.
		expect(shown('Spending of $8 million over 2018-20.')).toEqual([
			['$8 million', '8,000,000 USD · 2018–2020']
		]);
	});

	it('keeps both numbers of a part, a range and a change; never drops one', () => {
		expect(shown('The plan would remove 46 of 310 branches.')).toEqual([
			['46', '46 branches'],
			['310 branches', '310 branches']
		]);
		expect(shown('The plan would remove 46 of 310.')).toEqual([
			['46', '46'],
			['310', '310']
		]);
		expect(shown('It closes 4 of the 11 libraries in 2024.')).toEqual([
			['4', '4 libraries · 2024'],
			['11 libraries', '11 libraries · 2024']
		]);
		expect(shown('Between 4 and 5 million people voted.')).toEqual([
			['4', 'at least 4,000,000 people'],
			['5 million people', 'up to 5,000,000 people']
		]);
		expect(shown('It costs $4–5 million.')).toEqual([
			['$4', 'at least 4,000,000 USD'],
			['5 million', 'up to 5,000,000 USD']
		]);
		expect(shown('Loans rose from 12 to 18 percent.')).toEqual([
			['12', '12%'],
			['18 percent', '18%']
		]);
		expect(shown('It had 1,200 visitors a day in 2023, up from 870 in 2019.')).toEqual([
			['1,200 visitors', '1,200 visitors · 2023'],
			['870', '870 visitors · 2019']
		]);
	});

	it('gives a year only to the figure of its own clause', () => {
		expect(shown('In 2012 the budget was $68 million; by 2020 exports rose 43%.')).toEqual([
			['$68 million', '68,000,000 USD · 2012'],
			['43%', '43% rose · 2020']
		]);
		expect(shown('In 2012 the budget was $68 million, and by 2020 exports rose 43%.')).toEqual([
			['$68 million', '68,000,000 USD · 2012'],
			['43%', '43% rose · 2020']
		]);
		// A year right after a figure is that figure's own.
		expect(shown('Reserves fell from €6.2m in 2019 to €2.5m this year.')).toEqual([
			['€6.2m', '6,200,000 EUR · 2019'],
			['€2.5m', '2,500,000 EUR']
		]);
		// A year that opens the sentence dates the figures of clauses without a year of their own.
		expect(
			shown('In 2013, Japan signed an agreement on a new airport with a loan worth $210 million.')
		).toEqual([['$210 million', '210,000,000 USD · 2013']]);
		// A period's start or end dates nothing.
		expect(shown('The bond of $27 million is repaid until 2049.')).toEqual([
			['$27 million', '27,000,000 USD']
		]);
	});

	it('reads the figures of our own op-ed as its author meant them', () => {
		const text = readFileSync('tests/fixtures/texts/branch-libraries.txt', 'utf8');
		const shown = figuresIn(text).map((f) => f.display);
		expect(shown).toEqual(
			expect.arrayContaining([
				'about 4,200,000 USD',
				'about 1,200 visitors · 2023',
				'870 visitors · 2019',
				'61%',
				'up to 350 pupils',
				'9 points rose · 2018–2022',
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
					if (f.unit !== 'USD' && !f.unit?.startsWith('%')) continue;
					const found = (n.anchors ?? []).flatMap((a) => figuresIn(paragraphs[a.paragraph - 1]!));
					if (
						!found.some(
							(x) =>
								x.figure.value === f.value &&
								(x.figure.unit ?? '').startsWith((f.unit ?? '').slice(0, 1))
						)
					)
						missed.push(`${n.id}: ${describeFigure(f)}`);
				}
			expect(missed).toEqual([]);
		}
	);
	if (!articleExists) it.skip(`the article's figures: ${NO_ARTICLE}`, () => {});
});
