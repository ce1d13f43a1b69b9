import fc from 'fast-check';
import { action, build, isValid, type Action } from '../../../tests/fixtures/edits';
import { loadMap } from '../../../tests/fixtures/load';
import { describe, expect, it } from 'vitest';
import { diffMaps } from '../model/diff';
import { serializeMap } from '../model/serialize';
import type { ArgumentMap, MapNode } from '../model/schema';
import { apply, type Command } from './commands';
import { commandBetween, commandFromDiff } from './from-diff';

const article: ArgumentMap = loadMap('arguments/japan-mongolia.map.json');
const small: ArgumentMap = loadMap('tests/fixtures/small.map.json');
const copy = (m: ArgumentMap): ArgumentMap => structuredClone(m);

function commandOf(before: ArgumentMap, after: ArgumentMap): Command {
	const c = commandBetween(before, after);
	if (c.kind !== 'command') throw new Error('expected a command, the maps are the same');
	return c.command;
}

/**
 * The command shape: act → assert → undo → assert → redo → assert. "Equal" includes array
 * order, and the canonical text is compared too, as the file would be written.
 */
function roundTrip(before: ArgumentMap, after: ArgumentMap): Command {
	const cmd = commandOf(before, after);
	const done = apply(before, cmd);
	if (!done.ok) throw new Error(done.reason);
	expect(done.map).toEqual(after);
	expect(serializeMap(done.map)).toBe(serializeMap(after));
	const undone = apply(done.map, done.inverse);
	if (!undone.ok) throw new Error(undone.reason);
	expect(undone.map).toEqual(before);
	expect(serializeMap(undone.map)).toBe(serializeMap(before));
	const redone = apply(undone.map, cmd);
	expect(redone.ok && redone.map).toEqual(after);
	return cmd;
}

const evidence = (id: string, text = `Evidence ${id}.`): MapNode => ({
	id,
	kind: 'evidence',
	text,
	origin: 'reader',
	author: 'Test'
});

describe('commandBetween', () => {
	it('says "unchanged" for the same map, and for one that differs only in key order', () => {
		expect(commandBetween(article, copy(article))).toEqual({ kind: 'unchanged' });
		const reordered = copy(article);
		reordered.nodes = reordered.nodes.map(
			(n) => Object.fromEntries(Object.entries(n).reverse()) as MapNode
		);
		expect(commandBetween(article, reordered)).toEqual({ kind: 'unchanged' });
	});

	it('turns added, removed and edited statements and links into one batch', () => {
		const before = copy(article);
		const after = copy(article);
		const gone = after.nodes.findIndex((n) => n.kind === 'evidence');
		const goneId = after.nodes[gone]!.id;
		after.nodes.splice(gone, 1);
		after.links = after.links.filter((l) => l.from !== goneId && l.to !== goneId);
		after.nodes.splice(3, 0, evidence('fresh'));
		after.links.splice(5, 0, {
			id: 's-fresh',
			from: 'fresh',
			to: 'motive-2',
			relation: 'supports',
			origin: 'reader'
		});
		after.nodes[0] = { ...after.nodes[0]!, text: 'A rewritten thesis.' };
		after.links[0] = { ...after.links[0]!, strength: 'weak' };
		const cmd = roundTrip(before, after);
		expect(cmd.type).toBe('batch');
		expect(cmd.type === 'batch' && cmd.commands.map((c) => c.type)).toEqual([
			'updateNode',
			'updateLink',
			'remove',
			'insert'
		]);
	});

	it('removes a field that the new map no longer has, and brings it back on undo', () => {
		const after = copy(small);
		const { figures: _figures, basis: _basis, ...rest } = after.nodes[2]!;
		after.nodes[2] = rest;
		roundTrip(small, after);
	});

	it('reproduces a new order of links (the author’s sibling order) when nothing else changed', () => {
		const after = copy(article);
		const siblings = after.links
			.map((l, i) => ({ l, i }))
			.filter(({ l }) => l.to === 'thesis')
			.map(({ i }) => i);
		const [first, last] = [siblings[0]!, siblings.at(-1)!];
		[after.links[first], after.links[last]] = [after.links[last]!, after.links[first]!];
		after.nodes = [...after.nodes].reverse();
		const cmd = roundTrip(article, after);
		// Only moves: the moved items come out and go back in, nothing is edited in place.
		expect(cmd.type === 'batch' && cmd.commands.map((c) => c.type)).toEqual(['remove', 'insert']);
	});

	it('handles a statement removed and a different one added under the same id', () => {
		const after = copy(small);
		const [old] = after.nodes.splice(2, 1);
		// At the front, so it is the one that moves (the others keep their order).
		after.nodes.unshift({ ...evidence(old!.id, 'Other evidence.'), basis: 'poll' });
		expect(diffMaps(small, after).nodes.moved).toEqual([{ id: old!.id, at: 0 }]);
		roundTrip(small, after);
		// In the same place, it is an edit of every field that differs.
		const inPlace = copy(small);
		inPlace.nodes[2] = evidence(old!.id, 'Other evidence.');
		const cmd = roundTrip(small, inPlace);
		expect(cmd.type === 'batch' && cmd.commands.map((c) => c.type)).toEqual(['updateNode']);
	});

	it('sets and removes the map’s title, $schema and source details', () => {
		const after = copy(small);
		after.title = 'A title of its own';
		after.$schema = './schema.json';
		const { language: _language, ...source } = after.source;
		after.source = { ...source, author: 'Someone' };
		roundTrip(small, after);
		roundTrip(after, small);
	});

	it('attaches, changes one paragraph of, and takes away the source text', () => {
		const attached = copy(small);
		attached.text = [{ text: 'Title', skip: true }, { text: 'One.' }, { text: 'Two.' }];
		roundTrip(small, attached);
		const edited = copy(attached);
		edited.text = [{ text: 'Title', skip: true }, { text: 'One, changed.' }, { text: 'Two.' }];
		roundTrip(attached, edited);
		roundTrip(edited, small);
	});

	it('gives, changes and takes away the walkthrough’s order (a restored draft brings it)', () => {
		const ordered = copy(small);
		ordered.walkthrough = { order: ['o1', 't'] };
		roundTrip(small, ordered);
		const reordered = copy(ordered);
		reordered.walkthrough = { order: ['t', 'o1', 'c1'] };
		roundTrip(ordered, reordered);
		roundTrip(reordered, small);
	});

	it('builds the command from a diff, and one from a stale diff is refused, not applied', () => {
		const after = copy(small);
		after.nodes.push(evidence('late'));
		const c = commandFromDiff(small, diffMaps(small, after));
		expect(c.kind === 'command' && apply(small, c.command)).toMatchObject({ ok: true });
		// The same kind of change, made from another map: the moved node is not in `small`.
		const elsewhere = copy(article);
		const moved = copy(article);
		moved.nodes.push(moved.nodes.shift()!);
		const stale = commandFromDiff(small, diffMaps(elsewhere, moved));
		expect(stale.kind === 'command' && apply(small, stale.command)).toMatchObject({ ok: false });
	});
});

// ----------------------------------------------------------------------- random pairs of maps

/** Changes the reader's actions do not make: reorders, dropped fields, the map's own fields. */
const swaps = fc.array(fc.tuple(fc.nat(10000), fc.nat(10000), fc.boolean()), { maxLength: 4 });
const drops = fc.array(
	fc.tuple(fc.nat(10000), fc.constantFrom('anchors', 'label', 'figures', 'basis', 'author')),
	{ maxLength: 3 }
);
const own = fc.record({
	title: fc.option(fc.constantFrom('A reading', 'Another reading'), { nil: undefined }),
	author: fc.option(fc.constantFrom('Boris Kushkhov', 'Someone else'), { nil: undefined }),
	$schema: fc.constantFrom('./schema.json', '../../arguments/schema.json')
});

/** A valid map derived from the article by reader actions and the changes above. */
const derivedMap = fc
	.tuple(fc.array(action, { maxLength: 20 }), swaps, drops, fc.option(own, { nil: undefined }))
	.map(([actions, swapped, dropped, fields]) => {
		let map = article;
		const step = (cmd: Command | undefined) => {
			const r = cmd && apply(map, cmd);
			if (r && r.ok) map = r.map; // refused: nothing changed
		};
		for (const a of actions as Action[]) {
			const b = build(map, a);
			step(b?.ok ? b.command : undefined);
		}
		for (const [i, field] of dropped) {
			const n = map.nodes[i % map.nodes.length]!;
			step({ type: 'updateNode', id: n.id, patch: { [field]: undefined } });
		}
		if (fields)
			step({
				type: 'updateSource',
				patch: { author: fields.author },
				title: fields.title ?? null,
				$schema: fields.$schema
			});
		// Order never makes a map invalid, so swaps need no check of their own.
		map = { ...map, nodes: [...map.nodes], links: [...map.links] };
		for (const [i, j, links] of swapped) {
			const list: unknown[] = links ? map.links : map.nodes;
			const [a, b] = [i % list.length, j % list.length];
			[list[a], list[b]] = [list[b], list[a]];
		}
		return map;
	});

describe('commandBetween on random pairs of maps derived from the article', () => {
	it('rebuilds the second map exactly, its inverse gives the first back, and redo works', () => {
		fc.assert(
			fc.property(derivedMap, derivedMap, (before, after) => {
				expect(isValid(before) && isValid(after)).toBe(true);
				expect(commandBetween(before, structuredClone(before))).toEqual({ kind: 'unchanged' });
				if (serializeMap(before) === serializeMap(after)) {
					expect(commandBetween(before, after)).toEqual({ kind: 'unchanged' });
					return;
				}
				roundTrip(before, after);
			}),
			{ numRuns: 100 }
		);
	});
});
