/**
 * Attaching a text is one undoable step in the editor: the attached map arrives as a whole new
 * map and commands/from-diff turns it into one command (source/ and commands/ together, so the
 * test lives here rather than beside either).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apply } from '../../src/lib/commands/commands';
import { commandBetween } from '../../src/lib/commands/from-diff';
import { attachText } from '../../src/lib/source/attach';
import { loadMap } from '../fixtures/load';

const text = readFileSync('tests/fixtures/texts/branch-libraries.txt', 'utf8');
const map = loadMap('tests/fixtures/branch-libraries.map.json');

describe('attaching a text in the editor', () => {
	it('is one undoable command for the editor: act, undo, redo', () => {
		const r = attachText(map, text);
		if (!r.ok) throw new Error(r.problem.message);
		const after = r.map;
		const c = commandBetween(map, after);
		if (c.kind !== 'command') throw new Error('expected a change');
		const done = apply(map, c.command);
		if (!done.ok) throw new Error(done.reason);
		expect(done.map).toEqual(after);
		const undone = apply(done.map, done.inverse);
		expect(undone.ok && undone.map).toEqual(map);
		const redone = apply(map, c.command);
		expect(redone.ok && redone.map).toEqual(after);
	});
});
