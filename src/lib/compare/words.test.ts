import { describe, expect, it } from 'vitest';
import { contentStems, numbersIn, stem } from './words';

describe('contentStems', () => {
	it('drops function words and stems the rest', () => {
		expect(contentStems('The councils should protect the lanes')).toEqual([
			'council',
			'protect',
			'lane'
		]);
	});

	it('folds listed synonyms to one stem', () => {
		expect(stem('cyclists')).toBe(stem('bike'));
		expect(stem('pupils')).toBe(stem('children'));
		expect(stem('table')).not.toBe(stem('bike'));
	});

	it('splits hyphenated words', () => {
		expect(contentStems('four-day week')).toEqual(['four', 'dai', 'week']);
	});
});

describe('numbersIn', () => {
	it('reads digits with thousands separators and decimals, and number words', () => {
		expect(
			[...numbersIn('1,500 euros, 2.10 a lunch, three years, 18% in 2019')].sort((a, b) => a - b)
		).toEqual([2.1, 3, 18, 1500, 2019]);
	});

	it('applies a scale word', () => {
		expect([...numbersIn('four million euros')]).toEqual([4_000_000]);
	});
});
