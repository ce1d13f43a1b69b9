/**
 * How a placed edge is drawn: the kind of line, its end mark, its path and its colour. Pure,
 * so that the canvas and an SVG export draw the same lines (DESIGN.md §5: colour plus shape,
 * never colour alone).
 */
import type { MapIndex } from '../model/queries';
import type { PlacedEdge, Point } from './types';

/** The four kinds of line a reader tells apart. */
export type EdgeKind = 'support' | 'attack' | 'rebuttal' | 'undercut';
/** The mark at a line's end: a "+" disc for support, a bar for an attack (orange on a rebuttal). */
export type EndMark = 'support' | 'attack' | 'rebuttal';

type EdgeFacts = Pick<PlacedEdge, 'relation' | 'rebuttal'>;

/** Which kind of line an edge is. An undercut stays an undercut even when it attacks an objection. */
export function edgeKind(e: EdgeFacts): EdgeKind {
	if (e.relation === 'undercuts') return 'undercut';
	if (e.rebuttal) return 'rebuttal';
	return e.relation === 'attacks' ? 'attack' : 'support';
}

/**
 * The mark drawn at the edge's end, or none when the line stops short of its target (a line
 * into a junction or a column carries its mark elsewhere). An undercut ends in a red bar.
 */
export function endMark(e: EdgeFacts & Pick<PlacedEdge, 'endsAtTarget'>): EndMark | undefined {
	if (!e.endsAtTarget) return undefined;
	if (e.relation === 'supports') return 'support';
	return e.relation === 'attacks' && e.rebuttal ? 'rebuttal' : 'attack';
}

/** The CSS custom property (defined in app.css) that colours a line or mark. */
export function edgeColour(kind: EdgeKind | EndMark): '--support' | '--attack' | '--rebuttal' {
	return kind === 'support' ? '--support' : kind === 'rebuttal' ? '--rebuttal' : '--attack';
}

/**
 * The dash pattern of a line, if it is dashed: undercuts are, so they never read as attacks;
 * a step the text does not state (inferred) is dotted, and an inferred undercut is both.
 */
export function edgeDash(kind: EdgeKind, inferred = false): string | undefined {
	if (kind === 'undercut') return inferred ? '7 3 2 3' : '7 5';
	return inferred ? '2 4' : undefined;
}

/**
 * True when every link a drawn line stands for is the text's and inferred, not stated (a
 * column's line with one stated link among inferred ones is drawn as stated).
 */
export function edgeInferred(e: Pick<PlacedEdge, 'links'>, index: MapIndex): boolean {
	return (
		e.links.length > 0 &&
		e.links.every((id) => {
			const l = index.link.get(id);
			return l?.origin === 'source' && l.inText === 'inferred';
		})
	);
}

/** Where a word on a line goes: the middle of its longest segment (away from the boxes). */
export function edgeLabelAt(points: readonly Point[]): Point | undefined {
	let best: { at: Point; length: number } | undefined;
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1]!;
		const b = points[i]!;
		const length = Math.hypot(b.x - a.x, b.y - a.y);
		if (!best || length > best.length)
			best = { at: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, length };
	}
	// A word needs about 50 px of line to sit on.
	return best && best.length >= 50 ? best.at : undefined;
}

/** An SVG path through the points: `M x y L x y …`. */
export function edgePath(points: readonly Point[]): string {
	return points.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' ');
}

/** The co-premise bracket: separate strokes, one per segment. */
export function joinPath(segments: readonly (readonly [Point, Point])[]): string {
	return segments.map(([a, b]) => `M${a.x} ${a.y}L${b.x} ${b.y}`).join('');
}

/**
 * The statement a drawn line starts from. A column's line stands for several links: it is
 * taken to start at the claim the column supports.
 */
export function edgeSource(e: Pick<PlacedEdge, 'links' | 'to'>, index: MapIndex): string {
	const l = e.links.length === 1 ? index.link.get(e.links[0]!) : undefined;
	return l?.from ?? e.to;
}

/** True when the line runs into or out of statement `id` (drawn stronger when it is selected). */
export function touches(e: Pick<PlacedEdge, 'links' | 'to'>, id: string, index: MapIndex): boolean {
	return e.to === id || e.links.some((l) => index.link.get(l)?.from === id);
}

/**
 * Line widths in px: reader-added lines are heavier, lines at the selected statement more so,
 * and the selected link's line most (drawn over a halo).
 */
export const EDGE_WIDTH = { base: 2, reader: 2.5, active: 3.5, chosen: 4.5 } as const;

/** Everything needed to stroke an edge's line. */
export interface EdgeStroke {
	kind: EdgeKind;
	/** A CSS custom property name, e.g. `--support`: draw with `var(${colour})`. */
	colour: ReturnType<typeof edgeColour>;
	width: number;
	dash?: string;
}

/** How to stroke an edge; `active` when it touches the selected statement. */
export function edgeStroke(
	e: EdgeFacts & Pick<PlacedEdge, 'origin'>,
	active = false,
	inferred = false
): EdgeStroke {
	const kind = edgeKind(e);
	const width = active
		? EDGE_WIDTH.active
		: e.origin === 'reader'
			? EDGE_WIDTH.reader
			: EDGE_WIDTH.base;
	return { kind, colour: edgeColour(kind), width, dash: edgeDash(kind, inferred) };
}

/** The shape inside an end mark: a disc with a white "+", or a bar across the line. */
export type EndMarkShape =
	| { kind: 'disc'; r: number; plus: string; plusWidth: number }
	| { kind: 'bar'; x: number; y: number; width: number; height: number };

/**
 * The end marks as SVG `<marker>` definitions in user-space units: the line ends at 0,0 and
 * runs along +x. `id` is what a line's `marker-end="url(#…)"` names.
 */
export const END_MARKS: Record<
	EndMark,
	{ id: string; viewBox: string; width: number; height: number; shape: EndMarkShape }
> = {
	support: {
		id: 'end-support',
		viewBox: '-7 -7 14 14',
		width: 14,
		height: 14,
		shape: { kind: 'disc', r: 6, plus: 'M-3.5 0H3.5M0 -3.5V3.5', plusWidth: 1.8 }
	},
	attack: {
		id: 'end-attack',
		viewBox: '-2 -8 4 16',
		width: 4,
		height: 16,
		shape: { kind: 'bar', x: -2, y: -7, width: 3.5, height: 14 }
	},
	rebuttal: {
		id: 'end-rebuttal',
		viewBox: '-2 -8 4 16',
		width: 4,
		height: 16,
		shape: { kind: 'bar', x: -2, y: -7, width: 3.5, height: 14 }
	}
};
