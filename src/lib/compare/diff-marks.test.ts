import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareMaps } from './index';
import { diffMarks } from './diff-marks';

const load = (name: string) =>
	JSON.parse(readFileSync(`tests/fixtures/compare/bike-lanes/${name}.map.json`, 'utf8'));
const reference = load('reference');

function marksOf(name: string) {
	const student = load(name);
	return { student, diff: diffMarks(reference, student, compareMaps(reference, student)) };
}

describe('diffMarks', () => {
	it('numbers every matched pair once, in the reference’s order, and marks nothing else on the reference itself', () => {
		const { diff } = marksOf('reference');
		expect(diff.items).toEqual([]);
		expect(diff.pairs.map((p) => p.n)).toEqual(
			reference.nodes.map((_: unknown, i: number) => i + 1)
		);
		expect(diff.pairs.map((p) => p.reference)).toEqual(
			reference.nodes.map((n: { id: string }) => n.id)
		);
	});

	it('marks missing statements on the reference and extra ones on the student’s map', () => {
		const { diff } = marksOf('incomplete');
		const missing = diff.items.filter((i) => i.kind === 'missing-statement');
		expect(missing.length).toBeGreaterThan(0);
		for (const m of missing) {
			expect(m.reference.nodes).toHaveLength(1);
			expect(m.student.nodes).toEqual([]);
			expect(m.text).toMatch(/^Missing: the reference’s \w+ “/);
		}
		const extra = marksOf('extra').diff.items.filter((i) => i.kind === 'extra-statement');
		expect(extra.length).toBeGreaterThan(0);
		for (const e of extra) {
			expect(e.reference.nodes).toEqual([]);
			expect(e.student.nodes).toHaveLength(1);
		}
	});

	it('marks a misattached piece of evidence on the link in both maps, naming where it belongs', () => {
		const { diff, student } = marksOf('misattached');
		const mis = diff.items.filter((i) => i.kind === 'misattached');
		expect(mis.length).toBeGreaterThan(0);
		for (const m of mis) {
			expect(m.student.links).toHaveLength(1);
			expect(student.links.some((l: { id: string }) => l.id === m.student.links[0])).toBe(true);
			expect(m.reference.links).toHaveLength(1);
			expect(m.text).toMatch(/reference has it under/);
		}
	});

	it('marks wrong relation kinds with what was found and what was expected', () => {
		const { diff } = marksOf('relations');
		const wrong = diff.items.filter((i) => i.kind === 'wrong-relation');
		expect(wrong.length).toBeGreaterThan(0);
		for (const w of wrong) {
			expect(w.text).toMatch(/(supports|attacks|undercuts|co-premise) .* in the reference it/);
			expect(w.reference.links).toHaveLength(1);
			expect(w.student.links).toHaveLength(1);
		}
	});
});
