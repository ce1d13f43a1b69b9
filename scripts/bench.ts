/**
 * `npm run bench`: the speed figures of DESIGN.md §4, measured on this machine. Speed goals are
 * checked here, not in unit tests. Each figure is the median of several warm runs; the first
 * (cold) run is reported on its own because ELK's first layout in a process is slow.
 * Exits 1 when a goal is missed.
 */
import { readFileSync } from 'node:fs';
import { layoutMap } from '../src/lib/layout/run';
import { parseMap } from '../src/lib/model/parse';
import { serializeMap } from '../src/lib/model/serialize';
import { evaluate } from '../src/lib/model/evaluate';
import { syntheticMap } from '../tests/fixtures/synthetic';

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
process.exit(failed ? 1 : 0);
