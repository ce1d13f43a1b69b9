import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import type { Block } from '../model/schema';
import { attachText } from './attach';
import { coverage, highlightRuns, listNumbers, mapCoverage, placeAnchors } from './coverage';
import { indexText } from './text';

const blocks: Block[] = [
	{ text: 'Menu', skip: true },
	{ text: 'First point. It has two sentences.' },
	{ text: 'Second point.' },
	{ text: 'Third point. Not mapped at all.' }
];
const index = indexText(blocks);
const at = (phrase: string) => {
	const start = index.text.indexOf(phrase);
	return { start, end: start + phrase.length };
};

describe('coverage', () => {
	it('counts the numbered paragraphs and sentences the ranges touch', () => {
		const c = coverage(blocks, [at('two sentences'), at('Second')]);
		expect(c.summary).toBe('2 of 3 paragraphs mapped; paragraph 3 not mapped');
		expect(c).toMatchObject({
			mapped: 2,
			total: 3,
			unmapped: [3],
			sentences: { mapped: 2, total: 5 }
		});
		expect(c.paragraphs.map((p) => [p.paragraph, p.block, p.anchors, p.mapped])).toEqual([
			[1, 1, 1, true],
			[2, 2, 1, true],
			[3, 3, 0, false]
		]);
		expect(c.paragraphs[0]!.sentences.map((s) => s.mapped)).toEqual([false, true]);
		// A range over the menu (not part of the argument) counts for nothing.
		expect(coverage(blocks, [at('Menu')]).summary).toBe('0 of 3 paragraphs mapped');
		expect(coverage(blocks, [{ start: 0, end: index.text.length }]).summary).toBe(
			'3 of 3 paragraphs mapped'
		);
	});

	it('lists paragraph numbers as a reader would write them', () => {
		expect(listNumbers([9])).toBe('9');
		expect(listNumbers([9, 12])).toBe('9 and 12');
		expect(listNumbers([2, 3, 4, 5, 9, 12])).toBe('2–5, 9 and 12');
		expect(listNumbers([1, 2, 7, 8])).toBe('1, 2, 7 and 8');
	});
});

describe('a map against its text', () => {
	const map = loadMap('tests/fixtures/branch-libraries.map.json');
	const attached = attachText(
		map,
		readFileSync('tests/fixtures/texts/branch-libraries.txt', 'utf8')
	);
	if (!attached.ok) throw new Error(attached.problem.message);
	const withText = attached.map;

	it('places every anchor, in text order, and says what is covered', () => {
		const placed = placeAnchors(withText)!;
		expect(placed.total).toBe(14);
		expect(placed.orphans).toEqual([]);
		const starts = placed.highlights.map((h) => h.start);
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		expect(placed.highlights[0]).toMatchObject({ node: 'thesis', kind: 'thesis', status: 'exact' });
		expect(mapCoverage(withText)!.summary).toBe(
			'8 of 13 paragraphs mapped; paragraphs 3, 9–11 and 13 not mapped'
		);
	});

	it('shows the source layer alone "as written", and nothing without a text', () => {
		const critique = structuredClone(withText);
		critique.nodes.push({
			id: 'reader-note',
			kind: 'claim',
			text: 'The parking garage comparison is unfair.',
			origin: 'reader',
			author: 'Ana',
			anchors: [{ paragraph: 9, quote: 'There are cheaper ways to save money' }]
		});
		expect(mapCoverage(critique)!.unmapped).not.toContain(9);
		expect(mapCoverage(critique, { layer: 'written' })!.unmapped).toContain(9);
		expect(placeAnchors(map)).toBeUndefined();
		expect(mapCoverage(map)).toBeUndefined();
	});

	it('cuts each block into runs for drawing overlapping highlights', () => {
		const runs = highlightRuns(blocks, [
			{ ...at('First point. It has'), node: 'a' },
			{ ...at('It has two'), node: 'b' }
		]);
		const text = (r: { start: number; end: number }) => index.text.slice(r.start, r.end);
		expect(runs[1]!.map((r) => [text(r), r.nodes])).toEqual([
			['First point. ', ['a']],
			['It has', ['a', 'b']],
			[' two', ['b']],
			[' sentences.', []]
		]);
		expect(runs[0]).toEqual([{ start: 0, end: 4, nodes: [] }]);
	});
});
