import { describe, expect, it } from 'vitest';
import { MIN_CANVAS, dock, type OpenPanels } from './dock';

const open = (...names: (keyof OpenPanels)[]): OpenPanels => ({
	source: names.includes('source'),
	follows: names.includes('follows'),
	details: names.includes('details')
});
const all = open('source', 'follows', 'details');
const combinations: OpenPanels[] = [
	open(),
	open('source'),
	open('follows'),
	open('details'),
	open('source', 'follows'),
	open('source', 'details'),
	open('follows', 'details'),
	all
];

describe('docking the side panels', () => {
	it('gives the canvas what the panels leave, and the panels their own columns when there is room', () => {
		const d = dock(1440, open('follows', 'details'));
		expect(d).toEqual({ source: 0, follows: 360, details: 360, stacked: false, canvas: 720 });
		expect(dock(1440, open())).toMatchObject({ canvas: 1440, stacked: false });
	});

	it('narrows the panels on a narrow screen', () => {
		expect(dock(1440, open('source')).source).toBe(420);
		expect(dock(1100, open('source')).source).toBe(300);
		expect(dock(1024, open('details')).details).toBe(300);
	});

	it('puts "What follows" and the details in one column before the map gets too narrow', () => {
		expect(dock(1024, all)).toEqual({
			source: 300,
			follows: 0,
			details: 300,
			stacked: true,
			canvas: 424
		});
		expect(dock(1440, all)).toMatchObject({ stacked: true, canvas: 660 });
		// Two panels fit apart at 1440.
		expect(dock(1440, open('source', 'details')).stacked).toBe(false);
	});

	it('leaves a readable canvas at every common size and combination, the panels never overlapping', () => {
		for (const width of [1024, 1280, 1366, 1440, 1920])
			for (const o of combinations) {
				const d = dock(width, o);
				expect(d.canvas, `${width} ${JSON.stringify(o)}`).toBeGreaterThanOrEqual(MIN_CANVAS);
				expect(d.source + d.follows + d.details + d.canvas).toBe(width);
				// Every open panel is shown (in its own column or the shared one).
				if (o.source) expect(d.source).toBeGreaterThan(0);
				if (o.details || o.follows) expect(d.details + d.follows).toBeGreaterThan(0);
			}
	});
});
