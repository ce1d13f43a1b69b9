import { describe, expect, it } from 'vitest';
import { LayoutMemo } from './memo';
import { layoutMap } from './run';
import { measureBox } from './box';
import { parseMap } from '../model/parse';
import { readFileSync } from 'node:fs';
import type { ElkResult } from './from-elk';

const answer = (x: number): ElkResult => ({
	width: 100,
	height: 50,
	children: [{ id: 'a', x, y: 0, width: 10, height: 10 }],
	edges: [
		{
			id: 'e',
			sections: [
				{ startPoint: { x: 0, y: 0 }, endPoint: { x, y: 5 }, bendPoints: [{ x: 1, y: 2 }] }
			]
		}
	]
});

describe('the memo of ELK answers', () => {
	it('gives back what it kept, without what ELK wrote into the input graph', () => {
		const memo = new LayoutMemo();
		const r = { ...answer(3), id: 'root', layoutOptions: { a: 'b' } } as ElkResult;
		memo.set('k', r);
		expect(memo.get('k')).toEqual(answer(3));
		expect(memo.get('other')).toBeUndefined();
	});

	it('drops the least recently used beyond its entries', () => {
		const memo = new LayoutMemo(2);
		memo.set('a', answer(1));
		memo.set('b', answer(2));
		memo.get('a');
		memo.set('c', answer(3));
		expect(memo.get('b')).toBeUndefined();
		expect(memo.get('a')?.children?.[0]?.x).toBe(1);
		expect(memo.get('c')?.children?.[0]?.x).toBe(3);
		expect(memo.size).toBe(2);
	});

	it('drops the oldest beyond its characters, and never keeps a key longer than them', () => {
		const memo = new LayoutMemo(10, 10);
		memo.set('aaaa', answer(1));
		memo.set('bbbb', answer(2));
		memo.set('cccc', answer(3));
		expect(memo.get('aaaa')).toBeUndefined();
		expect(memo.size).toBe(2);
		memo.set('x'.repeat(11), answer(4));
		expect(memo.get('x'.repeat(11))).toBeUndefined();
		expect(memo.size).toBe(2);
	});
});

const text = readFileSync('arguments/japan-mongolia.map.json', 'utf8');
const parsed = parseMap(text);
if (!parsed.ok) throw new Error('the article map does not parse');
const map = parsed.map;

describe('laying out the same graph again', () => {
	it('gives the same layout from the memo as from ELK', async () => {
		process.env.WARRANT_LAYOUT_MEMO = 'off';
		const fresh = await layoutMap(map);
		delete process.env.WARRANT_LAYOUT_MEMO;
		await layoutMap(map);
		// A new value of the same map (a new file revision): the memo answers.
		const again = parseMap(text + ' ');
		if (!again.ok) throw new Error('no parse');
		expect(await layoutMap(again.map)).toEqual(fresh);
	});

	it('lays a changed graph out anew', async () => {
		const first = await layoutMap(map);
		const longer = {
			...map,
			nodes: map.nodes.map((n) =>
				n.kind === 'thesis' ? { ...n, text: `${n.text} ${'And much more besides. '.repeat(6)}` } : n
			)
		};
		const second = await layoutMap(longer);
		const thesis = map.nodes.find((n) => n.kind === 'thesis')!.id;
		expect(second.nodes[thesis]!.height).toBeGreaterThan(first.nodes[thesis]!.height);
	});
});

describe('boxes measured before', () => {
	it('are shared by statements that draw the same', () => {
		const a = measureBox({ kind: 'claim', text: 'Aid buys influence over time.' });
		const b = measureBox({ kind: 'claim', text: 'Aid buys influence over time.' });
		expect(b).toBe(a);
	});

	it('are not shared when anything drawn differs', () => {
		const base = { kind: 'evidence' as const, text: 'A loan for a new airport.' };
		const a = measureBox(base);
		expect(measureBox({ ...base, label: 'Airport' })).not.toBe(a);
		expect(measureBox({ ...base, basis: 'statistic' })).not.toBe(a);
		expect(measureBox(base, 300)).not.toBe(a);
		expect(measureBox(base, 300).width).toBe(300);
		const withFigure = measureBox({ ...base, figures: [{ value: 5, unit: '$M' }] });
		expect(withFigure.chips).toHaveLength(1);
		expect(measureBox({ ...base, figures: [{ value: 6, unit: '$M' }] }).chips[0]!.text).not.toBe(
			withFigure.chips[0]!.text
		);
	});
});
