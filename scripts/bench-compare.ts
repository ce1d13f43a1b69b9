/**
 * `npx tsx scripts/bench-compare.ts` (also run by `npm run bench`): the comparison engine's
 * figures of issue 10 on the fixtures of tests/fixtures/compare/ — node alignment F1 against
 * the greedy string-ratio baseline, the precision of wrong-relation and misattachment findings,
 * and the time to check a map of 100+ statements against its reference. Exits 1 when a goal
 * is missed. docs/comparison.md quotes these figures.
 */
import { pathToFileURL } from 'node:url';
import { alignMaps, compareMaps, greedyAlign } from '../src/lib/compare';
import type { ArgumentMap } from '../src/lib/model/schema';
import { EXERCISES } from '../tests/fixtures/compare/exercises';
import {
	countAlignment,
	countFindings,
	counts,
	f1,
	loadCases,
	precision,
	recall,
	type Case,
	type Counts
} from '../tests/fixtures/compare/score';
import { referenceMap, studentVariant } from '../tests/fixtures/compare/spec';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const prf = (c: Counts) =>
	`P ${pct(precision(c))}  R ${pct(recall(c))}  F1 ${pct(f1(c))}  (${c.tp} right, ${c.fp} wrong, ${c.fn} missed)`;

/**
 * Several exercises joined into one map (texts one after the other, ids prefixed, the other
 * theses made claims under the first), so that a map has 100 statements or more.
 */
function joined(maps: ArgumentMap[]): ArgumentMap {
	let offset = 0;
	let paragraphs = 0;
	const nodes: ArgumentMap['nodes'] = [];
	const links: ArgumentMap['links'] = [];
	const text: NonNullable<ArgumentMap['text']> = [];
	maps.forEach((m, i) => {
		const id = (x: string) => `x${i}-${x}`;
		for (const n of m.nodes)
			nodes.push({
				...n,
				id: id(n.id),
				kind: n.kind === 'thesis' && i > 0 ? 'claim' : n.kind,
				anchors: n.anchors?.map((a) => ({
					...a,
					paragraph: a.paragraph + paragraphs,
					...(a.start !== undefined ? { start: a.start + offset, end: a.end! + offset } : {})
				}))
			});
		for (const l of m.links)
			links.push({
				...l,
				id: id(l.id),
				from: id(l.from),
				to: id(l.to),
				...(l.with ? { with: l.with.map(id) } : {})
			});
		const thesis = m.nodes.find((n) => n.kind === 'thesis')!;
		if (i > 0)
			links.push({
				id: id('joined'),
				from: id(thesis.id),
				to: `x0-${maps[0]!.nodes.find((n) => n.kind === 'thesis')!.id}`,
				relation: 'supports',
				origin: 'source',
				inText: 'inferred'
			});
		for (const b of m.text ?? []) {
			text.push(b);
			offset += b.text.length + 2;
			paragraphs++;
		}
	});
	return { ...maps[0]!, nodes, links, text };
}

function median(fn: () => unknown, runs: number): number {
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		const s = performance.now();
		fn();
		t.push(performance.now() - s);
	}
	t.sort((a, b) => a - b);
	return t[Math.floor(t.length / 2)]!;
}

export function benchCompare(): { lines: string[]; failed: boolean } {
	const lines: string[] = [];
	let failed = false;
	const goal = (ok: boolean, text: string) => {
		failed ||= !ok;
		lines.push(`${ok ? 'ok  ' : 'MISS'} ${text}`);
	};
	const cases = loadCases();
	const munkres = counts();
	const greedy = counts();
	const wrong = counts();
	const mis = counts();
	const byVariant = new Map<string, Counts>();
	const run = (c: Case) => {
		const a = alignMaps(c.reference, c.student);
		countAlignment(munkres, a, c.gold);
		const v = byVariant.get(c.variant) ?? counts();
		countAlignment(v, a, c.gold);
		byVariant.set(c.variant, v);
		countAlignment(greedy, greedyAlign(c.reference, c.student), c.gold);
		const { structure } = compareMaps(c.reference, c.student);
		const of = (k: string) => structure.links.filter((x) => x.verdict === k).map((x) => x.student);
		countFindings(wrong, of('wrong-relation'), c.gold.wrongRelation);
		countFindings(mis, of('misattached'), c.gold.misattached);
	};
	cases.forEach(run);
	const exercises = new Set(cases.map((c) => c.exercise)).size;
	lines.push(
		`comparison: ${exercises} exercises, ${cases.length} student maps (${cases.filter((c) => c.gold.made === 'hand').length} written by hand)`
	);
	goal(
		f1(munkres) >= 0.9 && f1(munkres) > f1(greedy),
		`node alignment (Munkres)      ${prf(munkres)} (goal F1 ≥ 90%, above the baseline)`
	);
	lines.push(`     node alignment (greedy ratio) ${prf(greedy)}`);
	let best = { t: 0, f: 0 };
	for (let t = 0.2; t <= 0.9; t += 0.05) {
		const c = counts();
		for (const k of cases)
			countAlignment(c, greedyAlign(k.reference, k.student, { threshold: t }), k.gold);
		if (f1(c) > best.f) best = { t, f: f1(c) };
	}
	lines.push(`     greedy at its best threshold (${best.t.toFixed(2)}): F1 ${pct(best.f)}`);
	for (const [v, c] of byVariant) lines.push(`       ${v.padEnd(12)} F1 ${pct(f1(c))}`);
	goal(precision(wrong) >= 0.9, `wrong-relation findings ${prf(wrong)} (goal P ≥ 90%)`);
	goal(precision(mis) >= 0.9, `misattachment findings  ${prf(mis)} (goal P ≥ 90%)`);

	const all = [...EXERCISES, EXERCISES[0]!];
	const reference = joined(all.map(referenceMap));
	const student = joined(all.map((e) => studentVariant(e, 'paraphrased').map));
	compareMaps(reference, student); // warm up
	const ms = median(() => compareMaps(reference, student), 21);
	goal(
		ms < 100,
		`check a ${student.nodes.length}-statement map against its reference (${reference.nodes.length}): ${ms.toFixed(1)} ms (goal < 100 ms)`
	);
	return { lines, failed };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const { lines, failed } = benchCompare();
	for (const l of lines) console.log(l);
	process.exit(failed ? 1 : 0);
}
