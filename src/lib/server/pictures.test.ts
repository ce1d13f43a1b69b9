import { readFileSync } from 'node:fs';
// @ts-expect-error fontkit ships no types
import * as fontkit from 'fontkit';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { mapSvg } from '../formats/svg';
import { layoutMap } from '../layout/run';
import { loadMap } from '../../../tests/fixtures/load';
import {
	MAX_PIXELS,
	MAX_SIDE,
	SUBSETS,
	embeddedFonts,
	pngScale,
	svgToPdf,
	svgToPng,
	trueTypeFonts,
	woffToSfnt
} from './pictures';

describe('fonts for the pictures', () => {
	it('unpacks the WOFF subsets into TrueType with the widths of the woff2 the app ships', async () => {
		const woff = readFileSync('node_modules/@fontsource/inter/files/inter-latin-600-normal.woff');
		type Font = { familyName: string; layout(s: string): { advanceWidth: number } };
		const ttf: Font = fontkit.create(woffToSfnt(woff));
		const shipped: Font = fontkit.openSync('static/fonts/inter-latin-600-normal.woff2');
		expect(ttf.familyName).toMatch(/^Inter/);
		// The same widths as the font the layout measures with.
		const words = 'Mongolia’s 2023 budget: 2.6% of GDP — “deficits”';
		expect(ttf.layout(words).advanceWidth).toBe(shipped.layout(words).advanceWidth);
		expect(() => woffToSfnt(Buffer.from('not a font at all, just words'))).toThrow(/WOFF/);
		expect(await trueTypeFonts()).toHaveLength(4);
	});

	it('embeds the subsets with the unicode ranges app.css gives them', async () => {
		const css = readFileSync('src/app.css', 'utf8');
		const ranges = [...css.matchAll(/unicode-range:\s*([^;]+);/g)].map((m) =>
			m[1]!.replace(/\s+/g, ' ').trim()
		);
		for (const s of SUBSETS) expect(ranges).toContain(s.range);
		const fonts = await embeddedFonts();
		expect(fonts.map((f) => [f.weight, f.unicodeRange])).toEqual(
			[400, 600].flatMap((w) => SUBSETS.map((s) => [w, s.range]))
		);
	});
});

describe('PNG and PDF', () => {
	it('caps a PNG at Chromium’s side limit and a pixel budget', () => {
		expect(pngScale(1000, 800, 2)).toBe(2);
		expect(pngScale(20000, 1000, 3) * 20000).toBeLessThanOrEqual(MAX_SIDE);
		const k = pngScale(9000, 6000, 3);
		expect(9000 * k * 6000 * k).toBeLessThanOrEqual(MAX_PIXELS + 1);
		expect(k).toBeLessThan(3);
	});

	it('draws the article map as a PNG at the asked scale and as a one-page PDF', async () => {
		const map = loadMap('arguments/japan-mongolia.map.json');
		const layout = await layoutMap(map);
		const svg = mapSvg(map, layout, { fonts: await embeddedFonts() });
		const png = PNG.sync.read(await svgToPng(svg, 0.5));
		expect(png.width).toBe(Math.round((layout.width + 48) * 0.5));
		expect(png.height).toBe(Math.round((layout.height + 48) * 0.5));
		// Not blank: ink of the thesis colour somewhere.
		let dark = 0;
		for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 100) dark++;
		expect(dark).toBeGreaterThan(1000);

		const pdf = await svgToPdf(svg, {
			paper: 'letter',
			title: 'The title',
			source: 'Source: somewhere',
			width: layout.width + 48,
			height: layout.height + 48
		});
		const text = pdf.toString('latin1');
		expect(text.startsWith('%PDF-')).toBe(true);
		expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
		// Landscape letter: the map is wider than tall.
		expect(text).toMatch(/\/MediaBox \[0 0 792 612\]/);
		expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+Inter-SemiBold/);
	}, 20_000);
});
