import { describe, expect, it } from 'vitest';
import { syntheticMap } from '../../../tests/fixtures/synthetic';
import { indexMap } from '../model/queries';
import { keepUnchanged, withProvisional } from './provisional';
import { layoutMap } from './run';
import type { MapLayout } from './types';

/** A copy of `layout` (as the worker's structured clone hands it over). */
const clone = (layout: MapLayout): MapLayout => structuredClone(layout);

describe('keepUnchanged', () => {
	it('is the previous layout itself when nothing changed', async () => {
		const a = await layoutMap(syntheticMap(40));
		expect(keepUnchanged(a, clone(a))).toBe(a);
	});

	it('shares what did not move; a box that only moved keeps its text geometry', async () => {
		const a = await layoutMap(syntheticMap(40));
		const b = clone(a);
		const [moved, still] = Object.keys(b.nodes);
		b.nodes[moved!] = { ...b.nodes[moved!]!, x: b.nodes[moved!]!.x + 30 };
		b.edges[0] = { ...b.edges[0]!, points: b.edges[0]!.points.map((p) => ({ ...p, y: p.y + 1 })) };
		const kept = keepUnchanged(a, b);
		expect(kept).not.toBe(a);
		expect(kept.nodes[still!]).toBe(a.nodes[still!]);
		expect(kept.nodes[moved!]).not.toBe(a.nodes[moved!]);
		expect(kept.nodes[moved!]!.x).toBe(a.nodes[moved!]!.x + 30);
		expect(kept.nodes[moved!]!.box).toBe(a.nodes[moved!]!.box);
		expect(kept.edges[0]).not.toBe(a.edges[0]);
		expect(kept.edges[1]).toBe(a.edges[1]);
		expect(kept.columns).toBe(a.columns);
		expect(kept).toEqual(b);
	});
});

describe('withProvisional', () => {
	it('places nothing for a statement with no drawn parent', async () => {
		const map = syntheticMap(20);
		const layout = await layoutMap(map);
		const lone = { ...map, nodes: [...map.nodes, { ...map.nodes[1]!, id: 'lone' }] };
		expect(withProvisional(layout, indexMap(lone), 'lone')).toBeUndefined();
		// Already placed: nothing to do either.
		expect(withProvisional(layout, indexMap(map), map.nodes[1]!.id)).toBeUndefined();
	});
});
