import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, findings, reasonTree, whatIf, type Status } from './evaluate';
import { parseMap } from './parse';
import { CURRENT_VERSION } from './schema';
import type { ArgumentMap, MapLink, MapNode, Strength, Verdict } from './schema';

/** A tiny map from a compact description: "a>b" supports, "a!b" attacks, "a~l1" undercuts link l1. */
function build(
	spec: string[],
	extra: {
		verdicts?: Record<string, Verdict>;
		strengths?: Record<string, Strength>;
		with?: Record<string, string[]>;
		questioned?: Record<string, string>;
	} = {}
): ArgumentMap {
	const ids = new Set<string>(['t']);
	const links: MapLink[] = spec.map((s, i) => {
		const m = /^(\w+)([>!~])(\w+)$/.exec(s)!;
		const [, from, op, to] = m as unknown as [string, string, string, string];
		ids.add(from);
		if (op !== '~') ids.add(to);
		const relation = op === '>' ? 'supports' : op === '!' ? 'attacks' : 'undercuts';
		const id = `l${i + 1}`;
		return {
			id,
			from,
			to,
			relation,
			origin: 'reader',
			...(extra.strengths?.[id] ? { strength: extra.strengths[id] } : {}),
			...(extra.with?.[id] ? { with: extra.with[id] } : {})
		};
	});
	for (const w of Object.values(extra.with ?? {})) w.forEach((x) => ids.add(x));
	const nodes: MapNode[] = [...ids].map((id) => ({
		id,
		kind: id === 't' ? 'thesis' : 'claim',
		text: `Statement ${id}`,
		origin: 'reader',
		...(extra.verdicts?.[id] ? { verdict: extra.verdicts[id] } : {}),
		...(extra.questioned?.[id] ? { questioned: { author: extra.questioned[id] } } : {})
	}));
	return {
		format: 'warrant-map',
		version: CURRENT_VERSION,
		source: { title: 'cases' },
		nodes,
		links
	};
}
const statuses = (map: ArgumentMap, ids: string[]): Record<string, Status> =>
	Object.fromEntries(ids.map((id) => [id, evaluate(map).nodes.get(id)!.status]));

describe('grounded semantics: the textbook cases', () => {
	it('an unattacked statement holds; a single attack defeats its target', () => {
		expect(statuses(build(['b!t']), ['t', 'b'])).toEqual({ t: 'defeated', b: 'holds' });
		expect(evaluate(build(['b!t'])).nodes.get('t')!.reason).toMatch(
			/attacked by “Statement b”, which stands/
		);
	});

	it('reinstatement: a rebuttal defeats the objection and the claim holds again', () => {
		const map = build(['b!t', 'c!b']);
		expect(statuses(map, ['t', 'b', 'c'])).toEqual({ t: 'holds', b: 'defeated', c: 'holds' });
		expect(evaluate(map).nodes.get('t')!.reason).toMatch(/objection is answered/);
	});

	it('mutual attack leaves both open', () => {
		const map = build(['a!b', 'b!a']);
		expect(statuses(map, ['a', 'b'])).toEqual({ a: 'open', b: 'open' });
		expect(evaluate(map).nodes.get('a')!.reason).toMatch(/attack each other/);
	});

	it('an odd cycle leaves all three open', () => {
		expect(statuses(build(['a!b', 'b!c', 'c!a']), ['a', 'b', 'c'])).toEqual({
			a: 'open',
			b: 'open',
			c: 'open'
		});
	});

	it('even cycles stay open too, and what they attack is open', () => {
		expect(statuses(build(['a!b', 'b!a', 'a!t']), ['t'])).toEqual({ t: 'open' });
	});

	it('an undercut takes away a support without saying its premise is false', () => {
		const map = build(['e>t', 'u~l1']);
		// Not shown, not shown false: the undercut leaves T without a reason.
		expect(statuses(map, ['t', 'e', 'u'])).toEqual({ t: 'unestablished', e: 'holds', u: 'holds' });
		expect(evaluate(map).links.get('l1')!).toMatchObject({
			status: 'defeated',
			reason: expect.stringMatching(/undercut by/)
		});
		// The explanation blames the undercut, not the premise that still holds.
		expect(evaluate(map).nodes.get('t')!).toMatchObject({
			reason: expect.stringMatching(/undercut by “Statement u”/),
			because: ['u']
		});
	});

	it('an undercut of the undercut restores the support', () => {
		expect(statuses(build(['e>t', 'u~l1', 'v~l2']), ['t'])).toEqual({ t: 'holds' });
	});

	it('a claim whose only support is rejected is no longer established, but not shown false', () => {
		const map = build(['e>t'], { verdicts: { e: 'rejected' } });
		expect(statuses(map, ['t', 'e'])).toEqual({ t: 'unestablished', e: 'defeated' });
		expect(evaluate(map).nodes.get('e')!.reason).toBe('you rejected it');
		expect(evaluate(map).nodes.get('t')!.reason).toMatch(
			/none of its reasons stands .*; nothing shows it false/
		);
	});

	it('a claim with two reasons survives the loss of one', () => {
		expect(statuses(build(['a>t', 'b>t'], { verdicts: { a: 'rejected' } }), ['t'])).toEqual({
			t: 'holds'
		});
	});

	it('linked premises: rejecting one co-premise breaks the whole argument', () => {
		const linked = build(['a>t'], { with: { l1: ['h'] } });
		expect(statuses(linked, ['t'])).toEqual({ t: 'holds' });
		const broken = build(['a>t'], { with: { l1: ['h'] }, verdicts: { h: 'rejected' } });
		expect(statuses(broken, ['t', 'a'])).toEqual({ t: 'unestablished', a: 'holds' });
		expect(evaluate(broken).links.get('l1')!.reason).toMatch(/premise .*Statement h.* is defeated/);
		expect(evaluate(broken).nodes.get('t')!.because).toEqual(['h']);
	});

	it('weak support alone does not establish a claim; two weak reasons or one strong do', () => {
		expect(statuses(build(['a>t'], { strengths: { l1: 'weak' } }), ['t'])).toEqual({
			t: 'unestablished'
		});
		expect(evaluate(build(['a>t'], { strengths: { l1: 'weak' } })).nodes.get('t')!.reason).toMatch(
			/only standing support is weak/
		);
		expect(
			statuses(build(['a>t', 'b>t'], { strengths: { l1: 'weak', l2: 'weak' } }), ['t'])
		).toEqual({ t: 'holds' });
		expect(statuses(build(['a>t'], { strengths: { l1: 'strong' } }), ['t'])).toEqual({
			t: 'holds'
		});
	});

	it('a verdict overrides: accepted holds against an attack, rejected falls despite support', () => {
		expect(statuses(build(['b!t'], { verdicts: { t: 'accepted' } }), ['t'])).toEqual({
			t: 'holds'
		});
		expect(statuses(build(['a>t'], { verdicts: { t: 'rejected' } }), ['t'])).toEqual({
			t: 'defeated'
		});
		// "open" is undecided: it stays open, and so does what it alone would settle.
		expect(statuses(build(['b!t'], { verdicts: { b: 'open' } }), ['t', 'b'])).toEqual({
			t: 'open',
			b: 'open'
		});
		expect(statuses(build(['a>t'], { verdicts: { t: 'open' } }), ['t'])).toEqual({ t: 'open' });
	});

	it('names each statement once in an explanation, and once in the chain of reasons', () => {
		const map = build(['a>t', 'b>t'], { with: { l1: ['h'], l2: ['h'] }, verdicts: { h: 'open' } });
		const e = evaluate(map);
		expect(e.nodes.get('t')!).toMatchObject({ status: 'open', because: ['h'] });
		const tree = reasonTree(map, e, 't');
		expect(tree.children.map((c) => c.id)).toEqual(['h']);
	});

	it('an attack whose own step is open leaves its target open, and says so', () => {
		const map = build(['b!t', 'x~l1', 'x!y', 'y!x']);
		const t = evaluate(map).nodes.get('t')!;
		expect(t.status).toBe('open');
		expect(t.reason).toMatch(
			/the attack by “Statement b” is unsettled: an undercut by “Statement x” is itself open/
		);
		expect(t.because).toEqual(['x']);
	});

	it('an attack by an open statement leaves its target open', () => {
		expect(statuses(build(['a!b', 'b!a', 'a!c']), ['c'])).toEqual({ c: 'open' });
	});
});

describe('burden of proof: not shown is not shown false', () => {
	it('a claim with no reasons holds until someone questions it', () => {
		expect(statuses(build(['a>t']), ['a'])).toEqual({ a: 'holds' });
		const asked = build(['a>t'], { questioned: { a: 'Ana' } });
		expect(statuses(asked, ['a', 't'])).toEqual({ a: 'unestablished', t: 'unestablished' });
		expect(evaluate(asked).nodes.get('a')!.reason).toBe(
			'questioned by Ana and no reason is given for it; nothing shows it false'
		);
	});

	it('a questioned claim holds again once it has a standing reason', () => {
		const map = build(['e>t'], { questioned: { t: 'Ana' } });
		expect(statuses(map, ['t'])).toEqual({ t: 'holds' });
		expect(evaluate(map).nodes.get('t')!.reason).toMatch(
			/^questioned by Ana, and answered: supported by “Statement e”/
		);
		// …and loses it again when that reason is itself questioned and left unsupported.
		expect(statuses(build(['e>t'], { questioned: { t: 'Ana', e: 'Ben' } }), ['t'])).toEqual({
			t: 'unestablished'
		});
	});

	it('an objection that is only questioned, not shown, defeats nothing', () => {
		const map = build(['b!t'], { questioned: { b: 'Ana' } });
		expect(statuses(map, ['t', 'b'])).toEqual({ t: 'holds', b: 'unestablished' });
		expect(evaluate(map).links.get('l1')!).toMatchObject({
			status: 'unestablished',
			reason: 'its premise “Statement b” is not established'
		});
	});

	it('a true objection answered by an undercut stays true, and its target stands', () => {
		// "B is true, but it does not tell against T": the objection is not defeated.
		const map = build(['b!t', 'c~l1']);
		expect(statuses(map, ['t', 'b', 'c'])).toEqual({ t: 'holds', b: 'holds', c: 'holds' });
		expect(evaluate(map).links.get('l1')!.status).toBe('defeated');
	});

	it('what rests on a claim that was not shown is not shown either, and is never defeated', () => {
		const map = build(['a>b', 'b>t'], { verdicts: { a: 'rejected' } });
		expect(statuses(map, ['a', 'b', 't'])).toEqual({
			a: 'defeated',
			b: 'unestablished',
			t: 'unestablished'
		});
	});

	it('two rivals that cannot hold do not wait on each other: both not established', () => {
		// Mutual attack alone leaves both open; questioned and bare, neither can hold, so neither
		// attack stands (Carneades labels both out).
		const map = build(['a!b', 'b!a'], { questioned: { a: 'Ana', b: 'Ben' } });
		expect(statuses(map, ['a', 'b'])).toEqual({ a: 'unestablished', b: 'unestablished' });
		// One that can hold wins against one that cannot.
		expect(statuses(build(['a!b', 'b!a'], { questioned: { b: 'Ben' } }), ['a', 'b'])).toEqual({
			a: 'holds',
			b: 'defeated'
		});
	});

	it('a statement that cannot hold stays not established while its attacker is undecided', () => {
		const map = build(['x!y', 'y!x', 'x!a'], { questioned: { a: 'Ana' } });
		expect(statuses(map, ['a', 'x', 'y'])).toEqual({ a: 'unestablished', x: 'open', y: 'open' });
	});

	it('a fresh objection still reading "New objection" takes no part until it is written', () => {
		const map = build(['b!t']);
		const draft = {
			...map,
			nodes: map.nodes.map((n) => (n.id === 'b' ? { ...n, text: 'New objection' } : n))
		};
		expect(statuses(draft, ['t', 'b'])).toEqual({ t: 'holds', b: 'open' });
		expect(evaluate(draft).nodes.get('b')!.reason).toBe(
			'a draft: it counts once you write what it says'
		);
		expect(evaluate(draft).nodes.get('t')!.reason).not.toMatch(/objection/);
		expect(statuses(map, ['t'])).toEqual({ t: 'defeated' });
	});

	it('a standing counter-claim defeats even a supported claim', () => {
		expect(statuses(build(['e>t', 'b!t']), ['t'])).toEqual({ t: 'defeated' });
	});
});

describe('what follows on the article map', () => {
	const r = parseMap(readFileSync('arguments/japan-mongolia.map.json', 'utf8'));
	if (!r.ok) throw new Error('article map');
	const article = r.map;

	it('as written, with no critique, every statement holds', () => {
		const e = evaluate(article);
		expect([...e.nodes.values()].every((x) => x.status === 'holds')).toBe(true);
	});

	it('what-if: rejecting Motive 3’s only evidence changes Motive 3 and nothing unrelated', () => {
		const motive3 = article.links.filter((l) => l.to === 'motive-3').map((l) => l.from);
		const verdicts = Object.fromEntries(motive3.map((id) => [id, 'rejected' as const]));
		const { changes } = whatIf(article, verdicts);
		expect(changes.map((c) => c.id)).toContain('motive-3');
		expect(changes.find((c) => c.id === 'motive-3')).toMatchObject({
			from: 'holds',
			to: 'unestablished'
		});
		// The thesis has other reasons standing.
		expect(changes.map((c) => c.id)).not.toContain('thesis');
	});

	it('explains the thesis as a chain of reasons', () => {
		const tree = reasonTree(article, evaluate(article), 'thesis');
		expect(tree.status).toBe('holds');
		expect(tree.children.map((c) => c.name)).toEqual(
			expect.arrayContaining(['Motive 1', 'Motive 5'])
		);
	});

	it('lists claims without reasons and evidence linked to nothing', () => {
		const f = findings(article);
		// Paragraph 14's claim about politicians' hopes is asserted with nothing under it.
		expect(f.unsupported).toEqual(['aid-hopes']);
		expect(f.unsupported).not.toContain('motive-2');
		expect(f.unlinkedEvidence).toEqual([]);
		const withLoose = {
			...article,
			nodes: [
				...article.nodes,
				{ id: 'loose', kind: 'evidence' as const, text: 'x', origin: 'reader' as const }
			]
		};
		expect(findings(withLoose).unlinkedEvidence).toEqual(['loose']);
	});
});
