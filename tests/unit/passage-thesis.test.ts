import { describe, expect, it } from 'vitest';
import { loadMap } from '../fixtures/load';
import { starterMap } from '../../src/lib/server/exercises';
import { passageAt, statementFromPassage, statementWords } from '../../src/lib/editor/passage';
import { createMapBody, emptyForm, mapWithText } from '../../src/lib/editor/new-map';
import { apply } from '../../src/lib/commands/commands';
import { validateMap } from '../../src/lib/model/parse';

describe('a passage made the thesis', () => {
	it('writes an exercise’s placeholder thesis at last: its placeholder tag goes', () => {
		const reference = loadMap('tests/fixtures/compare/bike-lanes/reference.map.json');
		const map = starterMap(reference, 'text');
		expect(map.nodes[0]!.tags).toEqual(['placeholder']);
		const thesis = reference.nodes.find((n) => n.kind === 'thesis')!.anchors![0]!;
		const at = passageAt(map, thesis.start!, thesis.end!);
		if (!at.ok) throw new Error(at.reason);
		const built = statementFromPassage(map, at, {
			as: 'thesis',
			parent: 'thesis',
			who: { origin: 'source' }
		});
		if (!built.ok || built.command.type !== 'updateNode') throw new Error('not an update');
		expect(built.command.patch).toMatchObject({
			text: 'The council should vote for the lane next month'
		});
		expect('tags' in built.command.patch && built.command.patch.tags).toBeUndefined();
	});
});

describe('a passage made a reason on a new map', () => {
	const body = createMapBody({
		...emptyForm(),
		title: 'Late starts',
		thesis: 'Schools should start later.',
		id: 'late-starts',
		reasons: 2
	});
	const text = 'Teens fall asleep late. Scores rose by 4 points after a later bell.';
	const map = mapWithText(body, [{ text }]);
	const thesis = map.nodes.find((n) => n.kind === 'thesis')!.id;
	const reason = (m: typeof map, start: number, end: number) => {
		const at = passageAt(m, start, end);
		if (!at.ok) throw new Error(at.reason);
		const built = statementFromPassage(m, at, {
			as: 'claim',
			parent: thesis,
			figures: true,
			who: { origin: 'source' }
		});
		if (!built.ok) throw new Error(built.reason);
		const r = apply(m, built.command);
		if (!r.ok) throw new Error(r.reason);
		return { map: r.map, id: built.nodeId! };
	};

	it('fills the first unwritten placeholder reason in its place instead of adding beside it', () => {
		const placeholders = map.nodes.filter((n) => n.tags?.includes('placeholder'));
		expect(placeholders.map((n) => n.text)).toEqual(['Reason 1', 'Reason 2']);
		const first = reason(map, 0, 23);
		expect(first.id).toBe(placeholders[0]!.id);
		const filled = first.map.nodes.find((n) => n.id === first.id)!;
		expect(filled).toMatchObject({ text: 'Teens fall asleep late.', inText: 'stated' });
		expect(filled.tags).toBeUndefined();
		expect(filled.anchors).toHaveLength(1);
		expect(first.map.nodes).toHaveLength(map.nodes.length);
		const second = reason(first.map, 24, text.length);
		expect(second.id).toBe(placeholders[1]!.id);
		expect(second.map.nodes.find((n) => n.id === second.id)!.figures?.length).toBeGreaterThan(0);
		// Once every placeholder is written, a third reason is added as a new statement.
		const third = reason(second.map, 0, 5);
		expect(third.map.nodes).toHaveLength(map.nodes.length + 1);
		expect(validateMap(third.map).ok).toBe(true);
	});
});

describe('statementWords', () => {
	it('drops the signpost that orders a passage in the text, not its content', () => {
		expect(statementWords('Second, later starts improve grades.')).toBe(
			'Later starts improve grades.'
		);
		expect(statementWords('In addition, crashes fell 16%.')).toBe('Crashes fell 16%.');
		expect(statementWords('Finally , sleepy drivers crash.')).toBe('Sleepy drivers crash.');
		// Words that only start like a signpost, or a signpost that is the whole passage, stay.
		expect(statementWords('Firsthand reports agree.')).toBe('Firsthand reports agree.');
		expect(statementWords('Then the bell moved.')).toBe('Then the bell moved.');
		expect(statementWords('Also,')).toBe('Also,');
	});
});
