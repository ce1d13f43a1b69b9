/**
 * `npx tsx scripts/layout-picture.ts [--list] [--why NAME]`: does the layout keep the reader's
 * picture when a critique is added (issue 12, item 6)? Prints
 * - the stability rule "adding one statement moves at most 5% of the other statements by more
 *   than 20 px", over every single critique addition scripted on the article map: an objection
 *   to each claim, an objection to and a reader's support for each piece of evidence, an undercut
 *   on each evidence link;
 * - the critique map's shape: size, aspect, how wide the five motives spread, total connector
 *   length, the longest connector, crossings;
 * - the article map's shape and both maps' warm layout time (no regression);
 * - how many of the additions that break the rule must: the critique goes right under its item
 *   in the item's column, so every statement below it there moves down, and more than 5% of
 *   them follow;
 * - with --list every addition's count, with --why NAME (part of a name) what moves and by how
 *   much in those additions.
 * Positions are compared with the drawing's overall shift taken out (the median move: a map that
 * slid as a whole is the same picture) and, for reference, as drawn.
 */
import { layoutMap } from '../src/lib/layout/run';
import type { MapLayout } from '../src/lib/layout/types';
import type { ArgumentMap } from '../src/lib/model/schema';
import { loadMap } from '../tests/fixtures/load';
import { critiqueAdditions, movedBy } from '../tests/fixtures/additions';

const article = loadMap('arguments/japan-mongolia.map.json');
const critique = loadMap('arguments/japan-mongolia-critique.map.json');

async function median(fn: () => Promise<unknown>, runs: number): Promise<number> {
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		const s = performance.now();
		await fn();
		t.push(performance.now() - s);
	}
	return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

type Seg = [number, number, number, number];
/** Proper crossings between the straight segments of different edges (shared ends excluded). */
function crossings(layout: MapLayout): number {
	const segs: { edge: number; s: Seg }[] = [];
	layout.edges.forEach((e, i) => {
		for (let k = 1; k < e.points.length; k++) {
			const a = e.points[k - 1]!;
			const b = e.points[k]!;
			segs.push({ edge: i, s: [a.x, a.y, b.x, b.y] });
		}
	});
	const eps = 0.5;
	let n = 0;
	for (let i = 0; i < segs.length; i++)
		for (let j = i + 1; j < segs.length; j++) {
			if (segs[i]!.edge === segs[j]!.edge) continue;
			const [x1, y1, x2, y2] = segs[i]!.s;
			const [x3, y3, x4, y4] = segs[j]!.s;
			const d = (x2 - x1) * (y4 - y3) - (y2 - y1) * (x4 - x3);
			if (Math.abs(d) < 1e-9) continue;
			const t = ((x3 - x1) * (y4 - y3) - (y3 - y1) * (x4 - x3)) / d;
			const u = ((x3 - x1) * (y2 - y1) - (y3 - y1) * (x2 - x1)) / d;
			const l1 = Math.hypot(x2 - x1, y2 - y1);
			const l2 = Math.hypot(x4 - x3, y4 - y3);
			if (t * l1 > eps && (1 - t) * l1 > eps && u * l2 > eps && (1 - u) * l2 > eps) n++;
		}
	return n;
}

const length = (e: MapLayout['edges'][number]) =>
	e.points.reduce(
		(s, p, i) => (i ? s + Math.hypot(p.x - e.points[i - 1]!.x, p.y - e.points[i - 1]!.y) : 0),
		0
	);

function shape(map: ArgumentMap, layout: MapLayout) {
	const motives = map.nodes.filter((n) => /^Motive \d$/.test(n.label ?? ''));
	const placed = motives.map((m) => layout.nodes[m.id]!);
	const span = Math.max(...placed.map((m) => m.x + m.width)) - Math.min(...placed.map((m) => m.x));
	const lengths = layout.edges.map(length);
	return {
		size: `${layout.width}×${layout.height}`,
		aspect: (layout.width / layout.height).toFixed(2),
		motiveSpan: Math.round(span),
		motiveRowDrop: Math.round(
			Math.max(...placed.map((m) => m.y)) - Math.min(...placed.map((m) => m.y))
		),
		edgeLength: Math.round(lengths.reduce((a, b) => a + b, 0)),
		longestEdge: Math.round(Math.max(...lengths)),
		crossings: crossings(layout)
	};
}

const base = await layoutMap(article);
const critiqueLayout = await layoutMap(critique);
console.log('article map ', JSON.stringify(shape(article, base)));
console.log('critique map', JSON.stringify(shape(critique, critiqueLayout)));
console.log(
	`warm layout: article ${(await median(() => layoutMap(article), 7)).toFixed(0)} ms, critique ${(await median(() => layoutMap(critique), 7)).toFixed(0)} ms`
);

const others = article.nodes.length;
const limit = Math.floor(others * 0.05);
const results: { name: string; kind: string; shifted: number; drawn: number; below: number }[] = [];
const why = process.argv.includes('--why') ? process.argv[process.argv.indexOf('--why') + 1] : '';
// Statements under `id` in its column: they move down when critique is stacked right under it.
const below = (id: string) => {
	const n = base.nodes[id]!;
	const col = n.column;
	return col ? Object.values(base.nodes).filter((o) => o.column === col && o.y > n.y).length : 0;
};
for (const add of critiqueAdditions(article)) {
	const after = await layoutMap(add.map);
	const moved = movedBy(base, after, 20);
	results.push({
		name: add.name,
		kind: add.kind,
		shifted: moved.length,
		drawn: movedBy(base, after, 20, false).length,
		below: add.kind === 'objection to a claim' ? 0 : below(add.anchor)
	});
	if (why && add.name.includes(why)) {
		const ids = Object.keys(base.nodes);
		const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
		const dx = mid(ids.map((i) => after.nodes[i]!.x - base.nodes[i]!.x));
		const dy = mid(ids.map((i) => after.nodes[i]!.y - base.nodes[i]!.y));
		console.log(`${add.name}: the map shifts by (${dx.toFixed(0)}, ${dy.toFixed(0)}); beyond that`);
		for (const id of moved) {
			const [b, a] = [base.nodes[id]!, after.nodes[id]!];
			console.log(
				`  ${id.padEnd(28)} ${(b.column ?? '').padEnd(30)} by (${(a.x - b.x - dx).toFixed(0)}, ${(a.y - b.y - dy).toFixed(0)})`
			);
		}
	}
}
console.log(
	`\nrule: adding one statement moves at most ${limit} of the ${others} others (5%) by more than 20 px`
);
const kinds = [...new Set(results.map((r) => r.kind))];
for (const kind of [...kinds, 'all']) {
	const rs = kind === 'all' ? results : results.filter((r) => r.kind === kind);
	const ok = (f: (r: (typeof rs)[number]) => number) => rs.filter((r) => f(r) <= limit).length;
	const worst = rs.reduce((w, r) => (r.shifted > w.shifted ? r : w));
	console.log(
		`${kind.padEnd(22)} ${String(rs.length).padStart(3)} additions: ${ok((r) => r.shifted)} keep the rule (${((100 * ok((r) => r.shifted)) / rs.length).toFixed(0)}%), as drawn ${ok((r) => r.drawn)}; worst ${worst.shifted} moved (${worst.name})`
	);
}
const broken = results.filter((r) => r.shifted > limit);
const must = broken.filter((r) => r.below > limit);
console.log(
	`\n${broken.length} additions break the rule; ${must.length} of them must (more than ${limit} statements follow their item in its column); the others:`
);
for (const r of broken) if (r.below <= limit) console.log(`  ${r.shifted} moved  ${r.name}`);
if (process.argv.includes('--list'))
	for (const r of results) console.log(`  ${r.shifted} / ${r.drawn}  ${r.name}`);
