import { beforeAll, describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { critiqueAdditions, movedBy } from '../../../tests/fixtures/additions';
import type { ArgumentMap } from '../model/schema';
import { layoutMap } from './run';
import type { MapLayout } from './types';

// Issue 12: adding a critique must not tear the article's structure apart. Adding one statement
// moves at most 5% of the other statements by more than 20 px (scripts/layout-picture.ts
// measures every scripted addition; these are representative ones the rule must hold for).
describe('adding one critique to the article map', () => {
	let map: ArgumentMap;
	let before: MapLayout;
	beforeAll(async () => {
		map = loadMap('arguments/japan-mongolia.map.json');
		before = await layoutMap(map);
	});

	it.each([
		'undercut of s-un-view-to-motive-1',
		'undercut of s-tied-loans-to-motive-2',
		'objection to aid-hopes',
		'objection to tied-loans',
		'support for budget-deficit'
	])('%s: moves at most 5% of the others by more than 20 px', async (name) => {
		const add = critiqueAdditions(map).find((a) => a.name === name)!;
		const after = await layoutMap(add.map);
		const moved = movedBy(before, after, 20);
		expect(moved.length, moved.join(', ')).toBeLessThanOrEqual(Math.floor(map.nodes.length * 0.05));
		// The critiqued evidence keeps its column, and the critique sits right below it in there.
		const target = after.nodes[add.anchor]!;
		const critique = after.nodes['added-critique']!;
		expect(target.column).toBe(before.nodes[add.anchor]!.column);
		expect(critique.column).toBe(target.column);
		expect(critique.y - (target.y + target.height)).toBeGreaterThan(0);
		expect(critique.y - (target.y + target.height)).toBeLessThan(40);
		// No wider than the column: a wider column would push half the map sideways.
		const column = after.columns.find((c) => c.id === target.column)!;
		expect(critique.x + critique.width).toBeLessThanOrEqual(column.x + column.width);
		expect(column.width).toBe(before.columns.find((c) => c.id === target.column)!.width);
	});

	it('puts an objection to a claim at the foot of its column, its line to the claim', async () => {
		const add = critiqueAdditions(map).find((a) => a.name === 'objection to other-projects')!;
		const after = await layoutMap(add.map);
		const moved = movedBy(before, after, 20);
		expect(moved.length, moved.join(', ')).toBeLessThanOrEqual(Math.floor(map.nodes.length * 0.05));
		const critique = after.nodes['added-critique']!;
		const column = after.columns.find((c) => c.target === 'other-projects')!;
		expect(critique.column).toBe(column.id);
		for (const item of column.items) expect(after.nodes[item]!.y).toBeLessThan(critique.y);
		const claim = after.nodes['other-projects']!;
		const edge = after.edges.find((e) => e.links.includes('l-added-critique'))!;
		const end = edge.points[edge.points.length - 1]!;
		expect(Math.abs(end.y - (claim.y + claim.height))).toBeLessThan(1.5);
	});

	it('draws an undercut of a column item’s link to a junction beside the item', async () => {
		const add = critiqueAdditions(map).find((a) => a.name === 'undercut of s-un-view-to-motive-1')!;
		const after = await layoutMap(add.map);
		const item = after.nodes['un-view']!;
		const j = after.junctions.find((x) => x.link === 's-un-view-to-motive-1')!;
		expect(j).toBeDefined();
		expect(j.x).toBeGreaterThan(item.x + item.width);
		expect(j.y).toBeGreaterThan(item.y);
		expect(j.y).toBeLessThan(item.y + item.height);
		const edge = after.edges.find((e) => e.links.includes('l-added-critique'))!;
		const end = edge.points[edge.points.length - 1]!;
		expect(Math.hypot(end.x - j.x, end.y - j.y)).toBeLessThanOrEqual(j.size);
		expect(edge.undercuts).toBe('s-un-view-to-motive-1');
	});
});

describe('the critique map', () => {
	it('keeps undercut evidence in its claim’s column', async () => {
		const layout = await layoutMap(loadMap('arguments/japan-mongolia-critique.map.json'));
		expect(layout.nodes['un-view']!.column).toBe('col--motive-1');
		expect(layout.nodes['gdp-growth']!.column).toBe('col--motive-2');
		expect(layout.nodes['u-un-view-other-way']!.column).toBe('col--motive-1');
	});
});
