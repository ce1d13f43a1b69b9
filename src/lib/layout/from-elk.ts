/** ELK's answer → MapLayout, in map terms (nodes, columns, edges standing for links). */
import type { ArgumentMap, MapLink } from '../model/schema';
import { indexMap } from '../model/queries';
import type { ElkGraph, LayoutPlan } from './to-elk';
import type { MapLayout, PlacedColumn, PlacedEdge, PlacedNode, Point } from './types';
import { COLUMN, JUNCTION_SIZE } from './options';
import { FOOT_GAP, footLine } from './attach';

export interface ElkResultNode {
	id: string;
	x?: number;
	y?: number;
	width?: number;
	height?: number;
}
export interface ElkResultEdge {
	id: string;
	sections?: { startPoint: Point; endPoint: Point; bendPoints?: Point[] }[];
}
export interface ElkResult {
	width?: number;
	height?: number;
	children?: ElkResultNode[];
	edges?: ElkResultEdge[];
}

export function fromElk(
	map: ArgumentMap,
	graph: ElkGraph,
	plan: LayoutPlan,
	result: ElkResult
): MapLayout {
	const index = indexMap(map);
	const nodes: Record<string, PlacedNode> = {};
	const placed = (
		id: string,
		links: string[],
		l: MapLink,
		to: string,
		endsAtTarget: boolean,
		points: Point[]
	): PlacedEdge => {
		const target = index.node.get(l.to);
		const targetAttacks = target
			? (index.outgoing.get(target.id) ?? []).some(
					(o) => o.from === target.id && o.relation === 'attacks'
				)
			: false;
		const edge: PlacedEdge = {
			id,
			links,
			relation: l.relation,
			origin: l.origin,
			rebuttal: l.relation === 'attacks' && targetAttacks,
			to,
			endsAtTarget,
			points
		};
		if (l.relation === 'undercuts') edge.undercuts = l.to;
		return edge;
	};
	const folded = (id: string) => {
		const n = plan.folded.get(id);
		return n ? { folded: n } : {};
	};
	const layout: MapLayout = {
		width: Math.ceil(result.width ?? 0),
		height: Math.ceil(result.height ?? 0),
		nodes,
		columns: [],
		edges: [],
		junctions: [],
		joins: []
	};
	// Whole pixels: ELK's centring leaves positions like 703.9999999999998, which drew nothing
	// crisper and cost the article's page 7 KB. Boxes, columns and lines round alike, so a line
	// still meets its box (a box's width and height are whole).
	for (const c of result.children ?? []) {
		const x = Math.round(c.x ?? 0);
		const y = Math.round(c.y ?? 0);
		const col = plan.columns.get(c.id);
		if (col) {
			const column: PlacedColumn = {
				id: c.id,
				target: col.target,
				x,
				y,
				width: c.width ?? col.width,
				height: c.height ?? 0,
				items: col.items,
				links: col.links,
				label: `${col.items.every((i) => index.node.get(i)?.kind === 'evidence') ? 'Evidence' : 'Support'} · ${col.items.length}`,
				collapsed: col.collapsed
			};
			layout.columns.push(column);
			if (col.collapsed) continue;
			for (const item of [...col.items, ...col.beside]) {
				const box = plan.boxes.get(item)!;
				const at = col.offsets.get(item)!;
				nodes[item] = {
					id: item,
					x: x + at.x,
					y: y + at.y,
					width: box.width,
					height: box.height,
					box,
					column: c.id,
					...folded(item)
				};
			}
			// Objections to the column's claim lie at its foot, under its background, not in it: in
			// it they read as one more item of a column that argues for the claim.
			const foot = [...new Set(col.foot.map((f) => f.id))];
			const inside = [...col.items, ...col.beside].filter((i) => !foot.includes(i));
			if (foot.length && inside.length) {
				column.height =
					Math.max(...inside.map((i) => nodes[i]!.y + nodes[i]!.height)) + COLUMN.pad - y;
				column.foot = foot;
			}
			const shift = (p: Point) => ({ x: x + p.x, y: y + p.y });
			for (const e of col.sideEdges)
				layout.edges.push(
					placed(e.id, [e.link.id], e.link, e.to, e.endsAtTarget, e.points.map(shift))
				);
			for (const j of col.sideJunctions)
				layout.junctions.push({
					...shift(j),
					id: j.id,
					link: j.link,
					size: JUNCTION_SIZE,
					kind: 'undercut'
				});
			// Indented evidence joins its claim along a rail on the left.
			for (const sub of col.nested) {
				const claim = nodes[sub.claim]!;
				const railX = claim.x + COLUMN.indent / 2;
				for (const linkId of sub.links) {
					const l = index.link.get(linkId)!;
					const item = nodes[l.from]!;
					const midY = item.y + Math.min(20, item.height / 2);
					layout.edges.push({
						id: linkId,
						links: [linkId],
						relation: l.relation,
						origin: l.origin,
						rebuttal: false,
						to: sub.claim,
						endsAtTarget: true,
						points: [
							{ x: item.x, y: midY },
							{ x: railX, y: midY },
							{ x: railX, y: claim.y + claim.height }
						]
					});
				}
			}
			continue;
		}
		const j = plan.junctions.get(c.id);
		if (j) {
			layout.junctions.push({
				id: c.id,
				link: j.link,
				x: x + (c.width ?? 0) / 2,
				y: y + (c.height ?? 0) / 2,
				size: c.width ?? 0,
				kind: j.kind
			});
			continue;
		}
		const box = plan.boxes.get(c.id);
		if (box)
			nodes[c.id] = { id: c.id, x, y, width: box.width, height: box.height, box, ...folded(c.id) };
	}
	const sections = new Map((result.edges ?? []).map((e) => [e.id, e.sections ?? []]));
	for (const e of graph.edges) {
		const info = plan.edges.get(e.id);
		if (!info) continue;
		const points: Point[] = [];
		for (const s of sections.get(e.id) ?? []) {
			for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint])
				points.push({ x: Math.round(p.x), y: Math.round(p.y) });
		}
		layout.edges.push(placed(e.id, info.links, info.link, info.to, info.endsAtTarget, points));
		const col = plan.columns.get(e.sources[0]!);
		const box = layout.columns.find((c) => c.id === e.sources[0]);
		if (!col || !box || e.id !== `${box.id}--out`) continue;
		col.foot.forEach(({ id, link }, i) => {
			const line = footLine(points, box, nodes[id]!, FOOT_GAP * (i + 1));
			layout.edges.push(placed(link.id, [link.id], link, link.to, true, line));
		});
	}
	// A bracket above the co-premises' tops: down to each box, across between the outermost.
	for (const j of plan.joins) {
		const boxes = j.members.map((m) => nodes[m]).filter((b): b is PlacedNode => !!b);
		if (boxes.length < 2) continue;
		const y = Math.min(...boxes.map((b) => b.y)) - 8;
		const xs = boxes.map((b) => b.x + b.width / 2).sort((a, b) => a - b);
		const segments: [Point, Point][] = boxes.map((b) => [
			{ x: b.x + b.width / 2, y: b.y },
			{ x: b.x + b.width / 2, y }
		]);
		segments.push([
			{ x: xs[0]!, y },
			{ x: xs[xs.length - 1]!, y }
		]);
		layout.joins.push({ link: j.link, segments });
	}
	return layout;
}
