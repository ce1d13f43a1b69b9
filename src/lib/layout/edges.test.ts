import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { indexMap } from '../model/queries';
import type { ArgumentMap } from '../model/schema';
import {
	END_MARKS,
	edgeInferred,
	edgeKind,
	edgeLabelAt,
	edgePath,
	edgeSource,
	edgeStroke,
	endMark,
	joinPath,
	touches
} from './edges';
import type { PlacedEdge } from './types';

function edge(over: Partial<PlacedEdge>): PlacedEdge {
	return {
		id: 'e',
		links: ['l1'],
		relation: 'supports',
		origin: 'source',
		rebuttal: false,
		to: 't',
		endsAtTarget: true,
		points: [
			{ x: 0, y: 100 },
			{ x: 0, y: 50 },
			{ x: 40, y: 50 }
		],
		...over
	};
}

describe('how an edge is drawn', () => {
	it('tells the four kinds of line apart: colour plus shape', () => {
		const cases = [
			[edge({ relation: 'supports' }), 'support', '--support', undefined, 'support'],
			[edge({ relation: 'attacks' }), 'attack', '--attack', undefined, 'attack'],
			[
				edge({ relation: 'attacks', rebuttal: true }),
				'rebuttal',
				'--rebuttal',
				undefined,
				'rebuttal'
			],
			// An undercut is red and dashed, and ends in a red bar even against an objection.
			[edge({ relation: 'undercuts' }), 'undercut', '--attack', '7 5', 'attack'],
			[edge({ relation: 'undercuts', rebuttal: true }), 'undercut', '--attack', '7 5', 'attack']
		] as const;
		for (const [e, kind, colour, dash, mark] of cases) {
			expect(edgeKind(e)).toBe(kind);
			expect(edgeStroke(e)).toMatchObject({ kind, colour, dash });
			expect(endMark(e)).toBe(mark);
		}
	});

	it('puts no end mark on a line that stops short of its target', () => {
		expect(endMark(edge({ endsAtTarget: false }))).toBeUndefined();
		expect(endMark(edge({ relation: 'attacks', endsAtTarget: false }))).toBeUndefined();
	});

	it('draws reader lines heavier, and lines at the selected statement heavier still', () => {
		expect(edgeStroke(edge({})).width).toBe(2);
		expect(edgeStroke(edge({ origin: 'reader' })).width).toBe(2.5);
		expect(edgeStroke(edge({ origin: 'reader' }), true).width).toBe(3.5);
		expect(edgeStroke(edge({}), true).width).toBe(3.5);
	});

	it('writes the path through the points, and the co-premise bracket as separate strokes', () => {
		expect(edgePath(edge({}).points)).toBe('M0 100 L0 50 L40 50');
		expect(
			joinPath([
				[
					{ x: 0, y: 0 },
					{ x: 10, y: 0 }
				],
				[
					{ x: 5, y: 0 },
					{ x: 5, y: 8 }
				]
			])
		).toBe('M0 0L10 0M5 0L5 8');
	});

	it('names a marker for every end mark, the bar thin across the line and the disc round', () => {
		expect(END_MARKS.support).toMatchObject({ id: 'end-support', shape: { kind: 'disc' } });
		expect(END_MARKS.attack).toMatchObject({ id: 'end-attack', shape: { kind: 'bar' } });
		expect(END_MARKS.rebuttal).toMatchObject({ id: 'end-rebuttal', shape: { kind: 'bar' } });
	});
});

describe('which statements an edge belongs to', () => {
	// The small map (c1 supports t, e1 supports c1) with a second piece of evidence for c1.
	const small = loadMap('tests/fixtures/small.map.json');
	const map: ArgumentMap = {
		...small,
		nodes: [...small.nodes, { id: 'e2', kind: 'evidence', text: 'More.', origin: 'source' }],
		links: [
			...small.links,
			{ id: 'l4', from: 'e2', to: 'c1', relation: 'supports', origin: 'source' }
		]
	};
	const index = indexMap(map);

	it('starts at the reason of its one link; a column line stands for the claim it supports', () => {
		expect(edgeSource(edge({ links: ['l1'], to: 't' }), index)).toBe('c1');
		expect(edgeSource(edge({ links: ['l2', 'l4'], to: 'c1' }), index)).toBe('c1');
	});

	it('touches the statement it ends at and every statement it starts from', () => {
		const column = edge({ links: ['l2', 'l4'], to: 'c1' });
		expect(touches(column, 'c1', index)).toBe(true);
		expect(touches(column, 'e2', index)).toBe(true);
		expect(touches(column, 't', index)).toBe(false);
	});
});

describe('inferred steps', () => {
	it('are dotted (an inferred undercut dashed and dotted), stated ones as before', () => {
		expect(
			edgeStroke({ relation: 'supports', rebuttal: false, origin: 'source' }, false, true).dash
		).toBe('2 4');
		expect(
			edgeStroke({ relation: 'supports', rebuttal: false, origin: 'source' }).dash
		).toBeUndefined();
		expect(
			edgeStroke({ relation: 'undercuts', rebuttal: false, origin: 'source' }, false, true).dash
		).toBe('7 3 2 3');
	});

	it('a line is inferred only when every link it stands for is', () => {
		const map = loadMap('tests/fixtures/small.map.json');
		const inferred = {
			...map,
			links: map.links.map((l) => (l.id === 'l1' ? { ...l, inText: 'inferred' as const } : l))
		};
		const index = indexMap(inferred);
		expect(edgeInferred({ links: ['l1'] }, index)).toBe(true);
		expect(edgeInferred({ links: ['l1', 'l2'] }, index)).toBe(false);
		expect(edgeInferred({ links: [] }, index)).toBe(false);
	});

	it('puts the word on the middle of the longest segment, or nowhere on a short line', () => {
		expect(
			edgeLabelAt([
				{ x: 0, y: 0 },
				{ x: 0, y: 20 },
				{ x: 100, y: 20 }
			])
		).toEqual({ x: 50, y: 20 });
		expect(
			edgeLabelAt([
				{ x: 0, y: 0 },
				{ x: 0, y: 30 }
			])
		).toBeUndefined();
	});
});
