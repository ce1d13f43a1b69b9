import fc from 'fast-check';
import { loadMap } from '../../../tests/fixtures/load';
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../model/integrity';

import { mapSchema, type ArgumentMap } from '../model/schema';
import { apply, type Command } from './commands';
import { History } from './history';
import {
	addChild,
	connect,
	deleteNode,
	editText,
	moveUnder,
	setRelation,
	type Built
} from './intents';

const article: ArgumentMap = loadMap('arguments/japan-mongolia.map.json');

/** A reader's action, with its targets as numbers resolved against the map of the moment. */
type Action =
	| {
			kind: 'add';
			role: 'reason' | 'objection' | 'evidence' | 'assumption';
			at: number;
			text: string;
	  }
	| { kind: 'edit'; at: number; text: string }
	| { kind: 'connect'; from: number; to: number; relation: 'supports' | 'attacks' | 'undercuts' }
	| { kind: 'relation'; at: number; relation: 'supports' | 'attacks' }
	| { kind: 'move'; at: number; to: number }
	| { kind: 'delete'; at: number }
	| { kind: 'undo' }
	| { kind: 'redo' };

const text = fc.string({ minLength: 0, maxLength: 40 });
const pick = fc.nat(10000);
const action: fc.Arbitrary<Action> = fc.oneof(
	fc.record({
		kind: fc.constant('add' as const),
		role: fc.constantFrom(
			'reason' as const,
			'objection' as const,
			'evidence' as const,
			'assumption' as const
		),
		at: pick,
		text
	}),
	fc.record({ kind: fc.constant('edit' as const), at: pick, text }),
	fc.record({
		kind: fc.constant('connect' as const),
		from: pick,
		to: pick,
		relation: fc.constantFrom('supports' as const, 'attacks' as const, 'undercuts' as const)
	}),
	fc.record({
		kind: fc.constant('relation' as const),
		at: pick,
		relation: fc.constantFrom('supports' as const, 'attacks' as const)
	}),
	fc.record({ kind: fc.constant('move' as const), at: pick, to: pick }),
	fc.record({ kind: fc.constant('delete' as const), at: pick }),
	fc.constant({ kind: 'undo' as const }),
	fc.constant({ kind: 'redo' as const })
);

function build(map: ArgumentMap, a: Action): Built | undefined {
	const node = (i: number) => map.nodes[i % map.nodes.length]!.id;
	const link = (i: number) => map.links[i % Math.max(1, map.links.length)]?.id;
	switch (a.kind) {
		case 'add':
			return addChild(map, node(a.at), a.role, { text: a.text, author: 'Prop' });
		case 'edit':
			return editText(map, node(a.at), a.text);
		case 'connect': {
			const to = a.relation === 'undercuts' ? link(a.to) : node(a.to);
			return to ? connect(map, node(a.from), to, a.relation) : undefined;
		}
		case 'relation': {
			const l = link(a.at);
			return l ? setRelation(map, l, a.relation) : undefined;
		}
		case 'move':
			return moveUnder(map, node(a.at), node(a.to));
		case 'delete':
			return deleteNode(map, node(a.at));
		default:
			return undefined;
	}
}

function isValid(map: ArgumentMap) {
	return mapSchema.safeParse(map).success && checkIntegrity(map).length === 0;
}

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
