import { loadMap } from '../../../tests/fixtures/load';
import { describe, expect, it } from 'vitest';

import type { ArgumentMap } from '../model/schema';
import { apply, type Command } from './commands';
import { History } from './history';

const small: ArgumentMap = loadMap('tests/fixtures/small.map.json');

function run(h: History, map: ArgumentMap, cmd: Command, label = 'x', mergeKey?: string) {
	const a = apply(map, cmd);
	if (!a.ok) throw new Error(a.reason);
	h.record({ label, forward: cmd, inverse: a.inverse, mergeKey });
	return a.map;
}

describe('History', () => {
	it('undoes and redoes in order, and a new edit clears redo', () => {
		const h = new History();
		let m = run(h, small, { type: 'updateNode', id: 'c1', patch: { text: 'one' } }, 'first');
		m = run(h, m, { type: 'updateNode', id: 'c1', patch: { text: 'two' } }, 'second');
		expect(h.undoLabel).toBe('second');
		m = h.undo(m)!.map;
		expect(m.nodes[1]!.text).toBe('one');
		m = h.undo(m)!.map;
		expect(m).toEqual(small);
		expect(h.undo(m)).toBeUndefined();
		m = h.redo(m)!.map;
		expect(m.nodes[1]!.text).toBe('one');
		run(h, m, { type: 'updateNode', id: 'c1', patch: { text: 'three' } });
		expect(h.canRedo).toBe(false);
	});

	it('merges steps with the same key into one undo', () => {
		const h = new History();
		let m = small;
		for (const text of ['T', 'Ty', 'Typ', 'Typed'])
			m = run(h, m, { type: 'updateNode', id: 'c1', patch: { text } }, 'Edit text', 'text:c1');
		m = h.undo(m)!.map;
		expect(m).toEqual(small);
		expect(h.canUndo).toBe(false);
		m = h.redo(m)!.map;
		expect(m.nodes[1]!.text).toBe('Typed');
	});

	it('starts a new step after seal', () => {
		const h = new History();
		let m = run(h, small, { type: 'updateNode', id: 'c1', patch: { text: 'a' } }, 'x', 'k');
		h.seal();
		m = run(h, m, { type: 'updateNode', id: 'c1', patch: { text: 'b' } }, 'x', 'k');
		m = h.undo(m)!.map;
		expect(m.nodes[1]!.text).toBe('a');
	});
});

describe('History stamps', () => {
	it('names each state, so undoing back to a saved state is recognised', () => {
		const h = new History();
		const start = h.stamp;
		let m = run(h, small, { type: 'updateNode', id: 'c1', patch: { text: 'one' } });
		const saved = h.stamp;
		expect(saved).not.toBe(start);
		m = run(h, m, { type: 'updateNode', id: 'c1', patch: { text: 'two' } });
		expect(h.stamp).not.toBe(saved);
		m = h.undo(m)!.map;
		expect(h.stamp).toBe(saved);
		m = h.undo(m)!.map;
		expect(h.stamp).toBe(start);
		h.redo(m);
		expect(h.stamp).toBe(saved);
	});

	it('gives a merged step a new stamp and a cleared history a new start', () => {
		const h = new History();
		const m = run(h, small, { type: 'updateNode', id: 'c1', patch: { text: 'o' } }, 't', 'k');
		const first = h.stamp;
		run(h, m, { type: 'updateNode', id: 'c1', patch: { text: 'on' } }, 't', 'k');
		expect(h.undoLabel).toBe('t');
		expect(h.stamp).not.toBe(first);
		const before = h.stamp;
		h.clear();
		expect(h.stamp).not.toBe(before);
		expect(h.canUndo).toBe(false);
	});
});
