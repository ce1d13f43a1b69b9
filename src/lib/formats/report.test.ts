import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { evaluate } from '../model/evaluate';
import type { ArgumentMap } from '../model/schema';
import { critiqueCounts, countsSentence, readerAuthors, reportRows } from './report';

const small = loadMap('tests/fixtures/small.map.json');

/** The small map with a second reader's work on it: a question, a verdict, flags, a weak step. */
function critiqued(): ArgumentMap {
	return {
		...small,
		nodes: small.nodes.map((n) =>
			n.id === 'c1'
				? {
						...n,
						questioned: { author: 'Ben', note: 'Which years?' },
						flags: [{ type: 'loaded-language', note: '“generous”', author: 'Ben' }]
					}
				: n.id === 'e1'
					? { ...n, verdict: 'rejected' }
					: n
		),
		links: small.links.map((l) =>
			l.id === 'l1'
				? { ...l, strength: 'weak', scheme: 'sign', answers: { 'sign-1': 'doubted' } }
				: l
		)
	};
}

describe('the report of a critique', () => {
	it('names who wrote the critique, each once, in the order they appear', () => {
		expect(readerAuthors(small)).toEqual(['Ana']);
		expect(readerAuthors(critiqued())).toEqual(['Ben', 'Ana']);
		expect(readerAuthors({ ...small, nodes: small.nodes.slice(0, 3), links: [] })).toEqual([]);
	});

	it('counts what the reader did, and says it in words', () => {
		const c = critiqueCounts(critiqued());
		expect(c).toEqual({ statements: 1, links: 1, verdicts: 1, questions: 1, flags: 1, steps: 1 });
		expect(countsSentence(c)).toBe(
			'1 statement added, 1 link added, 1 verdict, 1 statement questioned, 1 flag, 1 step weighed'
		);
		expect(countsSentence(critiqueCounts({ ...small, nodes: [], links: [] }))).toBe('');
	});

	it('lists the outline with every status in words and the reader’s marks', () => {
		const map = critiqued();
		const rows = reportRows(map, evaluate(map));
		expect(rows.map((r) => [r.key, r.depth, r.id, r.relation])).toEqual([
			['0', 1, 't', 'root'],
			['0/0', 2, 'c1', 'supports'],
			['0/0/0', 3, 'e1', 'supports'],
			['0/0/1', 3, 'o1', 'undercuts']
		]);
		const [thesis, reason, evidence, undercut] = rows;
		expect(thesis).toMatchObject({ name: 'Thesis', statusWords: 'not established', notes: [] });
		expect(reason!.statusWords).toBe('not established');
		expect(reason!.notes).toEqual([
			{ kind: 'strength', text: 'Its step to the thesis is weak' },
			{ kind: 'scheme', text: 'Argument scheme: From sign or evidence to hypothesis' },
			{ kind: 'doubt', text: 'Doubted: Are the facts offered as signs actually true?' },
			{ kind: 'question', text: 'Questioned: Which years?', author: 'Ben' },
			{ kind: 'flag', text: 'Flag: Loaded language: “generous”', author: 'Ben' }
		]);
		expect(evidence).toMatchObject({
			name: 'Evidence · Statistic',
			figures: ['$68M · 2012'],
			statusWords: 'defeated',
			notes: [{ kind: 'verdict', text: 'Verdict: rejected' }]
		});
		expect(evidence!.addedBy).toBeUndefined();
		// The reader's own statement says who added it; its link needs no second mention.
		expect(undercut).toMatchObject({
			addedBy: 'Ana',
			undercuts: 'the step from “Some evidence.” to Reason 1',
			notes: []
		});
	});

	it('marks a reader’s link between statements the text makes', () => {
		const map: ArgumentMap = {
			...small,
			links: [
				...small.links,
				{ id: 'l4', from: 'e1', to: 't', relation: 'supports', origin: 'reader', author: 'Cy' }
			]
		};
		const rows = reportRows(map, evaluate(map));
		const direct = rows.find((r) => r.key === '0/1')!;
		expect(direct).toMatchObject({ id: 'e1', repeat: true });
		expect(direct.notes).toEqual([
			{ kind: 'link', text: 'Link added: it supports the thesis', author: 'Cy' }
		]);
	});
});
