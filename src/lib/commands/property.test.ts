import fc from 'fast-check';
import { action, build, isValid } from '../../../tests/fixtures/edits';
import { loadMap } from '../../../tests/fixtures/load';
import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '../model/schema';
import { apply, type Command } from './commands';
import { History } from './history';

const article: ArgumentMap = loadMap('arguments/japan-mongolia.map.json');

describe('random edit sequences on the article map', () => {
	it('always leave a valid map, and undoing them all gives back the original exactly', () => {
		fc.assert(
			fc.property(fc.array(action, { minLength: 1, maxLength: 40 }), (actions) => {
				let map = article;
				const history = new History();
				for (const a of actions) {
					if (a.kind === 'undo') map = history.undo(map)?.map ?? map;
					else if (a.kind === 'redo') map = history.redo(map)?.map ?? map;
					else {
						const b = build(map, a);
						if (!b?.ok) continue;
						const result = apply(map, b.command as Command);
						if (!result.ok) continue; // refused: nothing changed
						history.record({ label: b.label, forward: b.command, inverse: result.inverse });
						map = result.map;
					}
					expect(isValid(map)).toBe(true);
				}
				while (history.canUndo) {
					const u = history.undo(map);
					expect(u).toBeDefined();
					map = u!.map;
				}
				expect(map).toEqual(article);
			}),
			{ numRuns: 150 }
		);
	});
});
