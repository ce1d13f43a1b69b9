/**
 * A map exported: /maps/ID/export/svg, png?scale=1|2|3, pdf?paper=a4|letter, md (the critical
 * summary) and outline.md. Pictures show the map as the canvas shows it; the view can be named
 * as the canvas has it: `layer=critique|written|highlight` (default critique), `stated=1` (in
 * "As written", the text's stated skeleton only) and `fold=ID,ID` or `fold=all` (evidence columns
 * folded to their captions). Everything is drawn here, on the server: nothing reaches the
 * client bundle.
 */
import { layoutMap } from '$lib/layout/run';
import { mapSvg, mapTitle, svgSize } from '$lib/formats/svg';
import { print as summary } from '$lib/formats/summary';
import { printMarkdown as outlineMarkdown } from '$lib/formats/outline';
import { asWritten, type Layer } from '$lib/model/layers';
import { evaluate } from '$lib/model/evaluate';
import type { ArgumentMap } from '$lib/model/schema';
import { loadMap } from '$lib/server/store';
import {
	PAPER,
	embeddedFonts,
	pngScale,
	svgToPdf,
	svgToPng,
	type Paper
} from '$lib/server/pictures';
import type { RequestHandler } from './$types';

const FORMATS = ['svg', 'png', 'pdf', 'md', 'outline.md'] as const;
type Format = (typeof FORMATS)[number];
const LAYERS: readonly Layer[] = ['critique', 'written', 'highlight'];
const SCALES = ['1', '2', '3'];

/** A refusal in one plain sentence (the link was followed by a person, not a program). */
function refuse(status: number, message: string): Response {
	return new Response(`${message}\n`, {
		status,
		headers: { 'Content-Type': 'text/plain; charset=utf-8' }
	});
}

/**
 * Whatever the map's id, a file name that is safe in a header, naming the variant asked for
 * (`-as-written`, `-letter`, `@2x` …) so two exports of one map do not overwrite each other.
 */
function fileName(id: string, format: Format, variant = ''): string {
	const ending = format === 'md' ? 'summary.md' : format;
	return `${id.replace(/[^A-Za-z0-9._-]/g, '_')}${variant}.${ending}`;
}

/** The part of a picture's file name that says which view it shows. */
function viewName(view: View): string {
	const layer =
		view.layer === 'written'
			? view.stated
				? '-stated'
				: '-as-written'
			: view.layer === 'highlight'
				? '-highlighted'
				: '';
	return `${layer}${view.fold === 'all' ? '-folded' : view.fold.length ? '-some-folded' : ''}`;
}

function download(body: BodyInit, type: string, name: string, extra: HeadersInit = {}): Response {
	return new Response(body, {
		headers: {
			'Content-Type': type,
			'Content-Disposition': `attachment; filename="${name}"`,
			'Cache-Control': 'no-cache',
			'X-Content-Type-Options': 'nosniff',
			...extra
		}
	});
}

/** "Source: title, author, publication, date, url", for the PDF's margin. */
function sourceLine(map: ArgumentMap): string {
	const s = map.source;
	if (!s) return 'Source: not given';
	return `Source: ${[`“${s.title}”`, s.author, s.publication, s.date, s.url].filter(Boolean).join(', ')}`;
}

interface View {
	layer: Layer;
	stated: boolean;
	fold: string[] | 'all';
}

/** The view the query names, or the sentence saying what is wrong with it. */
function viewOf(url: URL): View | string {
	const layer = url.searchParams.get('layer') ?? 'critique';
	if (!LAYERS.includes(layer as Layer))
		return `layer must be one of ${LAYERS.join(', ')}, not "${layer}".`;
	const stated = url.searchParams.get('stated');
	if (stated !== null && stated !== '1' && stated !== '0')
		return `stated must be 1 or 0, not "${stated}".`;
	const fold = url.searchParams.get('fold');
	return {
		layer: layer as Layer,
		stated: stated === '1',
		fold: fold === 'all' ? 'all' : (fold?.split(',').filter(Boolean) ?? [])
	};
}

/** The map as shown in `view`, laid out as the canvas lays it out, and drawn. */
async function picture(map: ArgumentMap, view: View) {
	const shown = view.layer === 'written' ? asWritten(map, { statedOnly: view.stated }) : map;
	let layout = await layoutMap(shown);
	const collapsed = view.fold === 'all' ? layout.columns.map((c) => c.target) : view.fold;
	if (collapsed.length) layout = await layoutMap(shown, {}, { collapsed });
	const svg = mapSvg(shown, layout, {
		fonts: await embeddedFonts(),
		showStatus: view.layer !== 'written',
		evaluation: view.layer === 'written' ? undefined : evaluate(map),
		highlight: view.layer === 'highlight',
		title: mapTitle(map)
	});
	return { svg, ...svgSize(layout) };
}

export const GET: RequestHandler = async ({ params, url }) => {
	const format = params.format as Format;
	if (!FORMATS.includes(format))
		return refuse(
			404,
			`There is no export called "${params.format}": ask for one of ${FORMATS.join(', ')}.`
		);
	const r = await loadMap(params.id);
	if (!r.ok)
		return r.status === 404
			? refuse(404, `There is no map called "${params.id}".`)
			: r.status === 400
				? refuse(400, `"${params.id}" is not a map id.`)
				: refuse(r.status, `The map file ${r.file} cannot be opened, so it cannot be exported.`);
	const map = r.map;

	if (format === 'md')
		return download(summary(map), 'text/markdown; charset=utf-8', fileName(r.id, format));
	if (format === 'outline.md')
		return download(outlineMarkdown(map), 'text/markdown; charset=utf-8', fileName(r.id, format));

	const view = viewOf(url);
	if (typeof view === 'string') return refuse(400, view);

	if (format === 'svg') {
		const { svg } = await picture(map, view);
		return download(svg, 'image/svg+xml; charset=utf-8', fileName(r.id, format, viewName(view)));
	}
	if (format === 'png') {
		const asked = url.searchParams.get('scale') ?? '1';
		if (!SCALES.includes(asked)) return refuse(400, `scale must be 1, 2 or 3, not "${asked}".`);
		const { svg, width, height } = await picture(map, view);
		// Within Chromium's 32,767 px a side and a pixel budget: a huge map comes out smaller.
		const scale = pngScale(width, height, Number(asked));
		const png = await svgToPng(svg, scale);
		const at = asked === '1' ? '' : `@${asked}x`;
		return download(new Uint8Array(png), 'image/png', fileName(r.id, format, viewName(view) + at), {
			'X-Warrant-Scale': String(Math.round(scale * 1000) / 1000)
		});
	}
	const paper = url.searchParams.get('paper') ?? 'a4';
	if (!(paper in PAPER)) return refuse(400, `paper must be a4 or letter, not "${paper}".`);
	const { svg, width, height } = await picture(map, view);
	const pdf = await svgToPdf(svg, {
		paper: paper as Paper,
		title: mapTitle(map),
		source: sourceLine(map),
		width,
		height
	});
	const sheet = paper === 'a4' ? '' : `-${paper}`;
	return download(
		new Uint8Array(pdf),
		'application/pdf',
		fileName(r.id, format, viewName(view) + sheet)
	);
};
