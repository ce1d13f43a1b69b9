/**
 * `npm run bench`: the speed figures of DESIGN.md §4, measured on this machine. Speed goals are
 * checked here, not in unit tests. Each figure is the median of several warm runs; the first
 * (cold) run is reported on its own because ELK's first layout in a process is slow.
 * Exits 1 when a goal is missed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { layoutMap } from '../src/lib/layout/run';
import { parseMap } from '../src/lib/model/parse';
import { serializeMap } from '../src/lib/model/serialize';
import { evaluate } from '../src/lib/model/evaluate';
import { mapSvg, svgSize } from '../src/lib/formats/svg';
import { embeddedFonts, svgToPdf, svgToPng } from '../src/lib/server/pictures';
import { syntheticMap } from '../tests/fixtures/synthetic';
import {
	longText,
	perturb,
	random,
	randomAnchors,
	runSuite,
	suiteTexts
} from '../tests/fixtures/perturb';
import { resolveAnchors } from '../src/lib/source/anchor';
import { BLOCK_SEPARATOR } from '../src/lib/source/text';
import { benchCompare } from './bench-compare';

async function time(fn: () => unknown, runs: number): Promise<number> {
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		const s = performance.now();
		await fn();
		t.push(performance.now() - s);
	}
	t.sort((a, b) => a - b);
	return t[Math.floor(t.length / 2)]!;
}

// The layout figures are ELK's: its answers are not taken from the memo (layout/memo.ts), which
// would answer the same graph again in a millisecond.
process.env.WARRANT_LAYOUT_MEMO = 'off';

const text = readFileSync('arguments/japan-mongolia.map.json', 'utf8');
const parsed = parseMap(text);
if (!parsed.ok) throw new Error('the article map does not parse');
const article = parsed.map;

const rows: { what: string; ms: number; goal?: number; note?: string }[] = [];
const t0 = performance.now();
const first = await layoutMap(article);
rows.push({
	what: 'article map, cold layout (first in process)',
	ms: performance.now() - t0,
	goal: 1500
});
rows.push({
	what: 'article map, warm layout',
	ms: await time(() => layoutMap(article), 7),
	goal: 150,
	note: `${first.width}×${first.height}, ratio ${(first.width / first.height).toFixed(2)}`
});
rows.push({
	what: 'article map, parse + validate',
	ms: await time(() => parseMap(text), 20),
	goal: 20
});
{
	// A file as Warrant writes it is read without jsonc-parser's syntax tree; one written by hand
	// (here the same map on one line) is read again with the tree, for duplicate keys and lines.
	const big = syntheticMap(1000);
	const written = serializeMap(big);
	const byHand = JSON.stringify(big);
	rows.push({
		what: 'synthetic 1000 nodes, parse + validate (as Warrant writes it)',
		ms: await time(() => parseMap(written), 9)
	});
	rows.push({
		what: '…the same map written by hand (with the syntax tree)',
		ms: await time(() => parseMap(byHand), 9)
	});
}
rows.push({
	what: 'article map, serialise',
	ms: await time(() => serializeMap(article), 20),
	goal: 10
});
const critique = parseMap(readFileSync('arguments/japan-mongolia-critique.map.json', 'utf8'));
if (critique.ok) {
	rows.push({
		what: 'critique map, evaluate (statuses + reasons)',
		ms: await time(() => evaluate(critique.map), 20),
		goal: 20
	});
}
// Evaluation runs on the main thread on every edit: a long chain must stay cheap.
const chain = syntheticChain(5000);
rows.push({
	what: 'chain of 5000 reasons, evaluate',
	ms: await time(() => evaluate(chain), 5),
	goal: 200
});
for (const [n, goal] of [
	[60, 100],
	[250, 400],
	[1000, 2500]
] as const) {
	const m = syntheticMap(n);
	const l = await layoutMap(m);
	rows.push({
		what: `synthetic ${n} nodes, warm layout`,
		ms: await time(() => layoutMap(m), n > 500 ? 3 : 5),
		goal,
		note: `ratio ${(l.width / l.height).toFixed(2)}`
	});
}

// Pictures (issue 11): the SVG export of the 1000-statement map, from its layout (laid out
// above), with the fonts embedded; the article map's PNG and PDF for reference.
{
	const fonts = await embeddedFonts();
	const m = syntheticMap(1000);
	const l = await layoutMap(m);
	let bytes = 0;
	rows.push({
		what: 'synthetic 1000 nodes, SVG export (drawing)',
		ms: await time(() => (bytes = mapSvg(m, l, { fonts }).length), 5),
		goal: 1000,
		note: `${(bytes / 1e6).toFixed(1)} MB`
	});
	const svg = mapSvg(article, first, { fonts });
	const size = svgSize(first);
	let png = 0;
	let pdf = 0;
	rows.push({
		what: 'article map, PNG 1× (resvg)',
		ms: await time(async () => (png = (await svgToPng(svg, 1)).length), 3),
		note: `${(png / 1e6).toFixed(2)} MB`
	});
	rows.push({
		what: 'article map, PDF A4 (pdfkit)',
		ms: await time(
			async () =>
				(pdf = (await svgToPdf(svg, { paper: 'a4', title: 't', source: 's', ...size })).length),
			3
		),
		note: `${(pdf / 1e3).toFixed(0)} KB`
	});
}

// Anchors (issue 8): 200 anchors in a 100,000-character text, as a new text each time (its
// index and folded copy are made once per text, and a new version of a text is a new text).
{
	const blocks = longText(100_000, 7);
	const anchors = randomAnchors(blocks, 200, 8);
	const fresh = () => blocks.map((b) => ({ ...b }));
	const joined = blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
	const edited = perturb(joined, 0.05, random(9))
		.text.split(BLOCK_SEPARATOR)
		.map((text) => ({ text }));
	const found = resolveAnchors(edited, anchors);
	const count = (s: string) => found.filter((r) => r.status === s).length;
	rows.push({
		what: '200 anchors in 100,000 characters, resolve',
		ms: await time(() => resolveAnchors(fresh(), anchors), 9),
		goal: 100,
		note: `${joined.length.toLocaleString('en-US')} characters, all exact`
	});
	rows.push({
		what: '…after random edits to 5% of the text',
		ms: await time(
			() =>
				resolveAnchors(
					edited.map((b) => ({ ...b })),
					anchors
				),
			9
		),
		goal: 100,
		note: `${count('exact')} exact, ${count('fuzzy')} fuzzy, ${count('orphan')} orphans`
	});
}

// The perturbation suite over more seeds than the unit test runs (which uses seed 1).
const rates: { what: string; value: number; goal: number }[] = [];
{
	const texts = suiteTexts();
	const t0 = performance.now();
	const runs = [1, 2, 3, 4, 5].map((seed) => runSuite(texts, { trials: 9, perTrial: 40, seed }));
	const ms = performance.now() - t0;
	const sum = (f: (r: (typeof runs)[number]) => number) => runs.reduce((n, r) => n + f(r), 0);
	const anchors = sum((r) => r.outcomes.length);
	rates.push(
		{
			what: `untouched quotes placed right (${sum((r) => r.untouched.total)})`,
			value: (100 * sum((r) => r.untouched.right)) / sum((r) => r.untouched.total),
			goal: 99
		},
		{
			what: `quotes edited ≤ 10% placed right (${sum((r) => r.lightlyEdited.total)})`,
			value: (100 * sum((r) => r.lightlyEdited.right)) / sum((r) => r.lightlyEdited.total),
			goal: 95
		},
		{
			what: `…of those, both ends within 10% of the quote`,
			value:
				(100 * sum((r) => r.untouched.precise + r.lightlyEdited.precise)) /
				sum((r) => r.untouched.total + r.lightlyEdited.total),
			goal: 0
		},
		{
			what: `quotes edited > 10% placed right, the rest orphans (${sum((r) => r.heavilyEdited.total)})`,
			value: (100 * sum((r) => r.heavilyEdited.right)) / sum((r) => r.heavilyEdited.total),
			goal: 0
		},
		{ what: `wrong placements (of ${anchors} anchors)`, value: sum((r) => r.wrong), goal: -0 }
	);
	console.log(
		`perturbation suite: ${texts.map((t) => t.name).join(', ')}; seeds 1–5, ${anchors} anchors, ${ms.toFixed(0)} ms`
	);
}

function syntheticChain(n: number) {
	const nodes = Array.from({ length: n }, (_, i) => ({
		id: `n${i}`,
		kind: i === 0 ? ('thesis' as const) : ('claim' as const),
		text: `Step ${i}`,
		origin: 'reader' as const
	}));
	const links = nodes.slice(1).map((nd, i) => ({
		id: `l${i}`,
		from: nd.id,
		to: `n${i}`,
		relation: 'supports' as const,
		origin: 'reader' as const
	}));
	return { ...article, nodes, links };
}

let failed = false;
for (const r of rows) {
	const miss = r.goal !== undefined && r.ms > r.goal;
	failed ||= miss;
	console.log(
		`${miss ? 'SLOW' : 'ok  '} ${r.what.padEnd(46)} ${r.ms.toFixed(1).padStart(8)} ms${r.goal ? ` (goal ≤ ${r.goal})` : ''}${r.note ? `  ${r.note}` : ''}`
	);
}
for (const r of rates) {
	// Goals: a rate at least `goal` percent; wrong placements (goal -0) exactly none.
	const isCount = Object.is(r.goal, -0);
	const miss = isCount ? r.value > 0 : r.value < r.goal;
	failed ||= miss;
	console.log(
		`${miss ? 'MISS' : 'ok  '} ${r.what.padEnd(58)} ${isCount ? String(r.value).padStart(7) : `${r.value.toFixed(2)}%`.padStart(8)}${r.goal > 0 ? ` (goal ≥ ${r.goal}%)` : isCount ? ' (goal 0)' : ''}`
	);
}
// The comparison engine's accuracy and speed (issue 10; scripts/bench-compare.ts).
const comparison = benchCompare();
for (const l of comparison.lines) console.log(l);
failed ||= comparison.failed;
// The map page's download (scripts/bundle-size.mjs), measured on the last build.
if (existsSync('build/index.js')) {
	const size = spawnSync(process.execPath, ['scripts/bundle-size.mjs'], { encoding: 'utf8' });
	console.log(size.stdout.trim().split('\n').at(-1) ?? size.stderr);
	failed ||= size.status !== 0;
} else console.log('skip map page JS+CSS size: run `npm run build` first');
process.exit(failed ? 1 : 0);
