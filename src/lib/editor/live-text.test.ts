import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { keepCursor, lineAt, problemLines, suspiciousLoss } from './live-text';

describe('the map as text: the cursor and the problems', () => {
	const before = '[Thesis]: Cars out.\n  + [R1]: Air is cleaner.\n  + [R2]: Streets are safer.\n';

	it('keeps a cursor before a change where it was, and moves one after it with the text', () => {
		const after = before.replace('Air is cleaner', 'The air is much cleaner');
		const inR2 = before.indexOf('safer');
		expect(keepCursor(before, after, 3)).toBe(3);
		expect(after.slice(keepCursor(before, after, inR2)).startsWith('safer')).toBe(true);
	});

	it('puts a cursor inside the changed words at their end', () => {
		const after = before.replace('Air is cleaner', 'Noise falls');
		const inside = before.indexOf('is cleaner');
		const at = keepCursor(before, after, inside);
		expect(after.slice(0, at).endsWith('Noise falls')).toBe(true);
	});

	it('handles an append, a deletion and identical texts', () => {
		expect(keepCursor('abc', 'abcdef', 3)).toBe(3);
		expect(keepCursor('abcdef', 'abc', 6)).toBe(3);
		expect(keepCursor('same', 'same', 2)).toBe(2);
	});

	it('says the line of an offset', () => {
		expect(lineAt(before, 0)).toBe(1);
		expect(lineAt(before, before.indexOf('R2'))).toBe(3);
	});

	it('says problems by line, in line order, and how many more there are', () => {
		const p = (line: number | undefined, message: string) => ({
			code: 'syntax' as const,
			path: [],
			message,
			...(line ? { line } : {})
		});
		expect(problemLines([p(7, 'b'), p(2, 'a'), p(undefined, 'c')])).toEqual([
			'Line 2: a',
			'Line 7: b',
			'c'
		]);
		expect(problemLines([p(1, 'a'), p(2, 'b'), p(3, 'c')], 2)).toEqual([
			'Line 1: a',
			'Line 2: b',
			'… and 1 more.'
		]);
	});

	it('holds back a reading that would remove many statements at once', () => {
		const map = JSON.parse(readFileSync('arguments/japan-mongolia.map.json', 'utf8'));
		const few = { ...map, nodes: map.nodes.slice(0, 6) };
		expect(suspiciousLoss(map, few)).toBe(map.nodes.length - 6);
		const oneLess = { ...map, nodes: map.nodes.slice(1) };
		expect(suspiciousLoss(map, oneLess)).toBeUndefined();
	});
});
