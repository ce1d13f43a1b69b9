/**
 * "Numbers to reach" (issue 8): anchors made from random selections of real-length texts hold
 * when 1–10% of the text is edited at random. The suite is deterministic (seeded); `npm run
 * bench` prints the same rates over more seeds, and the timings.
 */
import { describe, expect, it } from 'vitest';
import { NO_ARTICLE, articleExists } from '../../../tests/fixtures/article';
import { runSuite, suiteTexts } from '../../../tests/fixtures/perturb';

describe('anchors under random edits', () => {
	const texts = suiteTexts();
	if (!articleExists) console.warn(`perturbation suite: ${NO_ARTICLE} (our own texts only)`);
	const result = runSuite(texts, { trials: 9, perTrial: 40, seed: 1 });

	it('makes at least 1,000 anchors over real-length texts', () => {
		expect(result.outcomes.length).toBeGreaterThanOrEqual(1000);
		for (const t of texts)
			expect(t.blocks.map((b) => b.text).join(' ').length).toBeGreaterThan(4000);
	});

	it('places at least 99% of the anchors whose quote is untouched where it went', () => {
		const { right, total } = result.untouched;
		expect(total).toBeGreaterThan(900);
		expect(right / total).toBeGreaterThanOrEqual(0.99);
	});

	it('places at least 95% of the anchors whose quote was edited by at most 10%', () => {
		const { right, total } = result.lightlyEdited;
		expect(total).toBeGreaterThan(20);
		expect(right / total).toBeGreaterThanOrEqual(0.95);
	});

	it('never places an anchor in a wrong place: what it cannot place is an orphan', () => {
		const wrong = result.outcomes.filter((o) => o.wrong);
		expect(
			wrong.map((o) => ({ quote: o.anchor.quote, truth: o.truth, placed: o.resolution })),
			'wrong placements'
		).toEqual([]);
		// Heavily edited quotes exist in the suite, and end as orphans or in the right place.
		expect(result.heavilyEdited.total).toBeGreaterThan(50);
		expect(result.heavilyEdited.orphans).toBeGreaterThan(0);
	});
});
