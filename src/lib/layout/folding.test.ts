import { beforeAll, describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { indexMap } from '../model/queries';
import type { ArgumentMap } from '../model/schema';
import { FOLD_BADGE, canFold, descendants, foldMap, unfoldTo, withoutHidden } from './folding';
import { layoutMap } from './run';
import { toElk } from './to-elk';
import { layoutOptions } from './options';
import type { MapLayout } from './types';

// t ← c1 ← e1, and o1 undercuts the link e1 → c1.
const small: ArgumentMap = loadMap('tests/fixtures/small.map.json');
/** The small map with e2 supporting both c1 and the thesis. */
const shared: ArgumentMap = {
	...small,
	nodes: [...small.nodes, { ...small.nodes.find((n) => n.id === 'e1')!, id: 'e2' }],
	links: [
		...small.links,
		{ ...small.links.find((l) => l.id === 'l2')!, id: 'l4', from: 'e2', to: 'c1' },
		{ ...small.links.find((l) => l.id === 'l2')!, id: 'l5', from: 'e2', to: 't' }
	]
};

describe('the fold model', () => {
	it('counts what argues under a statement: reasons, evidence and undercuts of their links', () => {
		const index = indexMap(small);
		expect([...descendants(index, 'c1')].sort()).toEqual(['e1', 'o1']);
		expect([...descendants(index, 't')].sort()).toEqual(['c1', 'e1', 'o1']);
		expect(canFold(index, 'c1')).toBe(true);
		expect(canFold(index, 'e1')).toBe(false);
	});

	it('hides a folded subtree and counts it on the folded statement', () => {
		const f = foldMap(small, ['c1']);
		expect([...f.hidden].sort()).toEqual(['e1', 'o1']);
		expect(f.counts).toEqual(new Map([['c1', 2]]));
	});

	it('keeps shown a statement that also argues for something not folded', () => {
		const f = foldMap(shared, ['c1']);
		expect([...f.hidden].sort()).toEqual(['e1', 'o1']);
		expect(f.counts.get('c1')).toBe(2);
		// Folding the thesis hides e2 as well: nothing shown reaches it any more.
		expect([...foldMap(shared, ['t']).hidden].sort()).toEqual(['c1', 'e1', 'e2', 'o1']);
	});

	it('counts nested folds on the outer one only, and ignores folds of what is gone', () => {
		const f = foldMap(small, ['c1', 't', 'no-such']);
		expect(f.counts).toEqual(new Map([['t', 3]]));
		expect(foldMap(small, ['e1']).hidden.size).toBe(0);
	});

	it('drops the hidden statements and every link that touches them, undercuts included', () => {
		const m = withoutHidden(small, new Set(['e1']));
		expect(m.nodes.map((n) => n.id)).toEqual(['t', 'c1', 'o1']);
		// l2 goes with e1, and o1's undercut of l2 goes with l2.
		expect(m.links.map((l) => l.id)).toEqual(['l1']);
	});

	it('unfolds the path to a hidden statement and leaves other folds alone', () => {
		expect(unfoldTo(shared, ['c1', 't'], ['e1'])).toEqual([]);
		expect(unfoldTo(small, ['c1'], ['c1'])).toEqual(['c1']);
		const folds = ['c1'];
		// Nothing to open: the very same list, so callers can tell.
		expect(unfoldTo(small, folds, ['t', undefined])).toBe(folds);
	});
});

describe('layout of a folded map', () => {
	let map: ArgumentMap;
	let full: MapLayout;
	beforeAll(async () => {
		map = loadMap('arguments/japan-mongolia.map.json');
		full = await layoutMap(map);
	});

	it('leaves the folded subtree out of the ELK graph and gives the folded box room for its badge', () => {
		const id = 'mongolia-courted';
		const under = descendants(indexMap(map), id);
		expect(under.size).toBeGreaterThan(3);
		const { graph, plan } = toElk(map, layoutOptions, { folded: [id] });
		const ids = new Set(graph.children.map((c) => c.id));
		for (const h of under) expect(ids.has(h), h).toBe(false);
		expect(plan.folded.get(id)).toBe(under.size);
		const plain = toElk(map, layoutOptions).plan.boxes.get(id)!;
		expect(plan.boxes.get(id)!.height).toBe(plain.height + FOLD_BADGE.room);
		for (const e of graph.edges)
			for (const end of [...e.sources, ...e.targets]) expect(under.has(end), e.id).toBe(false);
	});

	it('draws a smaller map with "+N" on the folded statement, and the rest as before', async () => {
		const id = 'mongolia-courted';
		const under = descendants(indexMap(map), id);
		const folded = await layoutMap(map, {}, { folded: [id] });
		expect(folded.nodes[id]!.folded).toBe(under.size);
		expect(Object.keys(folded.nodes).length).toBe(map.nodes.length - under.size);
		expect(folded.width * folded.height).toBeLessThan(full.width * full.height);
		for (const e of folded.edges) expect(under.has(e.to), e.id).toBe(false);
		expect(full.nodes[id]!.folded).toBeUndefined();
	});

	it('folds the thesis but keeps what also argues for the closing claims', async () => {
		const thesis = indexMap(map).thesis!.id;
		const { hidden } = foldMap(map, [thesis]);
		const folded = await layoutMap(map, {}, { folded: [thesis] });
		expect(folded.nodes[thesis]!.folded).toBe(hidden.size);
		expect(hidden.size).toBeGreaterThan(5);
		expect(Object.keys(folded.nodes).length).toBe(map.nodes.length - hidden.size);
		// Motive 1 supports a closing claim too: it stays, with what is under it.
		expect(hidden.has('motive-1')).toBe(false);
		expect(folded.nodes['motive-1']).toBeDefined();
		expect(hidden.has('persuasion-methods')).toBe(true);
	});
});
