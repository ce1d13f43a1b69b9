/**
 * Map → ELK graph. Decides what is drawn as what: plain boxes, evidence columns (a claim's
 * leaf evidence stacked as one list), and junctions (a point on a link that an undercut ends
 * on, or where co-premises join).
 */
import type { ArgumentMap, MapLink, MapNode } from '../model/schema';
import { indexMap } from '../model/queries';
import { BOX, measureBox, type BoxGeometry } from './box';
import { COLUMN, JUNCTION_SIZE } from './options';
import { SIDE, besideTrees, portAt, sideCandidates, sideLines } from './attach';
import { foldMap, withFoldRoom, withoutHidden } from './folding';
import {
	colId,
	portId,
	type ElkGraph,
	type ElkNode,
	type ElkEdge,
	type ElkPort,
	type LayoutPlan,
	type LayoutView,
	type SideEdge
} from './elk-plan';
import { linkEdges } from './elk-edges';

export type {
	ElkEdge,
	ElkGraph,
	ElkNode,
	ElkPort,
	LayoutPlan,
	LayoutView,
	SideEdge
} from './elk-plan';

/**
 * The author's reading order: depth-first from the thesis, children in the order their links
 * appear in the file. Used as `elk.position` hints so ELK keeps siblings in that order.
 */
export function authorOrder(map: ArgumentMap): Map<string, number> {
	const index = indexMap(map);
	const order = new Map<string, number>();
	const visit = (id: string) => {
		if (order.has(id)) return;
		order.set(id, order.size);
		for (const l of index.incoming.get(id) ?? []) {
			if (index.node.has(l.from)) visit(l.from);
			for (const co of l.with ?? []) visit(co);
			for (const u of index.incoming.get(l.id) ?? []) visit(u.from);
		}
	};
	if (index.thesis) visit(index.thesis.id);
	for (const n of map.nodes) visit(n.id);
	return order;
}

export function toElk(
	whole: ArgumentMap,
	layoutOptions: Record<string, string>,
	view: LayoutView = {}
): { graph: ElkGraph; plan: LayoutPlan } {
	// Folded subtrees are left out; the statement folded keeps room for its badge.
	const folding = foldMap(whole, view.folded);
	const map = withoutHidden(whole, folding.hidden);
	const index = indexMap(map);
	const order = authorOrder(map);
	const measure = (n: MapNode, width?: number): BoxGeometry => {
		return withFoldRoom(measureBox(n, width), folding.counts.has(n.id));
	};
	const boxes = new Map(map.nodes.map((n) => [n.id, measure(n)]));
	const undercut = new Set(map.links.filter((l) => l.relation === 'undercuts').map((l) => l.to));

	const plainSupport = (l: MapLink | undefined): l is MapLink =>
		!!l && l.relation === 'supports' && !l.with?.length && !undercut.has(l.id);
	// Critique that may sit beside what it is about; narrowed below to what lands in a column.
	const candidates = sideCandidates(map, index);
	const side = new Set(candidates.keys());
	const besideOnly = (links: MapLink[] | undefined) => (links ?? []).every((l) => side.has(l.from));
	// A column item: its first link supports a statement, and whatever argues about the item or
	// undercuts that link sits beside it.
	const primary = (id: string): MapLink | undefined => {
		if (side.has(id)) return undefined;
		const first = index.outgoing.get(id)?.[0];
		if (!first || first.from !== id || first.relation !== 'supports' || first.with?.length) return;
		return besideOnly(index.incoming.get(id)) && besideOnly(index.incoming.get(first.id))
			? first
			: undefined;
	};
	// A small sub-argument — a claim supported only by plain leaves that support nothing else —
	// is stacked in its conclusion's column too, its evidence indented below it.
	const nestedOf = new Map<string, MapLink[]>();
	for (const n of map.nodes) {
		if (n.kind === 'thesis') continue;
		const out = index.outgoing.get(n.id) ?? [];
		// The thesis's own reasons are the map's headline: each keeps a box of its own.
		if (out[0] && out[0].to === index.thesis?.id) continue;
		// Its own reasons; critique of the claim sits beside it (attach.ts) and does not count.
		const inc = (index.incoming.get(n.id) ?? []).filter((l) => !side.has(l.from));
		if (
			out.length !== 1 ||
			!plainSupport(out[0]) ||
			out[0].from !== n.id ||
			inc.length === 0 ||
			inc.length > COLUMN.maxNested
		)
			continue;
		// Leaves but for critique stacked beside them, so critiquing a piece of indented evidence
		// keeps the sub-argument in its column.
		const simple = inc.every(
			(l) =>
				l.relation === 'supports' &&
				!l.with?.length &&
				besideOnly(index.incoming.get(l.id)) &&
				besideOnly(index.incoming.get(l.from)) &&
				(index.outgoing.get(l.from) ?? []).length === 1
		);
		if (simple) nestedOf.set(n.id, inc);
	}
	const nestedLeaf = new Set([...nestedOf.values()].flat().map((l) => l.from));
	for (const id of nestedLeaf) side.delete(id);
	const columnSize = (links: MapLink[]) =>
		links.reduce((a, l) => a + 1 + (nestedOf.get(l.from)?.length ?? 0), 0);
	// A column: at least minItems, or a single piece of evidence with critique of it or of its
	// claim (as boxes of their own, the critique would take a place in the row under the evidence
	// or the claim and push that row apart).
	let critiqued = new Set<string>();
	const isColumn = (links: MapLink[]) =>
		columnSize(links) >= COLUMN.minItems ||
		critiqued.has(links[0]!.to) ||
		links.some((l) => critiqued.has(l.from));
	// Columns and critique beside their items decide each other: critique whose item does not end
	// up in a column is laid out on its own, which may take that item out of its column in turn.
	let groups = new Map<string, MapLink[]>();
	const sideColumn = new Map<string, string>();
	for (let settled = false; !settled;) {
		critiqued = new Set([...side].flatMap((c) => candidates.get(c)!.hosts));
		groups = new Map();
		for (const n of map.nodes) {
			if (nestedLeaf.has(n.id)) continue;
			const p = nestedOf.has(n.id) ? index.outgoing.get(n.id)![0]! : primary(n.id);
			if (!p) continue;
			const list = groups.get(p.to);
			if (list) list.push(p);
			else groups.set(p.to, [p]);
		}
		const itemColumn = new Map<string, string>();
		for (const [target, links] of groups)
			if (isColumn(links))
				for (const l of links) {
					itemColumn.set(l.from, target);
					for (const s of nestedOf.get(l.from) ?? []) itemColumn.set(s.from, target);
				}
		sideColumn.clear();
		const home = (id: string, depth = 0): string | undefined => {
			if (itemColumn.has(id)) return itemColumn.get(id);
			if (!side.has(id) || depth > 8) return undefined;
			// An objection to a claim with a column goes at the column's foot (see foot below).
			const { hosts, links } = candidates.get(id)!;
			const claim = hosts.length === 1 ? groups.get(hosts[0]!) : undefined;
			if (claim && isColumn(claim) && links.every((l) => l.to === hosts[0])) return hosts[0];
			const homes = new Set(candidates.get(id)!.hosts.map((h) => home(h, depth + 1)));
			return homes.size === 1 ? [...homes][0] : undefined;
		};
		settled = true;
		for (const id of side) {
			const at = home(id);
			if (at && besideOnly(index.incoming.get(id))) sideColumn.set(id, at);
			else {
				side.delete(id);
				settled = false;
			}
		}
	}

	const plan: LayoutPlan = {
		boxes,
		columns: new Map(),
		itemColumn: new Map(),
		junctions: new Map(),
		joins: [],
		edges: new Map(),
		folded: folding.counts
	};
	const children: ElkNode[] = [];
	const edges: ElkEdge[] = [];
	const hint = (id: string) => ({ 'elk.position': `(${(order.get(id) ?? 0) * 10},0)` });
	const columnLinks = new Set<string>();

	for (const [target, links] of groups) {
		if (!isColumn(links)) continue;
		// A column made for critique alone keeps the width of the box it replaces, its evidence
		// narrowed by the column's padding: a wider column moved its row over by 20 px.
		if (columnSize(links) < COLUMN.minItems)
			for (const l of links) {
				const box = boxes.get(l.from)!;
				boxes.set(l.from, measure(index.node.get(l.from)!, box.width - 2 * COLUMN.pad));
			}
		links.sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0));
		const id = colId(target);
		const items: string[] = [];
		const offsets = new Map<string, { x: number; y: number }>();
		const nested: { claim: string; links: string[] }[] = [];
		let y = COLUMN.pad + COLUMN.header;
		const beside = besideTrees(links, nestedOf, sideColumn, target, candidates, order);
		const sideEdges: SideEdge[] = [];
		const sideJunctions: { id: string; link: string; x: number; y: number }[] = [];
		// Critique no wider than the column's items, so the column keeps its width.
		const right = Math.max(
			...links.flatMap((l) => [
				COLUMN.pad + boxes.get(l.from)!.width,
				...(nestedOf.get(l.from) ?? []).map(
					(n) => COLUMN.pad + COLUMN.indent + boxes.get(n.from)!.width
				)
			])
		);
		const besideIds: string[] = [];
		const placeBelow = (host: string, x: number, top: number): number => {
			let bottom = top + boxes.get(host)!.height;
			for (const a of beside.get(host) ?? []) {
				const node = index.node.get(a)!;
				boxes.set(a, measure(node, Math.min(right - x, BOX.width[node.kind])));
				offsets.set(a, { x, y: bottom + SIDE.below });
				plan.itemColumn.set(a, id);
				besideIds.push(a);
				bottom = placeBelow(a, x, bottom + SIDE.below);
			}
			return bottom;
		};
		const place = (item: string, x: number) => {
			items.push(item);
			offsets.set(item, { x, y });
			// Critique of a sub-argument's claim goes below its indented evidence (see below).
			y = (nestedOf.has(item) ? y + boxes.get(item)!.height : placeBelow(item, x, y)) + COLUMN.gap;
			plan.itemColumn.set(item, id);
		};
		for (const l of links) {
			place(l.from, COLUMN.pad);
			columnLinks.add(l.id);
			const sub = nestedOf.get(l.from);
			if (!sub) continue;
			sub.sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0));
			for (const s of sub) {
				place(s.from, COLUMN.pad + COLUMN.indent);
				columnLinks.add(s.id);
			}
			nested.push({ claim: l.from, links: sub.map((s) => s.id) });
			const below = beside.get(l.from) ?? [];
			if (!below.length) continue;
			// Placed as if stacked right below the claim, then moved down under its evidence.
			const shift = y - COLUMN.gap - (offsets.get(l.from)!.y + boxes.get(l.from)!.height);
			const from = besideIds.length;
			y = placeBelow(l.from, COLUMN.pad, offsets.get(l.from)!.y) + shift + COLUMN.gap;
			for (const a of besideIds.slice(from)) offsets.get(a)!.y += shift;
		}
		// Objections to the claim itself, at the column's foot. Their lines are drawn alongside the
		// column's own once ELK has routed it (attach.ts footLine): an ELK edge of their own moved
		// the column sideways and its claim down (scripts/layout-picture.ts).
		const foot = beside.get(target) ?? [];
		for (const a of foot) {
			const node = index.node.get(a)!;
			boxes.set(a, measure(node, Math.min(right - COLUMN.pad, BOX.width[node.kind])));
			offsets.set(a, { x: COLUMN.pad, y: y + SIDE.below - COLUMN.gap });
			plan.itemColumn.set(a, id);
			besideIds.push(a);
			y = placeBelow(a, COLUMN.pad, y + SIDE.below - COLUMN.gap) + COLUMN.gap;
		}
		const width =
			Math.max(...[...items, ...besideIds].map((i) => offsets.get(i)!.x + boxes.get(i)!.width)) +
			COLUMN.pad;
		for (const a of besideIds)
			sideLines(
				a,
				candidates.get(a)!.links.filter((l) => l.to !== target),
				offsets,
				boxes,
				index,
				sideEdges,
				sideJunctions,
				JUNCTION_SIZE,
				width
			);
		// A collapsed column is just its caption; its items' other links leave from the column.
		const collapsed = view.collapsed?.includes(target) ?? false;
		const height = collapsed ? COLUMN.collapsedHeight : y - COLUMN.gap + COLUMN.pad;
		// Items with further links leave the column through a port beside them.
		const ports: ElkPort[] = items
			.filter((i) => !collapsed && (index.outgoing.get(i) ?? []).length > 1)
			.map((i) => ({
				id: portId(i),
				...portAt(width, offsets.get(i)!, boxes.get(i)!),
				width: 1,
				height: 1,
				layoutOptions: { 'elk.port.side': 'EAST' }
			}));
		children.push({
			id,
			width,
			height,
			ports,
			layoutOptions: {
				...hint(items[0]!),
				...(ports.length ? { 'elk.portConstraints': 'FIXED_POS' } : {})
			}
		});
		plan.columns.set(id, {
			target,
			items,
			links: links.map((l) => l.id),
			offsets,
			width,
			nested,
			collapsed,
			beside: besideIds,
			sideEdges,
			sideJunctions,
			foot: collapsed
				? []
				: foot.flatMap((a) => candidates.get(a)!.links.map((link) => ({ id: a, link })))
		});
		for (const e of sideEdges) columnLinks.add(e.link.id);
		// A folded column draws no foot: the objection's line leaves the column itself.
		if (!collapsed)
			for (const a of foot) for (const l of candidates.get(a)!.links) columnLinks.add(l.id);
	}

	for (const n of map.nodes) {
		if (plan.itemColumn.has(n.id)) continue;
		const b = boxes.get(n.id)!;
		children.push({ id: n.id, width: b.width, height: b.height, layoutOptions: hint(n.id) });
	}
	// An undercut drawn in a column ends at a junction there, not at one ELK places.
	const undercutOutside = new Set(
		map.links.filter((l) => l.relation === 'undercuts' && !columnLinks.has(l.id)).map((l) => l.to)
	);
	linkEdges(map, index, plan, undercutOutside, columnLinks, hint, children, edges);
	return { graph: { id: 'root', layoutOptions, children, edges }, plan };
}
