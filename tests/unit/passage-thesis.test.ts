import { describe, expect, it } from 'vitest';
import { loadMap } from '../fixtures/load';
import { starterMap } from '../../src/lib/server/exercises';
import { passageAt, statementFromPassage } from '../../src/lib/editor/passage';

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
