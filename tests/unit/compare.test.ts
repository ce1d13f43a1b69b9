/**
 * The comparison engine against the benchmark fixtures (tests/fixtures/compare/): every fixture
 * is a valid map, the accuracy goals of issue 10 hold (these are accuracy, not timing), and the
 * reference's wording never leaks outside level 3 hints.
 */
import { describe, expect, it } from 'vitest';
import { alignMaps, compareMaps, forStudent, greedyAlign } from '../../src/lib/compare';
import { resolveAnchors } from '../../src/lib/source/anchor';
import { starterMap } from '../../src/lib/server/exercises';
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
		// One full stop after the student's quoted statement, not two.
		expect(got.map((f) => f.message)).toContain(
			'This evidence supports the first reason in the text, not the second. Link it to your statement “Lanes that are only paint did not work.”'
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
		expect(byLink.get('t6')?.message).toMatch(
			/^In the text this is an objection, not an undercut\.$/
		);
		expect(
			result.findings.filter((f) => f.code === 'missing-statement').map((f) => f.message)
		).toContain(
			'You have one of the three reasons the author gives; one of those missing is in paragraph 2.'
		);
		expect(byLink.get('t1')?.message).toBe(
			'The author does not offer this directly for the thesis: it backs the first reason, which you have not mapped yet, and that in turn supports the thesis.'
		);
	});

	it('leaves the student’s own (reader) statements out of the extra ones', () => {
		const { result } = find('phones-in-class', 'hand-1');
		expect(result.alignment.unmatchedStudent).toContain('i9');
		expect(result.findings.some((f) => f.target.type === 'node' && f.target.id === 'i9')).toBe(
			false
		);
	});

	it('releases hints level by level', () => {
		const { result } = find('bike-lanes', 'hand-1');
		for (const level of [0, 1, 2, 3] as const) {
			const view = forStudent(result, level);
			expect(view.hintLevel).toBe(level);
			for (const f of view.findings)
				expect(f.hints.map((h) => h.level)).toEqual([1, 2, 3].filter((l) => l <= level));
			expect(view.findings.map((f) => f.message)).toEqual(result.findings.map((f) => f.message));
			expect(Object.keys(view).sort()).toEqual(['findings', 'hintLevel', 'score']);
		}
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

describe('compareMaps on edge cases', () => {
	const reference = cases.find((c) => c.exercise === 'voting-age')!.reference;

	it('finds nothing to say about the reference compared with itself', () => {
		const result = compareMaps(reference, reference);
		expect(result.findings).toEqual([]);
		expect(result.score.total).toBe(100);
		expect(result.alignment.pairs.every((p) => p.student === p.reference)).toBe(true);
	});

	it('handles a map with one statement and no links', () => {
		const student = {
			...reference,
			nodes: [
				{
					id: 'only',
					kind: 'thesis' as const,
					text: 'Sixteen-year-olds should vote.',
					origin: 'source' as const
				}
			],
			links: []
		};
		const result = compareMaps(reference, student);
		expect(result.alignment.pairs).toEqual([
			expect.objectContaining({ student: 'only', reference: 'thesis' })
		]);
		expect(result.alignment.unmatchedReference).toHaveLength(reference.nodes.length - 1);
		// Evidence under a missing reason is told with its reason, not on its own.
		const missing = result.findings.filter((f) => f.code === 'missing-statement');
		expect(missing.map((f) => f.message)).toContain(
			'You have none of the three reasons the author gives; one of those missing is in paragraph 2. It comes with a piece of evidence, which your map does not have either.'
		);
		expect(missing.length).toBe(5);
		expect(result.score.parts.find((p) => p.id === 'structure')!.points).toBe(0);
	});

	it('places anchors without positions, and works without the text', () => {
		const student = cases.find(
			(c) => c.exercise === 'voting-age' && c.variant === 'hand-1'
		)!.student;
		expect(student.text).toBeUndefined();
		const withText = compareMaps(reference, student);
		const noText = { ...reference, text: undefined };
		const without = compareMaps(noText, student);
		// Without a text the anchors' positions still count for the reference, not the student's quotes.
		expect(withText.alignment.pairs.length).toBeGreaterThanOrEqual(6);
		expect(without.alignment.pairs.length).toBeGreaterThan(0);
		expect(JSON.parse(JSON.stringify(without))).toEqual(without);
	});
});

describe('feedback reads as a teacher writes', () => {
	const all = loadCases().flatMap((c) =>
		compareMaps(c.reference, c.student).findings.flatMap((f) => [
			f.message,
			...f.hints.map((h) => h.text)
		])
	);

	it('never doubles a stop after a quote, nor repeats the author, nor names raw relations', () => {
		expect(all.length).toBeGreaterThan(100);
		for (const text of all) {
			expect(text).not.toMatch(/[.!?]”\./);
			expect(text).not.toMatch(/author\b[^.]*\bthe author\b/i);
			expect(text).not.toMatch(/an? (support|attack|co-premise) of /);
			expect(text).not.toMatch(/ → /);
			expect(text).not.toMatch(/\s\s|\.\./);
		}
	});

	it('names an answer as an answer and an objection as an objection in the reference wording', () => {
		expect(all).toContain(
			'The reference has “The plan keeps a loading bay on every block and predicts only two extra minutes at rush hour.” as an answer to “Critics say the lane will cause traffic jams and block deliveries.”'
		);
		expect(all).toContain(
			'The reference has “Critics say the lane will cause traffic jams and block deliveries.” as an objection to “The council should build the protected bike lane on Harbour Road even though it removes parking.”'
		);
		expect(all).toContain('Look for a piece of evidence with a figure in it.');
	});
});

describe('statements that are not about the text', () => {
	const reference = cases.find((c) => c.exercise === 'voting-age')!.reference;
	const thesis = reference.nodes.find((n) => n.kind === 'thesis')!;

	it('earn nothing: junk objections are no match, and the same sentence is said once', () => {
		const junk = (id: string, text: string) => ({
			id,
			kind: 'claim' as const,
			text,
			origin: 'source' as const
		});
		const student = {
			...reference,
			nodes: [{ ...thesis }, junk('j1', 'Junk one'), junk('j2', 'Junk two')],
			links: ['j1', 'j2'].map((from) => ({
				id: `l-${from}`,
				from,
				to: thesis.id,
				relation: 'supports' as const,
				origin: 'source' as const
			}))
		};
		const result = compareMaps(reference, student);
		expect(result.alignment.pairs.map((p) => p.student)).toEqual([thesis.id]);
		expect(result.alignment.unmatchedStudent.sort()).toEqual(['j1', 'j2']);
		const messages = result.findings.map((f) => `${JSON.stringify(f.target)} ${f.message}`);
		expect(new Set(messages).size).toBe(messages.length);
		expect(result.score.parts.find((p) => p.id === 'structure')!.points).toBe(0);
	});

	it('a map with the given thesis alone scores almost nothing for stated or inferred', () => {
		const student = { ...reference, nodes: [{ ...thesis }], links: [] };
		const part = compareMaps(reference, student).score.parts.find(
			(p) => p.id === 'stated-inferred'
		)!;
		expect(part.points).toBeLessThanOrEqual(2);
		expect(part.explanation).toMatch(/^1 of the \d+ statements and links/);
	});
});

describe('a reference with one reason', () => {
	it('says the one reason is missing without "none of the one reasons"', () => {
		const base = cases.find((c) => c.exercise === 'voting-age')!.reference;
		const thesis = base.nodes.find((n) => n.kind === 'thesis')!;
		const reason = base.links.find((l) => l.to === thesis.id && l.relation === 'supports')!;
		const reference = {
			...base,
			nodes: base.nodes.filter((n) => n.id === thesis.id || n.id === reason.from),
			links: [reason]
		};
		const student = { ...base, nodes: [{ ...thesis }], links: [] };
		const messages = compareMaps(reference, student).findings.map((f) => f.message);
		expect(messages[0]).toMatch(
			/^You do not have the reason the author gives; it is in paragraph \d+\.$/
		);
	});
});

describe('feedback on an empty start and on extra statements', () => {
	const reference = cases.find((c) => c.exercise === 'voting-age')!.reference;

	it('does not count the starter thesis as the student’s, and says the reasons’ count once', () => {
		const result = compareMaps(reference, starterMap(reference, 'text'));
		expect(result.findings.filter((f) => f.code === 'extra-statement')).toEqual([]);
		const counted = result.findings.filter((f) => /reasons the author gives/.test(f.message));
		expect(counted).toHaveLength(1);
		expect(result.findings.map((f) => f.message)).toContain(
			'Another reason the author gives is missing too; it is in paragraph 3. It comes with a piece of evidence, which your map does not have either.'
		);
		expect(result.score.total).toBeLessThanOrEqual(5);
	});

	it('names the student’s statement that is not in the argument', () => {
		const thesis = reference.nodes.find((n) => n.kind === 'thesis')!;
		const student = {
			...reference,
			nodes: [
				{ ...thesis },
				{ id: 'j', kind: 'claim' as const, text: 'Junk one', origin: 'source' as const }
			],
			links: []
		};
		const extra = compareMaps(reference, student).findings.find(
			(f) => f.code === 'extra-statement'
		);
		expect(extra?.message).toMatch(/^Your statement “Junk one” is not in the author’s argument/);
	});
});
