/**
 * The shapes to-elk.ts hands on: the ELK graph it builds, and the plan that says what each ELK
 * element stands for, so from-elk.ts can read positions back into map terms.
 */
import type { MapLink } from '../model/schema';
import type { BoxGeometry } from './box';

export interface ElkPort {
	id: string;
	x: number;
	y: number;
	width: number;
	height: number;
	layoutOptions?: Record<string, string>;
}
export interface ElkNode {
	id: string;
	x?: number;
	y?: number;
	width: number;
	height: number;
	ports?: ElkPort[];
	layoutOptions?: Record<string, string>;
}
export interface ElkEdge {
	id: string;
	sources: string[];
	targets: string[];
	layoutOptions?: Record<string, string>;
}
export interface ElkGraph {
	id: string;
	layoutOptions: Record<string, string>;
	children: ElkNode[];
	edges: ElkEdge[];
}

/** What each ELK element stands for, so positions can be read back into map terms. */
export interface LayoutPlan {
	boxes: Map<string, BoxGeometry>;
	columns: Map<
		string,
		{
			target: string;
			items: string[];
			links: string[];
			/** Item positions inside the column. */
			offsets: Map<string, { x: number; y: number }>;
			width: number;
			/** Sub-arguments stacked in the column: a claim and the links of its indented evidence. */
			nested: { claim: string; links: string[] }[];
			/** Folded to its caption: the items are not drawn. */
			collapsed: boolean;
			/** Critique drawn beside the item it is about (attach.ts), with its lines and junctions. */
			beside: string[];
			sideEdges: SideEdge[];
			sideJunctions: { id: string; link: string; x: number; y: number }[];
			/** Objections to the column's claim stacked at its foot, and their links to the claim. */
			foot: { id: string; link: MapLink }[];
		}
	>;
	/** column item id → column id */
	itemColumn: Map<string, string>;
	junctions: Map<string, { link: string; kind: 'undercut' | 'co-premise' | 'both' }>;
	/** Co-premises drawn side by side: the reason and its co-premises, joined by a bracket. */
	joins: { link: string; members: string[] }[];
	edges: Map<
		string,
		{ links: string[]; link: MapLink; to: string; endsAtTarget: boolean; undercuts?: string }
	>;
	/** Folded statements drawn → how many statements are hidden under each (folding.ts). */
	folded: Map<string, number>;
}

/** A line between critique and the column item it is about, in column coordinates. */
export interface SideEdge {
	id: string;
	link: MapLink;
	to: string;
	endsAtTarget: boolean;
	points: { x: number; y: number }[];
}

export const colId = (target: string) => `col--${target}`;
export const junctionId = (link: string) => `j--${link}`;
export const portId = (item: string) => `p--${item}`;

/** How the reader asked to see the map: which evidence columns and subtrees are folded away. */
export interface LayoutView {
	/** Ids of the claims whose evidence column is collapsed. */
	collapsed?: readonly string[];
	/** Ids of the statements whose subtrees are folded: drawn with "+N hidden", without them. */
	folded?: readonly string[];
}
