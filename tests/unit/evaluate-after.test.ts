import { describe, expect, it } from 'vitest';
import { syntheticMap } from '../fixtures/synthetic';
import { apply } from '../../src/lib/commands/commands';
import { addChild, editText } from '../../src/lib/commands/intents';
import { evaluate, evaluateAfter, type Evaluation } from '../../src/lib/model/evaluate';
import { indexMap } from '../../src/lib/model/queries';
import type { ArgumentMap } from '../../src/lib/model/schema';

/** Every status and reason, by id, in a form `toEqual` compares. */
const words = (e: Evaluation) => ({
	nodes: Object.fromEntries([...e.nodes].map(([id, x]) => [id, [x.status, x.reason, x.because]])),
	links: Object.fromEntries([...e.links].map(([id, x]) => [id, [x.status, x.reason, x.because]]))
});

function added(map: ArgumentMap, parent: string, role: 'reason' | 'objection' | 'evidence') {
	const built = addChild(map, parent, role, { origin: 'reader', author: 'Ana' });
	if (!built.ok) throw new Error(built.reason);
	const r = apply(map, built.command);
	if (!r.ok) throw new Error(r.reason);
	return { map: r.map, id: built.nodeId! };
}

describe('evaluating the next version by what changed', () => {
	const map = syntheticMap(250);
	const evaluation = evaluate(map);
	const parents = map.nodes.filter((n) => n.kind !== 'evidence').slice(0, 6);

	it('a statement added and not yet written keeps every other status and reason', () => {
		for (const [i, p] of parents.entries()) {
			const next = added(map, p.id, i % 2 ? 'objection' : 'reason');
			const after = evaluateAfter({ map, evaluation }, next.map, indexMap(next.map));
			expect(words(after)).toEqual(words(evaluate(next.map)));
			expect(after.nodes.get(next.id)!.status).toBe('open');
			// Reused, not computed again.
			expect(after.nodes.get(p.id)).toBe(evaluation.nodes.get(p.id));
		}
	});

	it('taking the draft away again (undo, Escape) gives the evaluation before it', () => {
		const next = added(map, parents[1]!.id, 'objection');
		const later = evaluate(next.map);
		const back = evaluateAfter({ map: next.map, evaluation: later }, map);
		expect(words(back)).toEqual(words(evaluation));
		expect(back.nodes.has(next.id)).toBe(false);
	});

	it('a written statement is evaluated afresh: an objection that stands defeats its target', () => {
		const next = added(map, parents[0]!.id, 'objection');
		const built = editText(next.map, next.id, 'A plain counter-claim of our own');
		if (!built.ok) throw new Error(built.reason);
		const r = apply(next.map, built.command);
		if (!r.ok) throw new Error(r.reason);
		const draftEval = evaluateAfter({ map, evaluation }, next.map);
		const after = evaluateAfter({ map: next.map, evaluation: draftEval }, r.map);
		expect(words(after)).toEqual(words(evaluate(r.map)));
		expect(after.nodes.get(next.id)!.status).toBe('holds');
		expect(after.nodes.get(parents[0]!.id)!.status).toBe('defeated');
	});
});
