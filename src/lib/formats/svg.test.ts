import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { layoutMap } from '../layout/run';
import type { MapLayout } from '../layout/types';
import { asWritten } from '../model/layers';
import { indexMap, roleOf } from '../model/queries';
import type { ArgumentMap } from '../model/schema';
import { COLOURS, PAINT, mapSvg, type EmbeddedFont } from './svg';

const article = loadMap('arguments/japan-mongolia.map.json');
const critique = loadMap('arguments/japan-mongolia-critique.map.json');

let fonts: EmbeddedFont[];
let articleLayout: MapLayout;
let critiqueLayout: MapLayout;
beforeAll(async () => {
	// As server/pictures.ts reads them: the shipped subsets, base64.
	fonts = ([400, 600] as const).flatMap((weight) =>
		['latin', 'latin-ext'].map((subset) => ({
			weight,
			unicodeRange: 'U+0000-00FF',
			woff2: readFileSync(`static/fonts/inter-${subset}-${weight}-normal.woff2`).toString('base64')
		}))
	);
	articleLayout = await layoutMap(article);
	critiqueLayout = await layoutMap(critique);
});

/** The text content of every `<text>` in the file, one string per element, entities undone. */
function texts(svg: string): string[] {
	return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
		m[1]!
			.replace(/<[^>]+>/g, ' ')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, '&')
	);
}
const squash = (s: string) => s.replace(/\s+/g, '');

describe('the SVG export', () => {
	it('stands alone: no reference leaves the file, and the fonts are inside it', () => {
		const svg = mapSvg(article, articleLayout, { fonts });
		// Every url( is a fragment in this file or data.
		const urls = [...svg.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]!);
		expect(urls.length).toBeGreaterThan(0);
		for (const u of urls) expect(u).toMatch(/^(#|data:)/);
		expect(svg).not.toMatch(/\s(xlink:)?href=/);
		expect(svg).not.toMatch(/@import/);
		// Each shipped subset (2 weights × latin, latin-ext) is embedded once, as woff2 data.
		const faces = [...svg.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]);
		expect(faces).toHaveLength(4);
		for (const f of fonts) expect(svg).toContain(f.woff2.slice(0, 200));
		const shipped = readFileSync('static/fonts/inter-latin-600-normal.woff2').toString('base64');
		expect(svg).toContain(shipped);
		// It is a document of its own.
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).toMatch(/<title id="map-title">Japan and Mongolia/);
	});

	it('holds every statement’s words as text, so the file can be searched', () => {
		for (const [map, layout] of [
			[article, articleLayout],
			[critique, critiqueLayout]
		] as const) {
			const all = squash(texts(mapSvg(map, layout, { fonts })).join(''));
			for (const n of map.nodes) expect(all, n.id).toContain(squash(n.text));
		}
	});

	it('draws the marks the canvas draws: statuses, the reader’s badge, inferred words, end marks', () => {
		const svg = mapSvg(critique, critiqueLayout);
		const words = texts(svg);
		expect(words).toContain('holds');
		expect(words.some((w) => w === 'not established' || w === 'defeated')).toBe(true);
		expect(words).toContain('inferred');
		const reader = critique.nodes.find((n) => n.origin === 'reader' && n.author)!;
		expect(words).toContain(reader.author);
		expect(svg).toContain('marker-end="url(#end-support)"');
		expect(svg).toContain('marker-end="url(#end-attack)"');
		// A reader's statement is framed in the reader's colour.
		expect(svg).toContain(`stroke="${COLOURS['--reader']}" stroke-width="2.5"`);
	});

	it('heads an unlabelled statement by what it does, as the canvas does', () => {
		// The critique's objections and rebuttal without their labels: the boxes are the same size.
		const index = indexMap(critique);
		const attacking = critique.nodes.filter((n) =>
			['objection', 'rebuttal'].includes(roleOf(index, n.id))
		);
		expect(attacking.map((n) => roleOf(index, n.id)).sort()).toEqual([
			'objection',
			'objection',
			'rebuttal'
		]);
		const ids = new Set(attacking.map((n) => n.id));
		const unlabelled = {
			...critique,
			nodes: critique.nodes.map((n) => (ids.has(n.id) ? { ...n, label: undefined } : n))
		};
		const svg = mapSvg(unlabelled, critiqueLayout);
		const headers = (id: string) =>
			texts(svg.split(`data-node-id="${id}"`)[1]!.split('data-node-id=')[0]!)[0];
		for (const n of attacking)
			expect(headers(n.id), n.id).toBe(
				roleOf(index, n.id) === 'rebuttal' ? 'Rebuttal' : 'Objection'
			);
	});

	it('shows "As written" without statuses, and the critique highlighted with the source receding', async () => {
		const written = asWritten(critique);
		const svg = mapSvg(written, await layoutMap(written), { showStatus: false });
		expect(texts(svg)).not.toContain('holds');
		expect(svg).not.toContain(COLOURS['--reader']);
		const highlighted = mapSvg(critique, critiqueLayout, { highlight: true });
		expect(highlighted).toMatch(/data-node-id="[^"]+" opacity="0.45"/);
		expect(mapSvg(critique, critiqueLayout)).not.toContain('opacity="0.45"');
	});

	it('draws a folded evidence column as its caption, with the fold arrow', async () => {
		const target = articleLayout.columns[0]!.target;
		const folded = await layoutMap(article, {}, { collapsed: [target] });
		const svg = mapSvg(article, folded);
		expect(svg).toMatch(/>▸<\/tspan> [^<]* — show<\/text>/);
	});

	it('escapes what the reader typed', async () => {
		const map: ArgumentMap = {
			...article,
			title: 'Tom & Jerry <script>',
			nodes: article.nodes.map((n) =>
				n.kind === 'thesis' ? { ...n, text: 'A & B < C "quoted" \u0007bell' } : n
			)
		};
		const svg = mapSvg(map, await layoutMap(map));
		expect(svg).toContain('Tom &amp; Jerry &lt;script&gt;');
		expect(svg).toContain('A &amp; B &lt; C &quot;quoted&quot;');
		expect(svg).not.toContain('\u0007');
	});
});

/** Declarations by selector from a component's `<style>` (one level deep: no @media bodies). */
function componentRules(file: string): Map<string, Record<string, string>> {
	const css = readFileSync(file, 'utf8').split('<style>')[1]!.split('</style>')[0]!;
	const rules = new Map<string, Record<string, string>>();
	for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
		const body: Record<string, string> = {};
		for (const d of m[2]!.split(';')) {
			const [k, ...v] = d.split(':');
			if (k?.trim() && v.length) body[k.trim()] = v.join(':').trim();
		}
		for (const sel of m[1]!.split(',')) {
			const key = sel.trim();
			rules.set(key, { ...rules.get(key), ...body });
		}
	}
	return rules;
}

describe('the export paints as the canvas does', () => {
	const dir = 'src/lib/components/';
	const rules = new Map(
		['MapNodeBox', 'NodeMarks', 'MapEdges', 'EvidenceColumns'].flatMap((c) => [
			...componentRules(`${dir}${c}.svelte`)
		])
	);
	const root = readFileSync('src/app.css', 'utf8');
	const resolve = (v: string) =>
		v.replace(/var\((--[\w-]+)\)/g, (_, name: string) => {
			const m = root.match(new RegExp(`${name}:\\s*([^;]+);`));
			return m ? m[1]!.trim() : name;
		});

	it.each(Object.keys(PAINT))('%s matches the component’s stylesheet', (selector) => {
		const css = rules.get(selector);
		expect(css, `no rule "${selector}" in the components`).toBeDefined();
		for (const [prop, value] of Object.entries(PAINT[selector as keyof typeof PAINT]))
			expect(resolve(css![prop] ?? '(absent)'), `${selector} { ${prop} }`).toBe(value);
	});

	it('names the colours app.css defines', () => {
		for (const [name, value] of Object.entries(COLOURS))
			expect(resolve(`var(${name})`), name).toBe(value);
	});
});
