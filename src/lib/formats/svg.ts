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
import type { ArgumentMap } from '../model/schema';
import { evaluate, type Evaluation } from '../model/evaluate';
import { indexMap, nameInMap } from '../model/queries';
import { columnCaption } from '../layout/box';
import { joinPath } from '../layout/edges';
import type { MapLayout, PlacedColumn } from '../layout/types';
import { RECEDE, attrs, n, xml } from './svg-paint';
import { edge, inferredWord, junction, markers } from './svg-lines';
import { statement } from './svg-statement';

export { COLOURS, PAINT, RECEDE, xml } from './svg-paint';

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
		const name = nameInMap(index, node);
		parts.push(statement(node, placed, name, status, highlight && node.origin !== 'reader'));
	}
	for (const col of layout.columns) parts.push(caption(col));
	parts.push('</svg>');
	return parts.join('\n');
}
