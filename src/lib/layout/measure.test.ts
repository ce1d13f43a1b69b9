import { describe, expect, it } from 'vitest';
import { breakLines, textWidth } from './measure';

const style = { size: 13, weight: 400 as const };

describe('measure', () => {
	it('measures with the shipped font: wider glyphs, wider text; bold wider than regular', () => {
		expect(textWidth('WWW', style)).toBeGreaterThan(textWidth('iii', style));
		expect(textWidth('Mongolia', { size: 13, weight: 600 })).toBeGreaterThan(
			textWidth('Mongolia', style)
		);
		expect(textWidth('ab', { size: 26, weight: 400 })).toBeCloseTo(2 * textWidth('ab', style));
		expect(textWidth('', style)).toBe(0);
	});

	it('breaks at spaces, fills lines greedily and keeps every word', () => {
		const text = 'Japan donated eight million dollars to fight the coronavirus in the year 2021';
		const lines = breakLines(text, 120, style);
		expect(lines.length).toBeGreaterThan(2);
		expect(lines.join(' ')).toBe(text);
		for (const [i, l] of lines.entries()) {
			expect(textWidth(l, style)).toBeLessThanOrEqual(120);
			// Greedy: the next word would not have fitted.
			const next = lines[i + 1]?.split(' ')[0];
			if (next) expect(textWidth(`${l} ${next}`, style)).toBeGreaterThan(120);
		}
	});

	it('cuts a word longer than the line', () => {
		const lines = breakLines('x'.repeat(200), 100, style);
		expect(lines.join('')).toBe('x'.repeat(200));
		for (const l of lines) expect(textWidth(l, style)).toBeLessThanOrEqual(100);
	});

	it('assumes a wide glyph for characters the font lacks, so nothing overflows', () => {
		expect(textWidth('漢', style)).toBeGreaterThanOrEqual(textWidth('m', style));
	});

	it('gives the same lines for a text again, from its cache, and a change of width or font breaks anew', () => {
		const text = 'A statement measured once and then again in the next layout of the map';
		const first = breakLines(text, 120, style);
		first.push('a caller may change its copy');
		const again = breakLines(text, 120, style);
		expect(again).toEqual(first.slice(0, -1));
		expect(breakLines(text, 240, style).length).toBeLessThan(again.length);
		expect(breakLines(text, 120, { size: 15, weight: 600 }).length).toBeGreaterThanOrEqual(
			again.length
		);
	});
});
