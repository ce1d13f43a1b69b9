import { describe, expect, it } from 'vitest';
import { frontMatter, pastedAuthor, pastedTitle } from './front-matter';

const blocks = (...texts: string[]) => texts.map((text) => ({ text }));

describe('frontMatter and pastedTitle', () => {
	it('finds a headline and a byline above the argument, and offers the headline as title', () => {
		const b = blocks(
			'Let Teenagers Sleep',
			'By a worried parent',
			'Our high schools should start classes at 9 a.m. instead of 7:30.'
		);
		expect(frontMatter(b)).toBe(2);
		expect(pastedTitle(b)).toBe('Let Teenagers Sleep');
	});

	it('finds a headline and its byline pasted on consecutive lines, as one block', () => {
		const b = blocks(
			'Give Downtown Back to People\nBy Mara Lind',
			'Our downtown should be closed to private cars.'
		);
		expect(frontMatter(b)).toBe(1);
		expect(pastedTitle(b)).toBe('Give Downtown Back to People');
		expect(pastedAuthor(b)).toBe('Mara Lind');
		// Two lines of argument are a paragraph, not furniture.
		expect(frontMatter(blocks('Cars are loud.\nBuses are not.', 'More.'))).toBe(0);
		expect(frontMatter(blocks('A headline\nA second headline', 'More.'))).toBe(0);
	});

	it('counts a byline alone, but takes no title from it', () => {
		const b = blocks('By Sam Lee, a bus driver', 'Night buses keep the town working.');
		expect(frontMatter(b)).toBe(1);
		expect(pastedTitle(b)).toBeUndefined();
	});

	it('leaves a text that starts with its argument alone', () => {
		const b = blocks('Schools should start later.', 'Teens sleep late', 'Scores rose.');
		expect(frontMatter(b)).toBe(0);
		expect(pastedTitle(b)).toBeUndefined();
		// A long first line is a paragraph, whatever its last character.
		expect(frontMatter(blocks('word '.repeat(20).trim(), 'More.'))).toBe(0);
	});

	it('never marks every block', () => {
		expect(frontMatter(blocks('Just a headline'))).toBe(0);
		expect(frontMatter(blocks('Headline', 'By me'))).toBe(1);
		expect(frontMatter([])).toBe(0);
	});

	it('takes the author from the byline, without what follows the name', () => {
		expect(
			pastedAuthor(blocks('Tools to Lend', 'By Marta Kowalczyk', 'Libraries should lend tools.'))
		).toBe('Marta Kowalczyk');
		expect(
			pastedAuthor(blocks('Bikes', 'By Dana Whitcombe, who rides to work', 'Build lanes.'))
		).toBe('Dana Whitcombe');
		expect(pastedAuthor(blocks('Schools should start later.', 'More.'))).toBeUndefined();
	});
});
