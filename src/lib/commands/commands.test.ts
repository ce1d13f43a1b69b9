import { loadMap } from '../../../tests/fixtures/load';
import { describe, expect, it } from 'vitest';

import type { ArgumentMap } from '../model/schema';
import { apply, type Command } from './commands';
import {
	addChild,
	connect,
	deleteNode,
	editText,
	moveUnder,
	setRelation,
	type Built
} from './intents';

const load = loadMap;
const article = load('arguments/japan-mongolia.map.json');
const small = load('tests/fixtures/small.map.json');

function command(b: Built): Command {
	if (!b.ok) throw new Error(b.reason);
	return b.command;
}

/** The command shape: act → assert → undo → assert → redo → assert. */
function roundTrip(map: ArgumentMap, cmd: Command, check: (after: ArgumentMap) => void) {
	const r = apply(map, cmd);
	if (!r.ok) throw new Error(r.reason);
	check(r.map);
	const back = apply(r.map, r.inverse);
	if (!back.ok) throw new Error(back.reason);
	expect(back.map).toEqual(map);
	const again = apply(back.map, cmd);
	expect(again.ok && again.map).toEqual(r.map);
	return r.map;
}

describe('commands', () => {
	it('adds an objection to Motive 2, and undo takes it away exactly', () => {
		const b = addChild(article, 'motive-2', 'objection', {
			text: 'Tied loans are common to all donors.',
			author: 'Ana'
		});
		roundTrip(article, command(b), (m) => {
			const n = m.nodes.find((x) => x.id === (b.ok && b.nodeId))!;
			expect(n).toMatchObject({
				kind: 'claim',
				origin: 'reader',
				author: 'Ana',
				text: 'Tied loans are common to all donors.'
			});
			const link = m.links.find((l) => l.from === n.id)!;
			expect(link).toMatchObject({ to: 'motive-2', relation: 'attacks', origin: 'reader' });
			// The newest child comes last among Motive 2's links.
			const siblings = m.links.filter((l) => l.to === 'motive-2');
			expect(siblings.at(-1)).toBe(link);
		});
	});

	it('labels an objection to an objection as a rebuttal', () => {
		const first = apply(small, command(addChild(small, 'c1', 'objection')));
		if (!first.ok) throw new Error();
		const objection = first.map.nodes.at(-1)!.id;
		const b = addChild(first.map, objection, 'objection');
		expect(b.ok && b.label).toBe('Add rebuttal');
	});

	it('adds reasons and evidence as supports', () => {
		for (const role of ['reason', 'evidence'] as const) {
			const b = addChild(small, 'c1', role);
			roundTrip(small, command(b), (m) => {
				expect(m.links.find((l) => l.from === (b.ok && b.nodeId))!.relation).toBe('supports');
				expect(m.nodes.find((n) => n.id === (b.ok && b.nodeId))!.kind).toBe(
					role === 'evidence' ? 'evidence' : 'claim'
				);
			});
		}
	});

	it('adds a hidden assumption as co-premise of the selected reason', () => {
		const b = addChild(small, 'c1', 'assumption');
		roundTrip(small, command(b), (m) => {
			expect(m.links.find((l) => l.id === 'l1')!.with).toEqual([b.ok && b.nodeId]);
			expect(m.nodes.at(-1)!.kind).toBe('assumption');
		});
		expect(addChild(small, 't', 'assumption')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/completes a reason/)
		});
	});

	it('edits text and fields; removing a field comes back on undo', () => {
		roundTrip(small, command(editText(small, 'e1', '  New   words. ')), (m) =>
			expect(m.nodes[2]!.text).toBe('New words.')
		);
		roundTrip(
			small,
			{ type: 'updateNode', id: 'e1', patch: { figures: undefined, basis: 'poll', label: 'Poll' } },
			(m) => {
				expect(m.nodes[2]).not.toHaveProperty('figures');
				expect(m.nodes[2]).toMatchObject({ basis: 'poll', label: 'Poll' });
			}
		);
		roundTrip(
			small,
			{
				type: 'updateNode',
				id: 'c1',
				patch: { anchors: [{ paragraph: 3, quote: 'three words here' }] }
			},
			(m) => expect(m.nodes[1]!.anchors).toHaveLength(1)
		);
		roundTrip(
			small,
			{ type: 'updateSource', patch: { author: 'Someone' }, title: 'A map' },
			(m) => {
				expect(m.source.author).toBe('Someone');
				expect(m.title).toBe('A map');
			}
		);
		// Attaching a text is one step too, and undo takes it away again.
		const text = [{ text: 'By A. Writer', skip: true as const }, { text: 'The first paragraph.' }];
		const withText = roundTrip(small, { type: 'updateSource', patch: {}, text }, (m) =>
			expect(m.text).toEqual(text)
		);
		roundTrip(withText, { type: 'updateSource', patch: {}, text: null }, (m) =>
			expect(m).not.toHaveProperty('text')
		);
	});

	it('connects two statements, undercuts a link and changes a relation', () => {
		roundTrip(small, command(connect(small, 'e1', 't', 'attacks')), (m) =>
			expect(m.links.find((l) => l.from === 'e1' && l.to === 't')).toMatchObject({
				relation: 'attacks',
				origin: 'reader'
			})
		);
		roundTrip(small, command(connect(small, 'c1', 'l2', 'undercuts')), (m) =>
			expect(m.links.find((l) => l.to === 'l2' && l.from === 'c1')).toBeDefined()
		);
		roundTrip(small, command(setRelation(small, 'l2', 'attacks')), (m) =>
			expect(m.links[1]!.relation).toBe('attacks')
		);
		expect(connect(small, 'c1', 'c1', 'supports').ok).toBe(false);
		expect(connect(small, 'c1', 't', 'supports')).toMatchObject({
			ok: false,
			reason: 'these two are already linked'
		});
		expect(connect(small, 'c1', 't', 'undercuts')).toMatchObject({
			ok: false,
			reason: 'an undercut must end on a link'
		});
	});

	it('moves a statement under another conclusion, refusing circles', () => {
		roundTrip(small, command(moveUnder(small, 'e1', 't')), (m) =>
			expect(m.links.find((l) => l.from === 'e1')!.to).toBe('t')
		);
		expect(moveUnder(small, 'c1', 'e1')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/circle/)
		});
		expect(moveUnder(small, 't', 'c1').ok).toBe(false);
	});

	it('deletes a statement with its links and undercuts; undo restores them in place', () => {
		roundTrip(small, command(deleteNode(small, 'e1')), (m) => {
			expect(m.nodes.map((n) => n.id)).toEqual(['t', 'c1', 'o1']);
			// l2 went with e1, and the undercut of l2 with it.
			expect(m.links.map((l) => l.id)).toEqual(['l1']);
		});
		expect(deleteNode(small, 't')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/thesis cannot be deleted/)
		});
	});

	it('takes a deleted co-premise out of its link', () => {
		const withA = apply(small, command(addChild(small, 'c1', 'assumption')));
		if (!withA.ok) throw new Error();
		const id = withA.map.nodes.at(-1)!.id;
		roundTrip(withA.map, command(deleteNode(withA.map, id)), (m) =>
			expect(m.links[0]).not.toHaveProperty('with')
		);
	});

	it('refuses a command that would break the map, and changes nothing', () => {
		const bad: Command[] = [
			{ type: 'updateNode', id: 'c1', patch: { kind: 'thesis' } },
			{ type: 'updateNode', id: 'c1', patch: { text: '' } },
			{ type: 'updateLink', id: 'l1', patch: { to: 'ghost' } },
			{ type: 'remove', nodes: ['c1'], links: [] },
			{ type: 'updateNode', id: 'ghost', patch: { text: 'x' } },
			{
				type: 'insert',
				nodes: [{ at: 99, node: { id: 'x', kind: 'claim', text: 'x', origin: 'reader' } }],
				links: []
			},
			{
				type: 'batch',
				commands: [
					{ type: 'updateNode', id: 'c1', patch: { text: 'fine' } },
					{ type: 'updateNode', id: 'c1', patch: { label: 'x'.repeat(100) } }
				]
			}
		];
		const before = JSON.stringify(small);
		for (const cmd of bad) {
			const r = apply(small, cmd);
			expect(r.ok, JSON.stringify(cmd)).toBe(false);
			if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
		}
		expect(JSON.stringify(small)).toBe(before);
	});
});

describe('link removal and field edits', () => {
	it('removes a link with the undercuts that target it, keeping the statements', async () => {
		const { removeLink, updateFields } = await import('./intents');
		roundTrip(small, command(removeLink(small, 'l2')), (m) => {
			expect(m.links.map((l) => l.id)).toEqual(['l1']);
			expect(m.nodes).toHaveLength(4);
		});
		expect(updateFields(small, 'c1', { label: 'Reason 1' }, 'label')).toMatchObject({
			ok: false,
			reason: 'unchanged'
		});
		roundTrip(
			small,
			command(updateFields(small, 'e1', { figures: [{ value: 1, unit: '%' }] }, 'figures')),
			(m) => expect(m.nodes[2]!.figures).toEqual([{ value: 1, unit: '%' }])
		);
	});
});

describe('evaluation edits', () => {
	it('sets and clears verdicts, strengths and schemes, each undoable', async () => {
		const { setVerdict, updateLinkFields } = await import('./intents');
		roundTrip(small, command(setVerdict(small, 'e1', 'rejected')), (m) =>
			expect(m.nodes[2]!.verdict).toBe('rejected')
		);
		expect(setVerdict(small, 'e1', undefined)).toMatchObject({ ok: false, reason: 'unchanged' });
		roundTrip(
			small,
			command(updateLinkFields(small, 'l2', { strength: 'weak', scheme: 'sign' }, 'strength')),
			(m) => expect(m.links[1]).toMatchObject({ strength: 'weak', scheme: 'sign' })
		);
		roundTrip(
			small,
			command(
				updateLinkFields(small, 'l1', { flags: [{ type: 'causal-leap', note: 'why' }] }, 'flags')
			),
			(m) => expect(m.links[0]!.flags).toEqual([{ type: 'causal-leap', note: 'why' }])
		);
		// An unknown flag or scheme is refused by the schema.
		expect(apply(small, { type: 'updateLink', id: 'l1', patch: { scheme: 'astrology' } }).ok).toBe(
			false
		);
		expect(
			apply(small, { type: 'updateNode', id: 'c1', patch: { flags: [{ type: 'rude' }] } }).ok
		).toBe(false);
	});

	it('raises a critical question as an objection to the premise or an undercut of the step', async () => {
		const { raiseDoubt } = await import('./intents');
		const premise = raiseDoubt(small, 'l2', {
			id: 'sign-1',
			attacks: 'premise',
			doubt: 'The facts may be wrong:'
		});
		roundTrip(small, command(premise), (m) => {
			expect(m.links.at(-1)).toMatchObject({ to: 'e1', relation: 'attacks' });
			expect(m.links[1]!.answers).toEqual({ 'sign-1': 'doubted' });
		});
		const step = raiseDoubt(small, 'l2', {
			id: 'sign-2',
			attacks: 'inference',
			doubt: 'Other explanations exist:'
		});
		roundTrip(small, command(step), (m) =>
			expect(m.links.at(-1)).toMatchObject({ to: 'l2', relation: 'undercuts' })
		);
	});
});

describe('moving, reviewed', () => {
	it('refuses to move a statement under one it already links to, or under its own co-premise or undercutter', async () => {
		const { connect, addChild } = await import('./intents');
		expect(connect(small, 'e1', 't', 'supports').ok).toBe(true);
		// e1 supports c1 first and t second: moving its c1 link under t would link e1 to t twice.
		const both = apply(small, {
			type: 'insert',
			nodes: [],
			links: [
				{ at: 3, link: { id: 'x', from: 'e1', to: 't', relation: 'supports', origin: 'reader' } }
			]
		});
		if (!both.ok) throw new Error();
		expect(moveUnder(both.map, 'e1', 't')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/already linked/)
		});
		const withA = apply(small, command(addChild(small, 'c1', 'assumption')));
		if (!withA.ok) throw new Error();
		const h = withA.map.nodes.at(-1)!.id;
		// c1 rests on e1 (a reason), h (a co-premise of c1's own link is not below c1) and o1 (undercuts e1's link).
		expect(moveUnder(small, 'c1', 'o1')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/circle/)
		});
		expect(moveUnder(withA.map, 'c1', h).ok).toBe(true);
	});

	it('integrity refuses two links between the same statements', () => {
		const r = apply(small, {
			type: 'insert',
			nodes: [],
			links: [
				{ at: 3, link: { id: 'dup', from: 'c1', to: 't', relation: 'attacks', origin: 'reader' } }
			]
		});
		expect(r).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/already links "c1" to "t"/)
		});
	});
});

describe('layers', () => {
	it('moves a statement and its links between the reader and the source layer', async () => {
		const { setOrigin } = await import('./intents');
		roundTrip(small, command(setOrigin(small, 'o1', 'source')), (m) => {
			expect(m.nodes[3]).toMatchObject({ origin: 'source', inText: 'stated' });
			expect(m.nodes[3]).not.toHaveProperty('author');
			expect(m.links[2]).toMatchObject({ origin: 'source', inText: 'stated' });
		});
		// A reader's own item is neither stated nor inferred by the text: inText goes with it.
		roundTrip(small, command(setOrigin(small, 'c1', 'reader', 'Ana')), (m) => {
			expect(m.nodes[1]).toMatchObject({ origin: 'reader', author: 'Ana' });
			expect(m.nodes[1]).not.toHaveProperty('inText');
			expect(m.links[0]).toMatchObject({ origin: 'reader', author: 'Ana' });
			expect(m.links[0]).not.toHaveProperty('inText');
		});
	});
});
