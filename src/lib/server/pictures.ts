/**
 * Pictures of a map, server side: the fonts the SVG embeds (read from disk once), PNG through
 * resvg and vector PDF through pdfkit + svg-to-pdfkit. formats/svg.ts draws; this module only
 * reads font files and hands the drawing to the rasteriser or the PDF writer.
 *
 * resvg and pdfkit do not read `@font-face` data or woff2, so they get Inter as TrueType,
 * unpacked from the WOFF (1.0) files of the same subsets (@fontsource/inter ships both).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { EmbeddedFont } from '../formats/svg';

/** The subsets app.css declares, with its unicode ranges (svg.test.ts checks they agree). */
export const SUBSETS = [
	{
		name: 'latin',
		range:
			'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD'
	},
	{
		name: 'latin-ext',
		range:
			'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF'
	}
] as const;
const WEIGHTS = [400, 600] as const;

/** A system font with the shapes Inter lacks (the ▸ ▾ of a column caption); absent is fine. */
const FALLBACK_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

function fontsourceDir(): string {
	const require = createRequire(import.meta.url);
	return join(dirname(require.resolve('@fontsource/inter/package.json')), 'files');
}

/** The shipped woff2 files: static/fonts/ in the repository, client/fonts/ in a build. */
function staticFontsDir(): string {
	for (const dir of [
		join(process.cwd(), 'static', 'fonts'),
		join(process.cwd(), 'build', 'client', 'fonts')
	])
		if (existsSync(dir)) return dir;
	return join(fontsourceDir());
}

let embedded: Promise<EmbeddedFont[]> | undefined;
/** The Inter subsets as the SVG embeds them (read once). */
export function embeddedFonts(): Promise<EmbeddedFont[]> {
	embedded ??= Promise.all(
		WEIGHTS.flatMap((weight) =>
			SUBSETS.map(async (s) => ({
				weight,
				unicodeRange: s.range,
				woff2: (
					await readFile(join(staticFontsDir(), `inter-${s.name}-${weight}-normal.woff2`))
				).toString('base64')
			}))
		)
	);
	return embedded;
}

/**
 * A WOFF 1.0 file unpacked to the TrueType/OpenType font it wraps (each table inflated with
 * zlib, the table directory rewritten with sfnt offsets).
 */
export function woffToSfnt(woff: Buffer): Buffer {
	if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF file');
	const flavor = woff.readUInt32BE(4);
	const count = woff.readUInt16BE(12);
	const tables = Array.from({ length: count }, (_, i) => {
		const at = 44 + i * 20;
		const offset = woff.readUInt32BE(at + 4);
		const compLength = woff.readUInt32BE(at + 8);
		const origLength = woff.readUInt32BE(at + 12);
		const raw = woff.subarray(offset, offset + compLength);
		return {
			tag: woff.readUInt32BE(at),
			checksum: woff.readUInt32BE(at + 16),
			data: compLength < origLength ? inflateSync(raw) : raw
		};
	});
	const entrySelector = Math.floor(Math.log2(count));
	const searchRange = 2 ** entrySelector * 16;
	const head = Buffer.alloc(12 + 16 * count);
	head.writeUInt32BE(flavor, 0);
	head.writeUInt16BE(count, 4);
	head.writeUInt16BE(searchRange, 6);
	head.writeUInt16BE(entrySelector, 8);
	head.writeUInt16BE(count * 16 - searchRange, 10);
	const bodies: Buffer[] = [];
	let offset = head.length;
	tables.forEach((t, i) => {
		head.writeUInt32BE(t.tag, 12 + i * 16);
		head.writeUInt32BE(t.checksum, 16 + i * 16);
		head.writeUInt32BE(offset, 20 + i * 16);
		head.writeUInt32BE(t.data.length, 24 + i * 16);
		const padded = Buffer.alloc((t.data.length + 3) & ~3);
		t.data.copy(padded);
		bodies.push(padded);
		offset += padded.length;
	});
	return Buffer.concat([head, ...bodies]);
}

interface TrueTypeFont {
	weight: 400 | 600;
	subset: (typeof SUBSETS)[number]['name'];
	data: Buffer;
}
let trueType: Promise<(TrueTypeFont & { file: string })[]> | undefined;
/**
 * Inter as TrueType, for resvg and pdfkit (read and unpacked once, and written to a temporary
 * folder, since resvg reads fonts from files).
 */
export function trueTypeFonts(): Promise<(TrueTypeFont & { file: string })[]> {
	trueType ??= (async () => {
		const dir = await mkdtemp(join(tmpdir(), 'warrant-fonts-'));
		return Promise.all(
			WEIGHTS.flatMap((weight) =>
				SUBSETS.map(async (s) => {
					const name = `inter-${s.name}-${weight}-normal`;
					const data = woffToSfnt(await readFile(join(fontsourceDir(), `${name}.woff`)));
					const file = join(dir, `${name}.ttf`);
					await writeFile(file, data);
					return { weight, subset: s.name, data, file };
				})
			)
		);
	})();
	return trueType;
}

/** Chromium's canvas limit, a side; PNGs stay within it. */
export const MAX_SIDE = 32767;
/**
 * At most this many pixels in one PNG (about 600 MB while it is drawn): the article map at 3×
 * (about 124 Mpx) fits; a much larger map comes out at a lower scale.
 */
export const MAX_PIXELS = 150_000_000;

/** The scale a PNG of a `width`×`height` picture is drawn at: the asked one, lowered to fit the caps. */
export function pngScale(width: number, height: number, asked: number): number {
	const side = MAX_SIDE / Math.max(width, height);
	const area = Math.sqrt(MAX_PIXELS / (width * height));
	return Math.min(asked, side, area);
}

/** An SVG drawn as a PNG at `scale` (already capped by pngScale). */
export async function svgToPng(svg: string, scale: number): Promise<Buffer> {
	const { Resvg } = await import('@resvg/resvg-js');
	const fonts = await trueTypeFonts();
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: scale },
		font: {
			fontFiles: [
				...fonts.map((f) => f.file),
				...(existsSync(FALLBACK_FONT) ? [FALLBACK_FONT] : [])
			],
			loadSystemFonts: false,
			defaultFontFamily: 'Inter',
			sansSerifFamily: 'Inter'
		},
		shapeRendering: 2,
		textRendering: 1
	});
	return resvg.render().asPng();
}

/** Paper sizes in PDF points (1/72 in). */
export const PAPER = {
	a4: { width: 595.28, height: 841.89 },
	letter: { width: 612, height: 792 }
} as const;
export type Paper = keyof typeof PAPER;

export interface PdfPage {
	paper: Paper;
	/** The heading in the top margin. */
	title: string;
	/** Where the map comes from, in the bottom margin: "Source: …". */
	source: string;
	/** The picture's size in px (its viewBox), to fit it on the page. */
	width: number;
	height: number;
}

/**
 * A one-page vector PDF: the map fitted to the paper (turned to landscape when it is wider than
 * tall), the title above it and the source below, in Inter with the text selectable.
 */
export async function svgToPdf(svg: string, page: PdfPage): Promise<Buffer> {
	const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([
		import('pdfkit'),
		import('svg-to-pdfkit')
	]);
	const fonts = await trueTypeFonts();
	const paper = PAPER[page.paper];
	const landscape = page.width > page.height;
	const [pw, ph] = landscape ? [paper.height, paper.width] : [paper.width, paper.height];
	const margin = 36;
	const doc = new PDFDocument({
		size: [pw, ph],
		// Everything is placed by hand: with margins, pdfkit would start a page for the footer.
		margin: 0,
		info: { Title: page.title, Creator: 'Warrant' },
		autoFirstPage: true
	});
	const latin = (w: 400 | 600) => fonts.find((f) => f.weight === w && f.subset === 'latin')!.data;
	doc.registerFont('Inter', latin(400));
	doc.registerFont('Inter-SemiBold', latin(600));
	const fallback = existsSync(FALLBACK_FONT);
	if (fallback) doc.registerFont('Fallback', FALLBACK_FONT);
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((ok) => doc.on('end', () => ok(Buffer.concat(chunks))));

	const inner = pw - 2 * margin;
	doc.font('Inter-SemiBold').fontSize(14).fillColor('#1b2430');
	doc.text(page.title, margin, margin - 14, { width: inner, lineBreak: false, ellipsis: true });
	doc.font('Inter').fontSize(8.5).fillColor('#5b6675');
	doc.text(page.source, margin, ph - margin + 6, {
		width: inner,
		lineBreak: false,
		ellipsis: true
	});

	const top = margin + 12;
	const room = { width: inner, height: ph - top - margin };
	const k = Math.min(room.width / page.width, room.height / page.height);
	const w = page.width * k;
	const h = page.height * k;
	SVGtoPDF(doc, svg, margin + (room.width - w) / 2, top + (room.height - h) / 2, {
		width: w,
		height: h,
		preserveAspectRatio: 'xMidYMid meet',
		fontCallback: (family: string, bold: boolean) =>
			fallback && family.includes('DejaVu') ? 'Fallback' : bold ? 'Inter-SemiBold' : 'Inter'
	});
	doc.end();
	return done;
}
