/**
 * Layout after an edit: needs commands/ and layout/ together, so it lives here rather than
 * beside layout/, whose tests may import only what layout/ itself may (.dependency-cruiser.js).
 */
import { describe, expect, it } from 'vitest';
import { apply } from '../../src/lib/commands/commands';
import { addChild } from '../../src/lib/commands/intents';
import { layoutMap } from '../../src/lib/layout/run';
import type { MapLayout } from '../../src/lib/layout/types';
import { loadMap } from '../fixtures/load';

describe('layout stability on edit', () => {
	it('adding an objection keeps the motives and every column in the author’s order', async () => {
		const map = loadMap('arguments/japan-mongolia.map.json');
		const before = await layoutMap(map);
		const built = addChild(map, 'motive-2', 'objection', {
			text: 'An objection to Motive 2 added by a reader.'
		});
		if (!built.ok) throw new Error(built.reason);
		const r = apply(map, built.command);
		if (!r.ok) throw new Error(r.reason);
		const after = await layoutMap(r.map);
		const motives = map.nodes.filter((n) => n.tags?.includes('motive')).map((n) => n.id);
		const order = (l: MapLayout) => [...motives].sort((a, b) => l.nodes[a]!.x - l.nodes[b]!.x);
		expect(order(after)).toEqual(order(before));
		for (const col of before.columns) {
			const again = after.columns.find((c) => c.id === col.id);
			expect(again?.items, col.id).toEqual(col.items);
		}
		expect(after.nodes[built.nodeId!]).toBeDefined();
	});
});
