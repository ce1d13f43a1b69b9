import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { keepCursor, lineAt, problemLines, suspiciousLoss, withKnownData } from './live-text';
import { parse, print } from '../formats/argdown';
import type { ArgumentMap } from '../model/schema';

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

describe('the plain view: Argdown without Warrant data', () => {
	const maps = ['arguments/japan-mongolia.map.json', 'arguments/japan-mongolia-critique.map.json'];

	it('reads its own plain text back as the same map, every kind, anchor and verdict kept', async () => {
		for (const file of maps) {
			const map = JSON.parse(readFileSync(file, 'utf8')) as ArgumentMap;
			const text = print(map, { data: false });
			expect(text).not.toContain('{warrant: {"kind"');
			const r = await parse(text);
			if (!r.ok) throw new Error(r.problems[0]!.message);
			expect(withKnownData(map, r.map), file).toEqual(map);
		}
	});

	it('applies an edit of a text, a new reason and a removed one, keeping the rest', async () => {
		const map = JSON.parse(readFileSync(maps[0]!, 'utf8')) as ArgumentMap;
		const text = print(map, { data: false })
			.replace(/\[gdp-growth\]: [^\n]*/, '[gdp-growth]: Growth stayed low for thirty years.')
			.replace(/\n\s*\+ \[un-view\]: [^\n]*/, '')
			.replace(
				/(\n\s*)\+ \[mongolia-solidarity\]/,
				'$1+ [new-point]: Mongolia backs Japan at the UN.$1+ [mongolia-solidarity]'
			);
		const r = await parse(text);
		if (!r.ok) throw new Error(r.problems[0]!.message);
		const next = withKnownData(map, r.map);
		const node = (id: string) => next.nodes.find((n) => n.id === id);
		expect(node('gdp-growth')).toMatchObject({
			kind: 'evidence',
			basis: 'statistic',
			text: 'Growth stayed low for thirty years.'
		});
		expect(node('gdp-growth')!.figures).toEqual(
			map.nodes.find((n) => n.id === 'gdp-growth')!.figures
		);
		expect(node('un-view')).toBeUndefined();
		expect(node('new-point')).toMatchObject({
			kind: 'claim',
			text: 'Mongolia backs Japan at the UN.'
		});
		expect(next.links.find((l) => l.from === 'new-point')).toMatchObject({
			to: 'motive-1',
			relation: 'supports'
		});
		expect(next.nodes.filter((n) => n.kind === 'thesis').map((n) => n.id)).toEqual(['thesis']);
		expect(next.source).toEqual(map.source);
	});
});

describe('the plain view of attacks with co-premises and undercuts', () => {
	it('reads them back as the map has them', async () => {
		const map = JSON.parse(readFileSync('tests/fixtures/small.map.json', 'utf8')) as ArgumentMap;
		const thesis = map.nodes.find((n) => n.kind === 'thesis')!;
		const extra: ArgumentMap = {
			...map,
			nodes: [
				...map.nodes,
				{ id: 'obj', kind: 'claim', text: 'It costs too much.', origin: 'reader', author: 'Sam' },
				{
					id: 'obj-too',
					kind: 'claim',
					text: 'And nobody asked.',
					origin: 'reader',
					author: 'Sam'
				},
				{
					id: 'cut',
					kind: 'claim',
					text: 'Cost is beside the point.',
					origin: 'reader',
					author: 'Sam'
				}
			],
			links: [
				...map.links,
				{
					id: 'att',
					from: 'obj',
					to: thesis.id,
					relation: 'attacks',
					with: ['obj-too'],
					origin: 'reader',
					author: 'Sam'
				},
				{ id: 'uc', from: 'cut', to: 'att', relation: 'undercuts', origin: 'reader', author: 'Sam' }
			]
		} as ArgumentMap;
		const r = await parse(print(extra, { data: false }));
		if (!r.ok) throw new Error(r.problems[0]!.message);
		expect(withKnownData(extra, r.map)).toEqual(extra);
	});
});
