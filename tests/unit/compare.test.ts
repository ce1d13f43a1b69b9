/**
 * The comparison engine against the benchmark fixtures (tests/fixtures/compare/): every fixture
 * is a valid map, the accuracy goals of issue 10 hold (these are accuracy, not timing), and the
 * reference's wording never leaks outside level 3 hints.
 */
import { describe, expect, it } from 'vitest';
import { alignMaps, compareMaps, forStudent, greedyAlign } from '../../src/lib/compare';
import { resolveAnchors } from '../../src/lib/source/anchor';
import {
	countAlignment,
	countFindings,
	counts,
	f1,
	loadCases,
	precision,
	recall
} from '../fixtures/compare/score';

const cases = loadCases();
const exercises = new Set(cases.map((c) => c.exercise));

describe('comparison fixtures', () => {
	it('has at least 10 exercises with at least 3 student variants each', () => {
		expect(exercises.size).toBeGreaterThanOrEqual(10);
		for (const e of exercises)
			expect(cases.filter((c) => c.exercise === e).length).toBeGreaterThanOrEqual(3);
	});

	it('has references that carry their text, 5 to 12 paragraphs, with every anchor placed', () => {
		for (const e of exercises) {
			const { reference } = cases.find((c) => c.exercise === e)!;
			expect(reference.text, e).toBeDefined();
			expect(reference.text!.length).toBeGreaterThanOrEqual(5);
			expect(reference.text!.length).toBeLessThanOrEqual(12);
			for (const n of reference.nodes) {
				expect(n.anchors?.length, `${e}/${n.id}`).toBeGreaterThan(0);
				for (const r of resolveAnchors(reference.text!, n.anchors!)) expect(r.status).toBe('exact');
			}
		}
	});

	it('has gold alignments that name statements of both maps', () => {
		for (const c of cases) {
			const s = new Set(c.student.nodes.map((n) => n.id));
			const r = new Set(c.reference.nodes.map((n) => n.id));
			const l = new Set(c.student.links.map((n) => n.id));
			expect(Object.keys(c.gold.alignment).sort()).toEqual([...s].sort());
			for (const v of Object.values(c.gold.alignment)) if (v !== null) expect(r.has(v)).toBe(true);
			for (const id of [...c.gold.wrongRelation, ...c.gold.misattached, ...c.gold.inText])
				expect(l.has(id), `${c.exercise}/${c.variant}: ${id}`).toBe(true);
		}
	});
});

describe('accuracy on the fixtures', () => {
	const munkres = counts();
	const greedy = counts();
	const wrong = counts();
	const misattached = counts();
	for (const c of cases) {
		countAlignment(munkres, alignMaps(c.reference, c.student), c.gold);
		countAlignment(greedy, greedyAlign(c.reference, c.student), c.gold);
		const { structure } = compareMaps(c.reference, c.student);
		const of = (v: string) => structure.links.filter((x) => x.verdict === v).map((x) => x.student);
		countFindings(wrong, of('wrong-relation'), c.gold.wrongRelation);
		countFindings(misattached, of('misattached'), c.gold.misattached);
	}

	it('aligns statements with F1 ≥ 0.90, better than the greedy string-ratio baseline', () => {
		expect(f1(munkres)).toBeGreaterThanOrEqual(0.9);
		expect(f1(munkres)).toBeGreaterThan(f1(greedy));
	});

	it('finds wrong relation kinds and misattached evidence with precision ≥ 0.90', () => {
		expect(precision(wrong)).toBeGreaterThanOrEqual(0.9);
		expect(precision(misattached)).toBeGreaterThanOrEqual(0.9);
		// Not a goal of the issue, but a finder that finds nothing would pass precision alone.
		expect(recall(wrong)).toBeGreaterThanOrEqual(0.8);
		expect(recall(misattached)).toBeGreaterThanOrEqual(0.8);
	});
});

describe('feedback', () => {
	const find = (exercise: string, variant: string) => {
		const c = cases.find((x) => x.exercise === exercise && x.variant === variant)!;
		return { c, result: compareMaps(c.reference, c.student) };
	};

	it('counts the reasons found and points at the paragraph of the missing one', () => {
		const { result } = find('bike-lanes', 'incomplete');
		const f = result.findings.find((x) =>
			x.message.startsWith('You have two of the three reasons')
		);
		expect(f?.target).toEqual({ type: 'paragraph', paragraph: 4 });
		expect(f?.hints.map((h) => h.level)).toEqual([1, 2, 3]);
	});

	it('says which reason misattached evidence belongs to, on the student’s link', () => {
		const { c, result } = find('bike-lanes', 'misattached');
		const got = result.findings.filter((f) => f.code === 'misattached');
		expect(got.map((f) => f.target)).toEqual(
			c.gold.misattached.map((id) => ({ type: 'link', id }))
		);
		expect(got[0]!.message).toMatch(
			/^This evidence supports the (first|second|third) reason in the text, not the (first|second|third)\./
		);
	});

	it('tells an answer mapped as support and an inferred link marked stated', () => {
		const { result } = find('bike-lanes', 'relations');
		const messages = result.findings.map((f) => f.message);
		expect(messages).toContain(
			'The author answers this objection: you mapped the answer as support.'
		);
		expect(messages).toContain(
			'This link is your inference: the text does not state it. Mark it as inferred.'
		);
	});

	it('tells evidence linked past a claim the student has not mapped from misattached evidence', () => {
		const { result } = find('night-trains', 'hand-1');
		const byLink = new Map(
			result.findings
				.filter((f) => f.target.type === 'link')
				.map((f) => [(f.target as { id: string }).id, f])
		);
		expect(byLink.get('t1')?.code).toBe('shortcut');
		expect(byLink.get('t3')?.code).toBe('shortcut');
		expect(byLink.get('t4')?.code).toBe('misattached');
		expect(byLink.get('t6')?.message).toMatch(/^In the text this is an attack, not an undercut/);
		expect(
			result.findings.filter((f) => f.code === 'missing-statement').map((f) => f.message)
		).toContain('You have one of the three reasons the author gives; look again at paragraph 2.');
	});

	it('scores each part and explains it', () => {
		const { result } = find('bike-lanes', 'paraphrased');
		expect(result.score.total).toBe(100);
		const { result: worse } = find('bike-lanes', 'incomplete');
		expect(worse.score.total).toBeLessThan(100);
		expect(worse.score.parts.map((p) => p.id)).toEqual([
			'statements',
			'structure',
			'stated-inferred'
		]);
		for (const p of worse.score.parts) expect(p.explanation.length).toBeGreaterThan(20);
		expect(worse.score.total).toBe(worse.score.parts.reduce((n, p) => n + p.points, 0));
	});

	it('is plain data that survives JSON', () => {
		const { result } = find('phones-in-class', 'relations');
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
	});

	it('keeps the reference’s wording to level 3 hints, which forStudent can withhold', () => {
		for (const c of cases) {
			const result = compareMaps(c.reference, c.student);
			const words = c.reference.nodes.map((n) => n.text);
			const shown = [
				...result.findings.flatMap((f) => [
					f.message,
					...f.hints.filter((h) => h.level < 3).map((h) => h.text)
				]),
				...result.score.parts.map((p) => p.explanation)
			].join('\n');
			// The student's own text may coincide with the reference's; only the reference's own may not appear.
			const own = new Set(c.student.nodes.map((n) => n.text));
			for (const w of words)
				if (!own.has(w)) expect(shown, `${c.exercise}/${c.variant}`).not.toContain(w);
			const view = JSON.stringify(forStudent(result, 2));
			for (const w of words) if (!own.has(w)) expect(view).not.toContain(w);
			for (const n of c.reference.nodes) {
				expect(view).not.toContain(`"${n.id}"`);
				expect(view).not.toContain(`:${n.id}"`);
			}
			expect(forStudent(result, 2).findings.every((f) => f.hints.every((h) => h.level <= 2))).toBe(
				true
			);
		}
	});
});
