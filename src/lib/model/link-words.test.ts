import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { cycleLink, describeLink, linksAt } from './link-words';
import { indexMap } from './queries';

const index = indexMap(loadMap('tests/fixtures/small.map.json'));
const link = (id: string) => index.link.get(id)!;

describe('link words', () => {
	it('lists a statement’s own steps first, then the links into it', () => {
		expect(linksAt(index, 'c1').map((l) => l.id)).toEqual(['l1', 'l2']);
		expect(linksAt(index, 'e1').map((l) => l.id)).toEqual(['l2']);
		expect(linksAt(index, 'o1').map((l) => l.id)).toEqual(['l3']);
	});

	it('cycles round, both ways, starting at the first (or the last going back)', () => {
		const ids = ['a', 'b', 'c'];
		expect(cycleLink(ids, undefined)).toBe('a');
		expect(cycleLink(ids, undefined, true)).toBe('c');
		expect(cycleLink(ids, 'c')).toBe('a');
		expect(cycleLink(ids, 'a', true)).toBe('c');
		expect(cycleLink(ids, 'elsewhere')).toBe('a');
		expect(cycleLink([], 'a')).toBeUndefined();
	});

	it('names a link in a sentence, with whose it is', () => {
		expect(describeLink(index, link('l1'))).toBe('Reason 1 supports the thesis (stated)');
		expect(describeLink(index, { ...link('l1'), inText: 'inferred' })).toBe(
			'Reason 1 supports the thesis (inferred)'
		);
		expect(describeLink(index, link('l3'))).toBe(
			'An objection. undercuts the step from Some evidence. to Reason 1 (reader: Ana)'
		);
	});
});
