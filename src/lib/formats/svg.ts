/**
 * The map as it is shown, as one standalone SVG file: what the canvas draws (the same layout,
 * the same edge rules from layout/edges.ts and the same marks from layout/box.ts), with the
 * shipped Inter subsets embedded as data and every statement's words as `<text>`, so the file
 * can be searched, opened offline and put on a slide without the app.
 *
 * Paint is written as presentation attributes, not classes, so that renderers with little CSS
 * (resvg for PNG, svg-to-pdfkit for PDF) draw it as Chromium does. The colours are the
 * canvas's own: PAINT names each rule by the component's CSS selector, and svg.test.ts checks
 * every entry against the components' stylesheets, so screen and export cannot drift apart.
 *
 * Pure: no DOM, no disk. The fonts come in as base64 (server/fonts.ts reads them).
 */
import type { ArgumentMap, MapNode } from '../model/schema';
import { evaluate, type Evaluation, type Status } from '../model/evaluate';
import { indexMap, type MapIndex } from '../model/queries';
import {
	FLAG_ICON,
	STATUS_ICON,
	columnCaption,
	frameRadius,
	isInferred,
	nodeMarks,
	type BoxMarks,
	type Mark
} from '../layout/box';
import {
	END_MARKS,
	edgeColour,
	edgeInferred,
	edgeLabelAt,
	edgePath,
	edgeStroke,
	endMark,
	joinPath,
	type EndMark
} from '../layout/edges';
import type {
	MapLayout,
	PlacedColumn,
	PlacedEdge,
	PlacedJunction,
	PlacedNode
} from '../layout/types';

/** One shipped font file, embedded as an `@font-face` rule. */
export interface EmbeddedFont {
	weight: 400 | 600;
	/** The CSS `unicode-range` of the subset, as app.css gives it. */
	unicodeRange: string;
	/** The woff2 file, base64-encoded. */
	woff2: string;
}

export interface SvgOptions {
	/** The fonts to embed; without them the file names Inter and falls back to sans-serif. */
	fonts?: readonly EmbeddedFont[];
	/** Draw each statement's status ("As written" shows none). Default true. */
	showStatus?: boolean;
	/** The evaluation the statuses come from; computed from `map` when absent. */
	evaluation?: Evaluation;
	/** "Critique highlighted": the text's own statements and lines recede. */
	highlight?: boolean;
	/** The file's title (its `<title>`, read by screen readers and shown by viewers). */
	title?: string;
	/** Room around the map, in px. */
	padding?: number;
	/** The page colour under the map. */
	background?: string;
}

/** The CSS custom properties of app.css the components' colours name. */
export const COLOURS = {
	'--ink': '#1b2430',
	'--muted': '#5b6675',
	'--accent': '#1f5fbf',
	'--thesis': '#1f3a5f',
	'--support': '#2f7d4f',
	'--attack': '#c0392b',
	'--rebuttal': '#d9822b',
	'--reader': '#7048b6'
} as const;
const C = COLOURS;

type Paint = Readonly<Record<string, string>>;

/**
 * The canvas's paint, rule by rule, keyed by the selector the component's stylesheet uses
 * (MapNodeBox, NodeMarks, MapEdges, EvidenceColumns), with custom properties resolved.
 */
export const PAINT = {
	// MapNodeBox
	'.frame': { fill: '#fff', stroke: '#7b8794', 'stroke-width': '1.5' },
	'.header': { fill: C['--muted'], 'letter-spacing': '0' },
	'.body': { fill: C['--ink'] },
	'.thesis .frame': { fill: '#e7eef8', stroke: C['--thesis'], 'stroke-width': '3' },
	'.thesis .header': { fill: C['--thesis'] },
	'.claim .frame': { fill: '#fbfcfe', stroke: '#4a5a6e' },
	'.claim .header': { fill: '#2c4a73' },
	'.evidence .frame': { fill: '#fff', stroke: '#a3afbd', 'stroke-width': '1' },
	'.assumption .frame': { 'stroke-dasharray': '6 4', fill: '#fffdf4' },
	'.reader .frame': { stroke: C['--reader'], 'stroke-width': '2.5' },
	'.inferred .frame': { 'stroke-dasharray': '2 3', 'stroke-width': '1.75' },
	'.chip rect': { fill: '#e3f0e8', stroke: '#9cc7ab', 'stroke-width': '0.75' },
	'.chip text': { fill: '#1d5133' },
	// NodeMarks
	'.status rect': { 'stroke-width': '1' },
	'.status path': { fill: 'none', 'stroke-width': '1.8', 'stroke-linecap': 'round' },
	'.status.holds rect': { fill: '#e3f2e8', stroke: '#7fbf95' },
	'.status.holds path': { stroke: '#1b5e36' },
	'.status.holds text': { fill: '#1b5e36' },
	'.status.defeated rect': { fill: '#fbe5e2', stroke: '#e39b92' },
	'.status.defeated path': { stroke: C['--attack'] },
	'.status.defeated text': { fill: '#9c2419' },
	'.status.open rect': { fill: '#fff3d6', stroke: '#e3c06b' },
	'.status.open circle': { stroke: '#9a6b00' },
	'.status.open text': { fill: '#6e4a00' },
	'.status.unestablished rect': { fill: '#eef1f5', stroke: '#8794a6', 'stroke-dasharray': '3 2' },
	'.status.unestablished path': { stroke: '#3d4a5c' },
	'.status.unestablished text': { fill: '#3d4a5c' },
	'.author rect': { fill: '#f1ebfb', stroke: C['--reader'], 'stroke-width': '1' },
	'.author text': { fill: C['--reader'] },
	'.flagmark rect': { fill: '#fff', stroke: C['--rebuttal'], 'stroke-width': '1.5' },
	'.flagmark path': { fill: C['--rebuttal'], stroke: C['--rebuttal'], 'stroke-width': '1' },
	'.flagmark text': { fill: '#8a4b0c' },
	'.extra rect': { 'stroke-width': '1' },
	'.extra.good rect': { fill: '#e3f2e8', stroke: '#7fbf95' },
	'.extra.good text': { fill: '#1b5e36' },
	'.extra.bad rect': { fill: '#fbe5e2', stroke: '#e39b92' },
	'.extra.bad text': { fill: '#9c2419' },
	'.extra.warn rect': { fill: '#fff3d6', stroke: '#e3c06b' },
	'.extra.warn text': { fill: '#6e4a00' },
	'.extra.info rect': { fill: '#e8f0fb', stroke: '#8fb0e0' },
	'.extra.info text': { fill: C['--accent'] },
	// MapEdges
	'.edge': { fill: 'none', 'stroke-linejoin': 'round' },
	'.inferred-word': {
		'font-size': '10px',
		'font-weight': '600',
		'font-style': 'italic',
		fill: '#3d4a5c',
		stroke: '#fff',
		'stroke-width': '3px'
	},
	'.join': { fill: 'none', stroke: C['--ink'], 'stroke-width': '2.5', 'stroke-linecap': 'round' },
	'.junction': { fill: '#fff', stroke: C['--muted'], 'stroke-width': '2' },
	'.junction.undercut': { stroke: C['--attack'] },
	// EvidenceColumns
	'.column': { fill: '#eceff3', stroke: '#c9d1da', 'stroke-width': '1' },
	'.caption rect': { fill: 'transparent' },
	'.caption text': { fill: C['--muted'] }
} as const satisfies Record<string, Paint>;

type Rule = keyof typeof PAINT;

/** How much the text's own items recede when the critique is highlighted (MapCanvas, MapEdges, EvidenceColumns). */
export const RECEDE = { node: '0.45', edge: '0.35', column: '0.5' } as const;

const XML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};
/** Text made safe for XML content and attribute values (and stripped of characters XML forbids). */
export function xml(text: string): string {
	return (
		text
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
			.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
	);
}

/** Attributes from paint rules applied in cascade order (later rules win), plus extra ones. */
function attrs(
	rules: readonly (Rule | false | undefined)[],
	extra: Record<string, string | number | undefined> = {}
): string {
	const merged: Record<string, string | number | undefined> = {};
	for (const r of rules) if (r) Object.assign(merged, PAINT[r]);
	Object.assign(merged, extra);
	return Object.entries(merged)
		.filter(([k, v]) => v !== undefined && k !== 'letter-spacing')
		.map(([k, v]) => ` ${k}="${xml(String(v).replace(/px$/, ''))}"`)
		.join('');
}

const n = (v: number) => Math.round(v * 100) / 100;

/** The page `@font-face` rules and the text settings the layout measured with (app.css). */
function stylesheet(fonts: readonly EmbeddedFont[]): string {
	const faces = fonts
		.map(
			(f) =>
				`@font-face{font-family:'Inter Warrant';font-weight:${f.weight};src:url(data:font/woff2;base64,${f.woff2}) format('woff2');unicode-range:${f.unicodeRange}}`
		)
		.join('');
	return `<style>${faces}text{font-kerning:none;font-variant-ligatures:none;font-feature-settings:'kern' 0,'liga' 0,'calt' 0;text-rendering:geometricPrecision}</style>`;
}

function markers(): string {
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

function column(col: PlacedColumn, recede: boolean): string {
	return `<rect${attrs(['.column'], { x: n(col.x), y: n(col.y), width: n(col.width), height: n(col.height), rx: 8, opacity: recede ? RECEDE.column : undefined })}/>`;
}

/** The family a glyph Inter lacks is drawn from, as the canvas's fallback draws it here. */
const FALLBACK_FAMILY = "'Inter Warrant', 'DejaVu Sans', sans-serif";

function caption(col: PlacedColumn): string {
	// The fold arrow (▸ ▾) is not in Inter: name the fallback, so PDF and PNG find the glyph too.
	const caption = xml(columnCaption(col)).replace(
		/^[▸▾]/,
		(arrow) => `<tspan font-family="${FALLBACK_FAMILY}">${arrow}</tspan>`
	);
	return `<g transform="translate(${n(col.x)} ${n(col.y)})"><text${attrs(['.caption text'], { x: 10, y: 17, 'font-size': 11, 'font-weight': 600 })}>${caption}</text></g>`;
}

function edge(e: PlacedEdge, index: MapIndex, recede: boolean): string {
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
function inferredWord(e: PlacedEdge, index: MapIndex): string {
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

function junction(j: PlacedJunction): string {
	return `<circle${attrs(['.junction', j.kind !== 'co-premise' && '.junction.undercut'], { cx: n(j.x), cy: n(j.y), r: n(j.size / 2) })}/>`;
}

/** One small mark: its rectangle, an optional icon, its word. */
function mark(
	m: Mark,
	rules: { rect: Rule[]; text: Rule[]; icon?: string },
	rx: number,
	title?: string
): string {
	return (
		`<g transform="translate(${n(m.x)} ${n(m.y)})">` +
		(title ? `<title>${xml(title)}</title>` : '') +
		`<rect${attrs(rules.rect, { width: n(m.width), height: m.height, rx })}/>` +
		(rules.icon ?? '') +
		`<text${attrs(rules.text, { x: m.textX, y: m.textY, 'font-size': 10, 'font-weight': 600 })}>${xml(m.text)}</text></g>`
	);
}

function statusIcon(status: Status): string {
	const icon = STATUS_ICON[status];
	const rules: Rule[] = ['.status path', `.status.${status} path` as Rule];
	if ('path' in icon) return `<path${attrs(rules, { d: icon.path })}/>`;
	return `<circle${attrs(['.status path', '.status.open circle'], { cx: icon.cx, cy: icon.cy, r: icon.r })}/>`;
}

function marksOf(marks: BoxMarks): string {
	let out = '';
	if (marks.status) {
		const s = marks.status.status;
		out += mark(
			marks.status,
			{
				rect: ['.status rect', `.status.${s} rect` as Rule],
				text: [`.status.${s} text` as Rule],
				icon: statusIcon(s)
			},
			8
		);
	}
	if (marks.flags)
		out += mark(
			marks.flags,
			{
				rect: ['.flagmark rect'],
				text: ['.flagmark text'],
				icon: `<path${attrs(['.flagmark path'], { d: FLAG_ICON })}/>`
			},
			4
		);
	if (marks.author)
		out += mark(marks.author, { rect: ['.author rect'], text: ['.author text'] }, 8);
	for (const m of marks.extra)
		out += mark(
			m,
			{
				rect: ['.extra rect', `.extra.${m.tone} rect` as Rule],
				text: [`.extra.${m.tone} text` as Rule]
			},
			8,
			m.title
		);
	return out;
}

function statement(
	node: MapNode,
	placed: PlacedNode,
	status: Status | undefined,
	recede: boolean
): string {
	const box = placed.box;
	const reader = node.origin === 'reader';
	const kind = node.kind;
	const frame = attrs(
		[
			'.frame',
			`.${kind} .frame` as Rule,
			reader && '.reader .frame',
			isInferred(node) && '.inferred .frame'
		],
		{ width: n(box.width), height: n(box.height), rx: frameRadius(kind) }
	);
	const headerRules: Rule[] = ['.header'];
	if (kind === 'thesis' || kind === 'claim') headerRules.push(`.${kind} .header` as Rule);
	const header = `<text${attrs(headerRules, { x: box.header.x, y: box.header.y, 'font-size': box.headerStyle.size, 'font-weight': box.headerStyle.weight })}>${xml(box.header.text)}</text>`;
	const lines = box.lines
		.map((l) => `<tspan x="${n(l.x)}" y="${n(l.y)}">${xml(l.text)}</tspan>`)
		.join('');
	const body = `<text${attrs(['.body'], { 'font-size': box.bodyStyle.size, 'font-weight': box.bodyStyle.weight })}>${lines}</text>`;
	const chips = box.chips
		.map(
			(c) =>
				`<g transform="translate(${n(c.x)} ${n(c.y)})"><rect${attrs(['.chip rect'], { width: n(c.width), height: c.height, rx: c.height / 2 })}/><text${attrs(['.chip text'], { x: 6, y: c.height - 5, 'font-size': 11, 'font-weight': 600 })}>${xml(c.text)}</text></g>`
		)
		.join('');
	const title = reader ? `<title>Added by ${xml(node.author ?? 'a reader')}</title>` : '';
	const marks = marksOf(nodeMarks(node, box, { status, flagCount: node.flags?.length ?? 0 }));
	return `<g transform="translate(${n(placed.x)} ${n(placed.y)})" data-node-id="${xml(node.id)}"${recede ? ` opacity="${RECEDE.node}"` : ''}><rect${frame}/>${header}${body}${chips}${title}${marks}</g>`;
}

/** Room around the map in an export, in px, each side. */
export const PADDING = 24;

/** The size of the exported picture of a laid-out map, padding included. */
export function svgSize(layout: Pick<MapLayout, 'width' | 'height'>, padding = PADDING) {
	return { width: n(layout.width + 2 * padding), height: n(layout.height + 2 * padding) };
}

/** The map's title: its own, else its source's, else "Argument map". */
export function mapTitle(map: ArgumentMap): string {
	return map.title ?? map.source?.title ?? 'Argument map';
}

/**
 * The map as shown, as a standalone SVG document.
 * @example mapSvg(map, await layoutMap(map), { fonts: await embeddedFonts() })
 */
export function mapSvg(map: ArgumentMap, layout: MapLayout, options: SvgOptions = {}): string {
	const pad = options.padding ?? PADDING;
	const index = indexMap(map);
	const showStatus = options.showStatus ?? true;
	const evaluation = showStatus ? (options.evaluation ?? evaluate(map)) : undefined;
	const highlight = !!options.highlight;
	const { width, height } = svgSize(layout, pad);
	const title = options.title ?? mapTitle(map);
	const parts: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${-pad} ${-pad} ${width} ${height}" role="img" aria-labelledby="map-title" font-family="'Inter Warrant', Inter, sans-serif" font-kerning="none">`,
		`<title id="map-title">${xml(title)}</title>`,
		stylesheet(options.fonts ?? []),
		`<defs>${markers()}</defs>`,
		`<rect x="${-pad}" y="${-pad}" width="${width}" height="${height}" fill="${options.background ?? '#fff'}"/>`
	];
	for (const col of layout.columns) parts.push(column(col, highlight));
	for (const e of layout.edges) parts.push(edge(e, index, highlight));
	for (const e of layout.edges) parts.push(inferredWord(e, index));
	for (const j of layout.joins ?? [])
		parts.push(`<path${attrs(['.join'], { d: joinPath(j.segments) })}/>`);
	for (const j of layout.junctions) parts.push(junction(j));
	for (const node of map.nodes) {
		const placed = layout.nodes[node.id];
		if (!placed) continue;
		const status = evaluation?.nodes.get(node.id)?.status;
		parts.push(statement(node, placed, status, highlight && node.origin !== 'reader'));
	}
	for (const col of layout.columns) parts.push(caption(col));
	parts.push('</svg>');
	return parts.join('\n');
}
