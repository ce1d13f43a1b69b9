import type { Relation, Origin } from '../model/schema';
import type { BoxGeometry } from './box';

export interface Point {
	x: number;
	y: number;
}

export interface PlacedNode {
	id: string;
	x: number;
	y: number;
	width: number;
	height: number;
	box: BoxGeometry;
	/** Set when the node is drawn inside an evidence column. */
	column?: string;
	/** Set when the statement's subtree is folded away: how many statements it hides. */
	folded?: number;
}

/** A claim's leaf evidence, stacked as one list below it so the map keeps a screen's shape. */
export interface PlacedColumn {
	id: string;
	/** The claim the column's items support. */
	target: string;
	x: number;
	y: number;
	width: number;
	height: number;
	items: string[];
	/** The column's caption: "Evidence · 6". */
	label: string;
	/** Folded to its caption; its items are not placed. */
	collapsed: boolean;
	/** The links the column edge stands for (one per item). */
	links: string[];
	/** Objections to the column's claim, drawn at its foot: under its background, not in it. */
	foot?: string[];
}

export interface PlacedEdge {
	id: string;
	/** The map links this drawn edge stands for. */
	links: string[];
	relation: Relation;
	origin: Origin;
	/** True when the edge is an attack on an attack (drawn orange). */
	rebuttal: boolean;
	/** Where the edge ends: a node, a column or a junction. */
	to: string;
	/** For an undercut: the link whose junction it ends on. */
	undercuts?: string;
	/** The final segment ends at the target's boundary (the arrow end). */
	endsAtTarget: boolean;
	points: Point[];
}

export interface PlacedJunction {
	id: string;
	link: string;
	x: number;
	y: number;
	size: number;
	kind: 'undercut' | 'co-premise' | 'both';
}

export interface MapLayout {
	width: number;
	height: number;
	nodes: Record<string, PlacedNode>;
	columns: PlacedColumn[];
	edges: PlacedEdge[];
	junctions: PlacedJunction[];
	/** Brackets joining co-premises: short segments over the tops of a reason and its co-premises. */
	joins: { link: string; segments: [Point, Point][] }[];
}
