/**
 * The lines of a map picture and what sits on them: the end marks, a link's line, the word
 * "inferred" on a line the text does not state, and the junctions, drawn by layout/edges.ts's rules.
 */
import type { MapIndex } from '../model/queries';
import {
	END_MARKS,
	edgeColour,
	edgeInferred,
	edgeLabelAt,
	edgePath,
	edgeStroke,
	endMark,
	type EndMark
} from '../layout/edges';
import type { PlacedEdge, PlacedJunction } from '../layout/types';
import { C, PAINT, RECEDE, attrs, n } from './svg-paint';

export function markers(): string {
	return (Object.keys(END_MARKS) as EndMark[])
		.map((k) => {
			const m = END_MARKS[k];
			const colour = C[edgeColour(k)];
			const shape =
				m.shape.kind === 'disc'
					? `<circle r="${m.shape.r}" fill="${colour}"/><path d="${m.shape.plus}" stroke="#fff" stroke-width="${m.shape.plusWidth}"/>`
					: `<rect x="${m.shape.x}" y="${m.shape.y}" width="${m.shape.width}" height="${m.shape.height}" fill="${colour}"/>`;
			return `<marker id="${m.id}" viewBox="${m.viewBox}" markerWidth="${m.width}" markerHeight="${m.height}" refX="0" refY="0" orient="auto" markerUnits="userSpaceOnUse">${shape}</marker>`;
		})
		.join('');
}

export function edge(e: PlacedEdge, index: MapIndex, recede: boolean): string {
	const inferred = edgeInferred(e, index);
	const s = edgeStroke(e, false, inferred);
	const mark = endMark(e);
	return `<path${attrs(['.edge'], {
		d: edgePath(e.points.map((p) => ({ x: n(p.x), y: n(p.y) }))),
		stroke: C[s.colour],
		'stroke-width': s.width,
		'stroke-dasharray': s.dash,
		'marker-end': mark && `url(#${END_MARKS[mark].id})`,
		opacity: recede && e.origin !== 'reader' ? RECEDE.edge : undefined
	})}/>`;
}

/**
 * The word "inferred" on a line the text does not state: a white halo under the word. Drawn as
 * two texts (halo, then word) rather than with paint-order, which PDF conversion ignores.
 */
export function inferredWord(e: PlacedEdge, index: MapIndex): string {
	const at = edgeInferred(e, index) ? edgeLabelAt(e.points) : undefined;
	if (!at) return '';
	const place = { x: n(at.x), y: n(at.y + 3.5), 'text-anchor': 'middle' };
	const { fill: _f, ...halo } = PAINT['.inferred-word'];
	const { stroke: _s, 'stroke-width': _w, ...word } = PAINT['.inferred-word'];
	return (
		`<text${attrs([], { ...halo, fill: 'none', ...place, 'aria-hidden': 'true', 'stroke-linejoin': 'round' })}>inferred</text>` +
		`<text${attrs([], { ...word, ...place })}>inferred</text>`
	);
}

export function junction(j: PlacedJunction): string {
	return `<circle${attrs(['.junction', j.kind !== 'co-premise' && '.junction.undercut'], { cx: n(j.x), cy: n(j.y), r: n(j.size / 2) })}/>`;
}
