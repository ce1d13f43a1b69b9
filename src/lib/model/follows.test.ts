import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { evaluate } from './evaluate';
import { thesisSummary } from './follows';
import type { ArgumentMap, Verdict } from './schema';

const article = loadMap('arguments/japan-mongolia.map.json');
const thesisId = article.nodes.find((n) => n.kind === 'thesis')!.id;
const reasonIds = article.links
	.filter((l) => l.to === thesisId && l.relation === 'supports')
	.map((l) => l.from);

/** The article map with some verdicts and questions, as a student might leave it. */
const judged = fc
	.record({
		verdicts: fc.array(
			fc.option(fc.constantFrom<Verdict>('accepted', 'rejected', 'open'), { nil: undefined }),
			{ minLength: article.nodes.length, maxLength: article.nodes.length }
		),
		questioned: fc.array(fc.boolean(), {
			minLength: article.nodes.length,
			maxLength: article.nodes.length
		}),
		density: fc.integer({ min: 1, max: 10 })
	})
	.map(({ verdicts, questioned, density }): ArgumentMap => ({
		...article,
		nodes: article.nodes.map((n, i) => ({
			...n,
			// Sparse: most statements left alone, as a real critique does.
			...(verdicts[i] && i % density === 0 ? { verdict: verdicts[i] } : {}),
			...(questioned[i] && i % (density + 1) === 0 ? { questioned: { author: 'S' } } : {})
		}))
	}));

describe('What follows adds up', () => {
	it('lists as carrying exactly the reasons that hold with a step in force, and the why names them', () => {
		fc.assert(
			fc.property(judged, (map) => {
				const e = evaluate(map);
				const s = thesisSummary(map, e)!;
				expect(s.reasons.map((r) => r.id)).toEqual(reasonIds);
				for (const r of s.reasons) {
					// Carrying means: the reason holds and its step is in force; never otherwise.
					expect(r.carries).toBe(
						e.nodes.get(r.id)!.status === 'holds' && e.links.get(r.link)!.status === 'holds'
					);
					expect(r.status).toBe(e.nodes.get(r.id)!.status);
				}
				const thesis = e.nodes.get(thesisId)!;
				if (thesis.status === 'holds' && !map.nodes.find((n) => n.id === thesisId)!.verdict) {
					// The why names exactly the reasons that carry it.
					const named = thesis.because.filter((b) => reasonIds.includes(b));
					expect(new Set(named)).toEqual(new Set(s.carriers));
					expect(s.sentence).toMatch(/^The thesis still holds because of /);
				}
				if (s.carriers.length === 0 && thesis.status === 'holds')
					expect(map.nodes.find((n) => n.id === thesisId)!.verdict).toBe('accepted');
			}),
			{ numRuns: 150 }
		);
	});

	it('a student who rejects every reason of the thesis sees it fall, and is told why', () => {
		const map: ArgumentMap = {
			...article,
			nodes: article.nodes.map((n) =>
				reasonIds.includes(n.id) ? { ...n, verdict: 'rejected' as const } : n
			)
		};
		const s = thesisSummary(map, evaluate(map))!;
		expect(s.status).toBe('unestablished');
		expect(s.carriers).toEqual([]);
		expect(s.sentence).toMatch(/not established: none of its reasons carries it/);
	});

	it('names what carries the thesis and what would have to be answered to bring it down', () => {
		const keep = reasonIds.slice(0, 2);
		const map: ArgumentMap = {
			...article,
			nodes: article.nodes.map((n) =>
				reasonIds.includes(n.id) && !keep.includes(n.id)
					? { ...n, verdict: 'rejected' as const }
					: n
			)
		};
		const s = thesisSummary(map, evaluate(map))!;
		expect(s.carriers).toEqual(keep);
		const names = keep.map((id) => {
			const n = article.nodes.find((x) => x.id === id)!;
			return n.label ?? n.text.slice(0, 20);
		});
		expect(s.sentence).toContain(`still holds because of ${names[0]}`);
		expect(s.sentence).toMatch(
			/To bring it down you would have to take away .+ and .+ \(reject or question each one/
		);
	});
});
