import { loadMap } from '../../../tests/fixtures/load';
import { beforeAll, describe, expect, it } from 'vitest';

import type { ArgumentMap } from '../model/schema';
import { syntheticMap } from '../../../tests/fixtures/synthetic';
import { layoutMap } from './run';
import { authorOrder } from './to-elk';
import { textWidth } from './measure';
import { BOX } from './box';
import type { MapLayout } from './types';

const load = loadMap;

type R = { x: number; y: number; width: number; height: number };
const overlaps = (a: R, b: R) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every box drawn at top level: free nodes and whole columns (column items are inside theirs). */
function topLevelBoxes(layout: MapLayout): (R & { id: string })[] {
	return [...Object.values(layout.nodes).filter((n) => !n.column), ...layout.columns];
}

describe('layout of the article map', () => {
	let map: ArgumentMap;
	let layout: MapLayout;
	beforeAll(async () => {
		map = load('arguments/japan-mongolia.map.json');
		layout = await layoutMap(map);
	});

	it('places every node', () => {
		expect(Object.keys(layout.nodes).sort()).toEqual(map.nodes.map((n) => n.id).sort());
	});

	it('overlaps no two boxes', () => {
		const boxes = topLevelBoxes(layout);
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length; j++)
				expect(overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.id} × ${boxes[j]!.id}`).toBe(false);
		// Inside a column, items are stacked without touching.
		for (const col of layout.columns) {
			const items = col.items.map((id) => layout.nodes[id]!);
			for (let i = 0; i < items.length; i++) {
				const it = items[i]!;
				expect(
					it.x >= col.x &&
						it.x + it.width <= col.x + col.width &&
						it.y >= col.y &&
						it.y + it.height <= col.y + col.height,
					it.id
				).toBe(true);
				for (let j = i + 1; j < items.length; j++) expect(overlaps(it, items[j]!)).toBe(false);
			}
		}
	});

	it('routes every link: each is drawn by an edge with at least two points', () => {
		const drawn = new Set(layout.edges.filter((e) => e.points.length >= 2).flatMap((e) => e.links));
		expect(map.links.filter((l) => !drawn.has(l.id)).map((l) => l.id)).toEqual([]);
	});

	it('ends each edge at the bottom of the box it supports', () => {
		for (const e of layout.edges.filter((x) => x.endsAtTarget && layout.nodes[x.to])) {
			const target = layout.nodes[e.to]!;
			const end = e.points[e.points.length - 1]!;
			expect(Math.abs(end.y - (target.y + target.height)), e.id).toBeLessThan(1.5);
			expect(end.x >= target.x - 1 && end.x <= target.x + target.width + 1, e.id).toBe(true);
		}
	});

	it('puts the thesis above every motive, and the five motives in one row', () => {
		const thesis = layout.nodes[map.nodes.find((n) => n.kind === 'thesis')!.id]!;
		const motives = map.nodes
			.filter((n) => n.tags?.includes('motive'))
			.map((n) => layout.nodes[n.id]!);
		expect(motives).toHaveLength(5);
		for (const m of motives) expect(thesis.y + thesis.height).toBeLessThan(m.y);
		const rowTop = Math.min(...motives.map((m) => m.y));
		for (const m of motives) expect(m.y - rowTop).toBeLessThan(60);
		// In the article's order, left to right.
		const xs = motives.map((m) => m.x);
		expect([...xs].sort((a, b) => a - b)).toEqual(xs);
	});

	it('fits every line of text inside its box', () => {
		for (const n of Object.values(layout.nodes)) {
			const inner = n.width - 2 * BOX.pad;
			for (const line of [...n.box.lines, n.box.header]) {
				const style = line === n.box.header ? n.box.headerStyle : n.box.bodyStyle;
				expect(textWidth(line.text, style), `${n.id}: "${line.text}"`).toBeLessThanOrEqual(
					inner + 0.01
				);
				expect(line.y).toBeLessThanOrEqual(n.height - BOX.pad + 1);
			}
			for (const c of n.box.chips)
				expect(c.x + c.width, n.id).toBeLessThanOrEqual(n.width - BOX.pad + 0.01);
		}
	});

	it('keeps the whole text: lines rejoin to the node text', () => {
		for (const node of map.nodes) {
			// A line that ends in a hyphen or slash was broken inside a word: rejoin without a space.
			const rejoined = layout.nodes[node.id]!.box.lines.reduce(
				(acc, l) => acc + (acc === '' || /[-–—/]$/.test(acc) ? '' : ' ') + l.text,
				''
			);
			expect(rejoined, node.id).toBe(node.text.replace(/\s+/g, ' ').trim());
		}
	});

	it('has the shape of a screen: width/height between 1:2 and 3:1', () => {
		const ratio = layout.width / layout.height;
		expect(ratio).toBeGreaterThanOrEqual(0.5);
		expect(ratio).toBeLessThanOrEqual(3);
	});

	it('keeps the author’s sibling order under each claim', () => {
		const order = authorOrder(map);
		const xOf = (id: string) => {
			const n = layout.nodes[id]!;
			return n.column ? layout.columns.find((c) => c.id === n.column)!.x : n.x;
		};
		const yOf = (id: string) => layout.nodes[id]!.y;
		for (const parent of map.nodes) {
			const kids = map.links
				.filter((l) => l.to === parent.id && l.relation === 'supports')
				.map((l) => l.from);
			const inColumn = kids.filter((k) => layout.nodes[k]!.column === `col--${parent.id}`);
			// Stacked evidence reads top to bottom in the author's order.
			const ys = inColumn.map(yOf);
			expect(ys, parent.id).toEqual([...ys].sort((a, b) => a - b));
			const free = kids
				.filter((k) => !layout.nodes[k]!.column)
				.filter((k) => map.links.find((l) => l.from === k)!.to === parent.id);
			const sorted = [...free].sort((a, b) => order.get(a)! - order.get(b)!);
			expect(
				free.map(xOf).sort((a, b) => a - b),
				parent.id
			).toEqual(sorted.map(xOf));
		}
	});
});

describe('layout of generated maps', () => {
	it('lays out objections, rebuttals and undercuts with junctions on the attacked links', async () => {
		const map = syntheticMap(80, 3);
		const layout = await layoutMap(map);
		const undercuts = map.links.filter((l) => l.relation === 'undercuts');
		expect(undercuts.length).toBeGreaterThan(0);
		for (const u of undercuts) {
			const j = layout.junctions.find((x) => x.link === u.to);
			expect(j, u.id).toBeDefined();
			const edge = layout.edges.find((e) => e.links.includes(u.id))!;
			const end = edge.points[edge.points.length - 1]!;
			expect(Math.hypot(end.x - j!.x, end.y - j!.y)).toBeLessThanOrEqual(j!.size);
		}
		const boxes = topLevelBoxes(layout);
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
	});

	it('draws co-premises beside their reason, each line to the conclusion, joined by a bracket', async () => {
		const map = syntheticMap(20, 5);
		const link = map.links.find(
			(l) => l.relation === 'supports' && map.nodes.find((n) => n.id === l.to)?.kind === 'claim'
		)!;
		map.nodes.push({
			id: 'hidden',
			kind: 'assumption',
			text: 'An unstated premise.',
			origin: 'reader'
		});
		link.with = ['hidden'];
		const before = await layoutMap({
			...map,
			links: map.links.map((l) => (l === link ? { ...link, with: undefined } : l))
		});
		const layout = await layoutMap(map);
		// No junction row: the reason stays in the row it had without the assumption.
		expect(layout.junctions.find((x) => x.link === link.id)).toBeUndefined();
		const reason = layout.nodes[link.from]!;
		const hidden = layout.nodes['hidden']!;
		// The reason stays in its row (a junction used to push it a whole row, ~100 px, down),
		// and the assumption sits in that row beside it.
		if (!reason.column) {
			expect(Math.abs(reason.y - before.nodes[link.from]!.y)).toBeLessThan(40);
			expect(hidden.y < reason.y + reason.height && reason.y < hidden.y + hidden.height).toBe(true);
		}
		const into = layout.edges.filter((e) => e.links.includes(link.id));
		expect(into.every((e) => e.to === link.to)).toBe(true);
		expect(into.map((e) => e.id)).toContain(`co--hidden--${link.to}`);
		const join = layout.joins.find((x) => x.link === link.id)!;
		expect(join).toBeDefined();
		// The bracket touches the top of the assumption's box.
		expect(
			join.segments.some(
				([a]) => Math.abs(a.y - hidden.y) < 0.5 && a.x > hidden.x && a.x < hidden.x + hidden.width
			)
		).toBe(true);
	});
});
