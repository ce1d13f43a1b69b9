import { describe, expect, it } from 'vitest';
import { resolveAnchors } from '../source/anchor';
import { thesisAnchor } from './thesis-passage';

const blocks = [
	{ text: 'Let Teenagers Sleep', skip: true as const },
	{ text: 'Our high schools should start classes at 9 a.m. instead of 7:30. It is overdue.' },
	{ text: 'Teenagers fall asleep late. Scores rose by 4 points after a later bell.' }
];

describe('thesisAnchor', () => {
	it('anchors a typed thesis at the sentence that says it', () => {
		const a = thesisAnchor(blocks, 'High schools should start classes at 9 a.m., not 7:30.');
		expect(a?.paragraph).toBe(1);
		const [r] = resolveAnchors(blocks, [a!]);
		expect(r!.status).toBe('exact');
		expect(a!.quote).toMatch(/^Our high schools should start classes/);
	});

	it('leaves a thesis in the reader’s own words unanchored', () => {
		expect(thesisAnchor(blocks, 'Teen sleep matters more than bus timetables.')).toBeUndefined();
		expect(thesisAnchor(blocks, '')).toBeUndefined();
	});

	it('never anchors in a block marked not part of the argument', () => {
		expect(thesisAnchor(blocks, 'Let teenagers sleep')).toBeUndefined();
	});
});
