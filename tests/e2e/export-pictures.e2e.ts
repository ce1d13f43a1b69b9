/**
 * The map's pictures and texts as files (/maps/ID/export/…): each one downloads under its own
 * name, bad requests are refused in words, and the pictures look like the canvas. The exported
 * SVG, drawn by Chromium at the canvas's own view, and the PNG (drawn by resvg on the server)
 * are compared pixel by pixel with a screenshot of the canvas; the PDF is rendered with poppler.
 * Pictures to look at land in tests/artifacts/export-pictures/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect, test, type Page } from './fixtures';
import { artifact, canvas, MAP_ID, map, mapTitle, thesis } from './helpers';

const base = `/maps/${MAP_ID}/export`;
const dir = artifact('export-pictures');

test.beforeAll(() => {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
});

test('every export downloads under its name; bad requests are refused in words', async ({
	request
}) => {
	const cases = [
		['svg', 'image/svg+xml', 'japan-mongolia.svg'],
		['svg?layer=written', 'image/svg+xml', 'japan-mongolia-as-written.svg'],
		['png', 'image/png', 'japan-mongolia.png'],
		['png?scale=2&fold=all', 'image/png', 'japan-mongolia-folded@2x.png'],
		['pdf?paper=letter', 'application/pdf', 'japan-mongolia-letter.pdf'],
		['md', 'text/markdown', 'japan-mongolia.summary.md'],
		['outline.md', 'text/markdown', 'japan-mongolia.outline.md']
	] as const;
	for (const [path, type, name] of cases) {
		const r = await request.get(`${base}/${path}`);
		expect(r.status(), path).toBe(200);
		expect(r.headers()['content-type']).toContain(type);
		expect(r.headers()['content-disposition']).toBe(`attachment; filename="${name}"`);
	}
	const md = await (await request.get(`${base}/md`)).text();
	expect(md).toMatch(/^# Critical summary: /);
	expect(md).toContain('## Objections and how they fare');
	const outline = await (await request.get(`${base}/outline.md`)).text();
	expect(outline).toMatch(/^# Outline: .*\n\n- \*\*Thesis\*\* /);

	const refused = [
		[`${base}/gif`, 404, /no export called "gif"/],
		[`${base}/png?scale=4`, 400, /scale must be 1, 2 or 3, not "4"/],
		[`${base}/pdf?paper=a3`, 400, /paper must be a4 or letter, not "a3"/],
		[`${base}/svg?layer=mine`, 400, /layer must be one of critique, written, highlight/],
		['/maps/no-such-map/export/svg', 404, /There is no map called "no-such-map"/]
	] as const;
	for (const [url, status, message] of refused) {
		const r = await request.get(url);
		expect(r.status(), url).toBe(status);
		expect(r.headers()['content-type']).toContain('text/plain');
		expect(await r.text()).toMatch(message);
	}
});

test('a PNG is drawn at 1×, 2× and 3×', async ({ request }) => {
	test.setTimeout(60_000);
	const svg = await (await request.get(`${base}/svg`)).text();
	const width = Number(/width="([\d.]+)"/.exec(svg)![1]);
	const height = Number(/height="([\d.]+)"/.exec(svg)![1]);
	for (const scale of [1, 2, 3]) {
		const r = await request.get(`${base}/png?scale=${scale}`);
		expect(r.headers()['x-warrant-scale']).toBe(String(scale));
		// The size from the PNG's header (decoding 120 Mpx in JavaScript would take long).
		const body = await r.body();
		expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(body.readUInt32BE(16)).toBe(Math.round(width * scale));
		expect(body.readUInt32BE(20)).toBe(Math.round(height * scale));
		writeFileSync(join(dir, `map-${scale}x.png`), body);
	}
});

/** The canvas's view: translate(x y) scale(k) of the group that holds the map. */
async function viewOf(page: Page) {
	const t = await canvas(page).locator('svg > g[transform*="scale("]').getAttribute('transform');
	const m = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)\s*scale\(([-\d.e]+)\)/.exec(t ?? '')!;
	return { x: Number(m[1]), y: Number(m[2]), k: Number(m[3]) };
}

/** Share of pixels that differ (anti-aliasing aside), with a picture of where. */
function difference(a: Buffer, b: Buffer, name: string): number {
	const x = PNG.sync.read(a);
	const y = PNG.sync.read(b);
	expect([y.width, y.height]).toEqual([x.width, x.height]);
	const diff = new PNG({ width: x.width, height: x.height });
	const n = pixelmatch(x.data, y.data, diff.data, x.width, x.height, { threshold: 0.1 });
	writeFileSync(join(dir, `${name}-diff.png`), PNG.sync.write(diff));
	return n / (x.width * x.height);
}

test('the exported SVG and PNG look like the canvas, pixel for pixel', async ({
	page,
	request
}) => {
	test.setTimeout(120_000);
	const svg = await (await request.get(`${base}/svg`)).text();
	const width = Number(/width="([\d.]+)"/.exec(svg)![1]);
	const height = Number(/height="([\d.]+)"/.exec(svg)![1]);
	const pad = 24;
	const [w, h] = [width - 2 * pad, height - 2 * pad];
	// A window that shows the whole map at 100%, in the view the map opens with: that view
	// centres the thesis and its reasons, so the window is made wide enough on both sides.
	await page.setViewportSize({ width: Math.ceil(w) + 200, height: Math.ceil(h) + 400 });
	await page.goto(`/maps/${MAP_ID}`);
	await page.waitForLoadState('networkidle');
	const first = await viewOf(page);
	const area = (await canvas(page).boundingBox())!;
	const centre = area.width / 2 - first.x;
	const needed = Math.ceil(2 * Math.max(centre, w - centre)) + 4;
	await page.setViewportSize({
		width: page.viewportSize()!.width + Math.max(0, needed - area.width),
		height: page.viewportSize()!.height
	});
	await page.reload();
	await page.waitForLoadState('networkidle');
	// The canvas's dotted paper and its hint are the app's, not the map's.
	await page.addStyleTag({
		content: '.canvas { background: #fff !important } .canvas .hint { display: none }'
	});
	await page.evaluate(() => document.fonts.ready);
	const view = await viewOf(page);
	expect(view.k).toBe(1);
	const host = (await canvas(page).boundingBox())!;
	// The map's own rectangle on the screen (the export adds 24 px of paper round it).
	const clip = {
		x: host.x + Math.round(view.x),
		y: host.y + Math.round(view.y),
		width: Math.round(width - 2 * pad),
		height: Math.round(height - 2 * pad)
	};
	expect(clip.x + clip.width).toBeLessThanOrEqual(host.x + host.width);
	expect(clip.y + clip.height).toBeLessThanOrEqual(host.y + host.height);
	const screen = await page.screenshot({ clip });
	writeFileSync(join(dir, 'canvas.png'), screen);

	// The SVG file, drawn by Chromium in a page of its own at the canvas's view: its fonts are
	// the ones embedded in it (the page has no others).
	const shot = await page.context().newPage();
	await shot.setViewportSize(page.viewportSize()!);
	const nested = svg.replace('<svg ', `<svg x="${-pad}" y="${-pad}" `);
	await shot.setContent(
		`<body style="margin:0"><div style="position:absolute;left:${host.x}px;top:${host.y}px;width:${host.width}px;height:${host.height}px;overflow:hidden;background:#fff">` +
			`<svg width="100%" height="100%" style="display:block"><g transform="translate(${view.x} ${view.y}) scale(1)">${nested}</g></svg></div></body>`
	);
	await shot.evaluate(() => document.fonts.ready);
	expect(await shot.evaluate(() => document.fonts.check('600 11px "Inter Warrant"'))).toBe(true);
	const drawn = await shot.screenshot({ clip });
	writeFileSync(join(dir, 'svg-in-chromium.png'), drawn);
	const svgShare = difference(screen, drawn, 'svg');

	// The PNG from the server, cut to the map's rectangle.
	const png = PNG.sync.read(await (await request.get(`${base}/png?scale=1`)).body());
	const cut = new PNG({ width: clip.width, height: clip.height });
	const dx = Math.round(view.x) - view.x;
	const dy = Math.round(view.y) - view.y;
	PNG.bitblt(png, cut, pad + Math.round(dx), pad + Math.round(dy), clip.width, clip.height, 0, 0);
	const pngShare = difference(screen, PNG.sync.write(cut), 'png');
	writeFileSync(
		join(dir, 'difference.txt'),
		`svg in Chromium vs canvas: ${(svgShare * 100).toFixed(3)}% of pixels\nPNG (resvg) vs canvas: ${(pngShare * 100).toFixed(3)}% of pixels\n`
	);
	console.log(
		`export-pictures: SVG ${(svgShare * 100).toFixed(3)}%, PNG ${(pngShare * 100).toFixed(3)}% of ${clip.width}×${clip.height} px differ from the canvas`
	);
	expect(svgShare).toBeLessThanOrEqual(0.01);
	expect(pngShare).toBeLessThanOrEqual(0.01);
	await shot.close();
});

test('the PDF is one vector page with the title and the source in its margins', async ({
	request
}) => {
	for (const paper of ['a4', 'letter'] as const) {
		const r = await request.get(`${base}/pdf?paper=${paper}`);
		const file = join(dir, `map-${paper}.pdf`);
		writeFileSync(file, await r.body());
		const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
		expect(info).toMatch(/Pages:\s+1\n/);
		// Landscape: the article map is wider than tall.
		expect(info).toMatch(
			paper === 'a4' ? /Page size:\s+841\.89 x 595\.28 pts \(A4\)/ : /Page size:\s+792 x 612 pts/
		);
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		expect(text).toContain(mapTitle);
		expect(text).toContain(`Source: “${map.source.title}”`);
		// The statements are text, not pictures of text.
		const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
		expect(raw).toContain(thesis.text.split(' ').slice(0, 3).join(' '));
		const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
		expect(fonts).toMatch(/Inter-Regular\s+CID TrueType\s+Identity-H\s+yes yes/);
		// A picture of the page to look at, and ink on it.
		execFileSync('pdftoppm', ['-r', '100', '-png', file, join(dir, `pdf-${paper}`)]);
		execFileSync('pdftoppm', ['-r', '30', '-gray', file, join(dir, `grey-${paper}`)]);
	}
	const greys = readdirSync(dir).filter((f) => f.startsWith('grey-') && f.endsWith('.pgm'));
	expect(greys).toHaveLength(2);
	for (const f of greys) {
		const pgm = readFileSync(join(dir, f));
		// Binary PGM: a header of three lines, then one byte a pixel.
		const pixels = pgm.subarray(pgm.length - (pgm.length - headerLength(pgm)));
		const ink = pixels.filter((v) => v < 200).length / pixels.length;
		expect(ink, f).toBeGreaterThan(0.02);
	}
});

/** The length of a binary PGM's header (magic, size, maximum: three whitespace-ended fields). */
function headerLength(pgm: Buffer): number {
	let fields = 0;
	let i = 0;
	while (fields < 4 && i < pgm.length) {
		while (i < pgm.length && /\s/.test(String.fromCharCode(pgm[i]!))) i++;
		while (i < pgm.length && !/\s/.test(String.fromCharCode(pgm[i]!))) i++;
		fields++;
	}
	return i + 1;
}

test.describe('exports from the menu', () => {
	// The refused export below is a 500 the browser logs.
	test.use({ allowConsole: [/status of 500/] });

	test('a slow export shows its time and can be cancelled; a refusal is said in words', async ({
		page
	}) => {
		// Hold the PNG until the test lets it go, as a big map's picture would take seconds.
		let release: () => void = () => undefined;
		await page.route('**/export/png*', async (route) => {
			await new Promise<void>((r) => (release = r));
			await route.continue().catch(() => undefined);
		});
		await page.goto(`/maps/${MAP_ID}`);
		const progress = page.getByRole('status').filter({ hasText: /Making PNG at 1×/ });
		await page.getByText('Export', { exact: true }).click();
		await page.getByRole('link', { name: 'PNG at 1×' }).click();
		await expect(progress).toBeVisible();
		await progress.getByRole('button', { name: 'Cancel' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Export cancelled.' })).toBeVisible();
		release();

		// Let through, it downloads under the server's name.
		await page.unroute('**/export/png*');
		await page.getByText('Export', { exact: true }).click();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'PNG at 2×' }).click()
		]);
		expect(download.suggestedFilename()).toBe(`${MAP_ID}@2x.png`);

		// A refusal from the server is shown as it says it.
		await page.route('**/export/svg*', (route) =>
			route.fulfill({
				status: 500,
				contentType: 'text/plain; charset=utf-8',
				body: 'The picture could not be drawn: out of memory.'
			})
		);
		await page.getByText('Export', { exact: true }).click();
		await page.getByRole('link', { name: 'SVG' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'The picture could not be drawn: out of memory.' })
		).toBeVisible();
	});
});
