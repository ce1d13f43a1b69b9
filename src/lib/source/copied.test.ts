import { describe, expect, it } from 'vitest';
import { copiedWords } from './copied';

describe('copiedWords', () => {
	const passage =
		'In 2013, the two sides signed an agreement on the construction of a new airport.';
	it('counts the words still copied in runs of four or more', () => {
		expect(copiedWords('The two sides signed an agreement on a new airport.', passage)).toEqual({
			copied: 7,
			total: 10,
			longest: 7
		});
	});
	it('finds nothing copied in a paraphrase', () => {
		const r = copiedWords('Both governments agreed in 2013 to build an airport.', passage);
		expect(r.copied).toBe(0);
		expect(r.longest).toBeLessThan(4);
	});
	it('copes with empty text', () => {
		expect(copiedWords('', passage)).toEqual({ copied: 0, total: 0, longest: 0 });
	});
});
