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
		'support for budget-deficit',
		// Indented evidence of a sub-argument keeps its place under its claim.
		'objection to japan-image-poll',
		'undercut of s-japan-image-poll-to-image-advertising',
		// A further link of a column item, leaving the column through a port.
		'undercut of s-roads-construction-to-motive-4',
		'undercut of s-joint-loan-facility-to-motive-2'
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

	it.each(['health', 'education', 'motive-2', 'japan-expanding-presence'])(
		'objection to %s: its line runs beside the column’s own, which stays where it was',
		async (claimId) => {
			const add = critiqueAdditions(map).find((a) => a.name === `objection to ${claimId}`)!;
			const after = await layoutMap(add.map);
			const moved = movedBy(before, after, 20);
			expect(moved.length, moved.join(', ')).toBeLessThanOrEqual(
				Math.floor(map.nodes.length * 0.05)
			);
			const column = after.columns.find((c) => c.target === claimId)!;
			const was = before.columns.find((c) => c.target === claimId)!;
			expect([column.x, column.y]).toEqual([was.x, was.y]);
			const own = after.edges.find((e) => e.id === `${column.id}--out`)!;
			const line = after.edges.find((e) => e.links.includes('l-added-critique'))!;
			// Out of the objection's right side, past the column's right edge, into the claim's bottom.
			const critique = after.nodes['added-critique']!;
			expect(line.points[0]!.x).toBeCloseTo(critique.x + critique.width);
			expect(line.points[1]!.x).toBeGreaterThan(column.x + column.width);
			const claim = after.nodes[claimId]!;
			const end = line.points[line.points.length - 1]!;
			expect(end.y).toBeCloseTo(claim.y + claim.height);
			expect(end.x).toBeGreaterThan(claim.x);
			expect(end.x).toBeLessThan(claim.x + claim.width);
			// Orthogonal, and never on top of the column's own line.
			for (let i = 1; i < line.points.length; i++) {
				const [a, b] = [line.points[i - 1]!, line.points[i]!];
				expect(a.x === b.x || a.y === b.y, JSON.stringify([a, b])).toBe(true);
			}
			const onOwn = (p: { x: number; y: number }) =>
				own.points.some((q, i) => {
					const r = own.points[i - 1];
					if (!r) return false;
					const within = (v: number, s: number, t: number) =>
						v >= Math.min(s, t) - 1 && v <= Math.max(s, t) + 1;
					return within(p.x, q.x, r.x) && within(p.y, q.y, r.y);
				});
			expect(line.points.filter(onOwn)).toEqual([]);
		}
	);

	it('puts an objection to a sub-argument’s claim under its indented evidence, its line into the claim’s side', async () => {
		const add = critiqueAdditions(map).find((a) => a.name === 'objection to image-advertising')!;
		const after = await layoutMap(add.map);
		const moved = movedBy(before, after, 20);
		expect(moved.length, moved.join(', ')).toBeLessThanOrEqual(Math.floor(map.nodes.length * 0.05));
		const claim = after.nodes['image-advertising']!;
		const evidence = after.nodes['japan-image-poll']!;
		const critique = after.nodes['added-critique']!;
		expect(critique.column).toBe(claim.column);
		expect(critique.y).toBeGreaterThan(evidence.y + evidence.height);
		const line = after.edges.find((e) => e.links.includes('l-added-critique'))!;
		const end = line.points[line.points.length - 1]!;
		expect(end.x).toBeCloseTo(claim.x + claim.width);
		expect(end.y).toBeGreaterThan(claim.y);
		expect(end.y).toBeLessThan(claim.y + claim.height);
		// Round the evidence on its right, inside the column.
		const column = after.columns.find((c) => c.id === claim.column)!;
		for (const p of line.points) {
			expect(p.x).toBeLessThanOrEqual(column.x + column.width);
			if (p.y > evidence.y && p.y < evidence.y + evidence.height)
				expect(p.x).toBeGreaterThan(evidence.x + evidence.width);
		}
	});

	it('draws an undercut of a column item’s further link to a junction where that link leaves the column', async () => {
		const add = critiqueAdditions(map).find(
			(a) => a.name === 'undercut of s-roads-construction-to-motive-4'
		)!;
		const after = await layoutMap(add.map);
		const column = after.columns.find((c) => c.id === after.nodes['roads-construction']!.column)!;
		const j = after.junctions.find((x) => x.link === 's-roads-construction-to-motive-4')!;
		expect(j.x).toBeCloseTo(column.x + column.width, 0);
		const link = after.edges.find((e) => e.links.includes('s-roads-construction-to-motive-4'))!;
		expect(Math.hypot(link.points[0]!.x - j.x, link.points[0]!.y - j.y)).toBeLessThanOrEqual(
			j.size
		);
		const edge = after.edges.find((e) => e.links.includes('l-added-critique'))!;
		const end = edge.points[edge.points.length - 1]!;
		expect(Math.hypot(end.x - j.x, end.y - j.y)).toBeLessThanOrEqual(j.size);
		for (const p of edge.points) expect(p.x).toBeLessThanOrEqual(column.x + column.width);
	});

	it.each(['objection to china-transit', 'support for china-transit', 'objection to motive-4'])(
		'%s: a single piece of evidence and the critique stack in a column of their own',
		async (name) => {
			const add = critiqueAdditions(map).find((a) => a.name === name)!;
			const after = await layoutMap(add.map);
			const moved = movedBy(before, after, 20);
			expect(moved.length, moved.join(', ')).toBeLessThanOrEqual(
				Math.floor(map.nodes.length * 0.05)
			);
			expect(before.nodes['china-transit']!.column).toBeUndefined();
			const column = after.columns.find((c) => c.target === 'motive-4')!;
			expect(column.items).toEqual(['china-transit']);
			// As wide as the evidence's box was: the row keeps its places.
			expect(column.width).toBe(before.nodes['china-transit']!.width);
			expect(after.nodes['added-critique']!.column).toBe(column.id);
		}
	);

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

type R = { id: string; x: number; y: number; width: number; height: number };
const overlap = (a: R, b: R) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('scripted critiques of the article map', () => {
	it('is drawn without two boxes overlapping, inside its column, and with every link', async () => {
		const map = loadMap('arguments/japan-mongolia.map.json');
		const problems: string[] = [];
		// Every third, all four kinds among them (all 191 take 15 s here).
		for (const add of critiqueAdditions(map).filter((_, i) => i % 3 === 0)) {
			const layout = await layoutMap(add.map);
			const top: R[] = [...Object.values(layout.nodes).filter((n) => !n.column), ...layout.columns];
			for (let i = 0; i < top.length; i++)
				for (let j = i + 1; j < top.length; j++)
					if (overlap(top[i]!, top[j]!))
						problems.push(`${add.name}: ${top[i]!.id} × ${top[j]!.id}`);
			for (const c of layout.columns) {
				const inside = Object.values(layout.nodes).filter((n) => n.column === c.id);
				for (const [i, n] of inside.entries()) {
					// An objection to the column's claim lies under the column, not in it.
					const foot = c.foot?.includes(n.id);
					if (
						n.x < c.x ||
						n.x + n.width > c.x + c.width ||
						(foot ? n.y < c.y + c.height : n.y < c.y || n.y + n.height > c.y + c.height)
					)
						problems.push(`${add.name}: ${n.id} ${foot ? 'not under' : 'outside'} ${c.id}`);
					for (const m of inside.slice(i + 1))
						if (overlap(n, m)) problems.push(`${add.name}: ${n.id} × ${m.id}`);
				}
			}
			const drawn = new Set(
				layout.edges.filter((e) => e.points.length >= 2).flatMap((e) => e.links)
			);
			for (const l of add.map.links)
				if (!drawn.has(l.id)) problems.push(`${add.name}: ${l.id} not drawn`);
		}
		expect(problems).toEqual([]);
	}, 60_000);
});

describe('the critique map', () => {
	it('keeps undercut evidence in its claim’s column', async () => {
		const layout = await layoutMap(loadMap('arguments/japan-mongolia-critique.map.json'));
		expect(layout.nodes['un-view']!.column).toBe('col--motive-1');
		expect(layout.nodes['gdp-growth']!.column).toBe('col--motive-2');
		expect(layout.nodes['u-un-view-other-way']!.column).toBe('col--motive-1');
	});
});
