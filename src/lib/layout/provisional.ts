/**
 * Paint first, settle after. A statement just added is drawn at once where it most likely
 * stays, from geometry already known (the last layout): appended to its parent's column, or in
 * its parent's row of reasons beside the last sibling, or under its parent. The worker's full
 * layout follows and moves only what must move (`keepUnchanged` hands the canvas the very same
 * objects for what did not move, so nothing else is redrawn or animated).
 */
import type { MapLink } from '../model/schema';
import type { MapIndex } from '../model/queries';
import { measureBox, type BoxGeometry, type Chip, type TextLine } from './box';
import { COLUMN } from './options';
import type {
	MapLayout,
	PlacedColumn,
	PlacedEdge,
	PlacedJunction,
	PlacedNode,
	Point
} from './types';

/** Room between a statement and the row of its reasons, and between siblings in a row. */
export const PROVISIONAL = { rowGap: 48, siblingGap: 24 } as const;

/** The statement `id`'s parent in the drawing: what its first link leads to, as a node. */
function anchorOf(index: MapIndex, id: string): { link: MapLink; parent: string } | undefined {
	const link = index.outgoing.get(id)?.[0];
	if (!link) return undefined;
	if (index.node.has(link.to)) return { link, parent: link.to };
	// An undercut ends on a link: its place is by the link's reason.
	const attacked = index.link.get(link.to);
	return attacked && { link, parent: attacked.from };
}

/**
 * `layout` with statement `id` (just added, absent from `layout`) placed where it most likely
 * goes, or undefined when there is nothing to place it by (its parent is not drawn, or it has no
 * link): then the worker's layout is waited for.
 */
export function withProvisional(
	layout: MapLayout,
	index: MapIndex,
	id: string
): MapLayout | undefined {
	const node = index.node.get(id);
	const anchor = anchorOf(index, id);
	if (!node || !anchor || layout.nodes[id]) return undefined;
	const parent = layout.nodes[anchor.parent];
	if (!parent) return undefined;
	const box = measureBox(node);
	const column = layout.columns.find((c) => c.target === anchor.parent && !c.collapsed);
	let placed: PlacedNode;
	let { columns, edges } = layout;
	if (column) {
		// The column grows at its foot by one item; its one line to the claim stands for it too.
		const items = column.items.map((i) => layout.nodes[i]).filter((n): n is PlacedNode => !!n);
		const foot = Math.max(column.y + COLUMN.header, ...items.map((n) => n.y + n.height));
		placed = {
			id,
			x: column.x + COLUMN.pad,
			y: foot + COLUMN.gap,
			...size(box),
			column: column.id
		};
		const grown = {
			...column,
			height: placed.y + box.height + COLUMN.pad - column.y,
			items: [...column.items, id],
			links: [...column.links, anchor.link.id]
		};
		columns = columns.map((c) => (c === column ? grown : c));
	} else {
		// Beside the last sibling already drawn in the parent's row of reasons, else under it.
		const siblings = (index.incoming.get(anchor.parent) ?? [])
			.map((l) => (l.from === id ? undefined : layout.nodes[l.from]))
			.filter((n): n is PlacedNode => !!n && !n.column && n.y > parent.y);
		const last = siblings.reduce<PlacedNode | undefined>(
			(a, n) => (!a || n.x + n.width > a.x + a.width ? n : a),
			undefined
		);
		placed = {
			id,
			x: last ? last.x + last.width + PROVISIONAL.siblingGap : parent.x,
			y: last ? last.y : parent.y + parent.height + PROVISIONAL.rowGap,
			...size(box)
		};
		// An elbow up to the parent, until the layout draws the real line.
		const from = { x: placed.x + placed.width / 2, y: placed.y };
		const to = { x: parent.x + parent.width / 2, y: parent.y + parent.height };
		const midY = (from.y + to.y) / 2;
		const l = anchor.link;
		const edge: PlacedEdge = {
			id: `provisional:${l.id}`,
			links: [l.id],
			relation: l.relation,
			origin: l.origin,
			rebuttal: false,
			to: anchor.parent,
			endsAtTarget: true,
			points: [from, { x: from.x, y: midY }, { x: to.x, y: midY }, to]
		};
		edges = [...edges, edge];
	}
	return {
		...layout,
		width: Math.max(layout.width, placed.x + placed.width),
		height: Math.max(layout.height, placed.y + placed.height),
		nodes: { ...layout.nodes, [id]: placed },
		columns,
		edges
	};
}

const size = (box: BoxGeometry) => ({ width: box.width, height: box.height, box });

const sameList = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean) =>
	a.length === b.length && a.every((x, i) => same(x, b[i]!));
const samePoint = (a: Point, b: Point) => a.x === b.x && a.y === b.y;
const sameLine = (a: TextLine, b: TextLine) =>
	a.text === b.text && a.x === b.x && a.y === b.y && a.width === b.width;
const sameChip = (a: Chip, b: Chip) => sameLine(a, b) && a.height === b.height;
const is = <T>(a: T, b: T) => a === b;

function sameBox(a: BoxGeometry, b: BoxGeometry): boolean {
	return (
		a.width === b.width &&
		a.height === b.height &&
		sameLine(a.header, b.header) &&
		a.bodyStyle.size === b.bodyStyle.size &&
		a.bodyStyle.weight === b.bodyStyle.weight &&
		sameList(a.lines, b.lines, sameLine) &&
		sameList(a.chips, b.chips, sameChip)
	);
}

function sameNode(a: PlacedNode, b: PlacedNode): boolean {
	return (
		a.x === b.x &&
		a.y === b.y &&
		a.width === b.width &&
		a.height === b.height &&
		a.column === b.column &&
		a.folded === b.folded &&
		(a.box === b.box || sameBox(a.box, b.box))
	);
}

function sameEdge(a: PlacedEdge, b: PlacedEdge): boolean {
	return (
		a.id === b.id &&
		a.relation === b.relation &&
		a.origin === b.origin &&
		a.rebuttal === b.rebuttal &&
		a.to === b.to &&
		a.undercuts === b.undercuts &&
		a.endsAtTarget === b.endsAtTarget &&
		sameList(a.links, b.links, is) &&
		sameList(a.points, b.points, samePoint)
	);
}

function sameColumn(a: PlacedColumn, b: PlacedColumn): boolean {
	return (
		a.id === b.id &&
		a.target === b.target &&
		a.x === b.x &&
		a.y === b.y &&
		a.width === b.width &&
		a.height === b.height &&
		a.label === b.label &&
		a.collapsed === b.collapsed &&
		sameList(a.items, b.items, is) &&
		sameList(a.links, b.links, is)
	);
}

function sameJunction(a: PlacedJunction, b: PlacedJunction): boolean {
	return (
		a.id === b.id &&
		a.link === b.link &&
		a.x === b.x &&
		a.y === b.y &&
		a.size === b.size &&
		a.kind === b.kind
	);
}

/** `next`'s items, each replaced by `prev`'s when equal, matched by id. */
function reuse<T extends { id: string }>(
	prev: readonly T[],
	next: T[],
	same: (a: T, b: T) => boolean
) {
	const old = new Map(prev.map((x) => [x.id, x]));
	let changed = prev.length !== next.length;
	const out = next.map((x, i) => {
		const p = old.get(x.id);
		const kept = p && same(p, x) ? p : x;
		if (kept !== prev[i]) changed = true;
		return kept;
	});
	return changed ? out : (prev as T[]);
}

/**
 * `next`, sharing with `prev` every box, line, column and junction that did not change, so
 * that the canvas redraws (and animates) only what moved. `prev` itself when nothing changed.
 */
export function keepUnchanged(prev: MapLayout, next: MapLayout): MapLayout {
	const nodes: Record<string, PlacedNode> = {};
	let moved = Object.keys(prev.nodes).length !== Object.keys(next.nodes).length;
	for (const [id, n] of Object.entries(next.nodes)) {
		const p = prev.nodes[id];
		// A box that only moved keeps its geometry object: its text is not drawn again.
		const kept = !p ? n : sameNode(p, n) ? p : sameBox(p.box, n.box) ? { ...n, box: p.box } : n;
		if (kept !== p) moved = true;
		nodes[id] = kept;
	}
	const edges = reuse(prev.edges, next.edges, sameEdge);
	const columns = reuse(prev.columns, next.columns, sameColumn);
	const junctions = reuse(prev.junctions, next.junctions, sameJunction);
	const joins = JSON.stringify(prev.joins) === JSON.stringify(next.joins) ? prev.joins : next.joins;
	const changed =
		moved ||
		edges !== prev.edges ||
		columns !== prev.columns ||
		junctions !== prev.junctions ||
		joins !== prev.joins ||
		prev.width !== next.width ||
		prev.height !== next.height;
	if (!changed) return prev;
	return { ...next, nodes: moved ? nodes : prev.nodes, edges, columns, junctions, joins };
}
