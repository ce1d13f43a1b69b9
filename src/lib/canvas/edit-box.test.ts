import { beforeAll, describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { indexMap } from '../model/queries';
import type { ArgumentMap } from '../model/schema';
import { measureBox } from '../layout/box';
import { layoutMap } from '../layout/run';
import type { MapLayout } from '../layout/types';
import { FALLBACK_GAP, MIN_EDIT_HEIGHT, MIN_EDIT_SCALE, editBox, editPlacement } from './edit-box';

describe('where the in-place editor goes', () => {
	let map: ArgumentMap;
	let layout: MapLayout;
	beforeAll(async () => {
		map = loadMap('tests/fixtures/small.map.json');
		layout = await layoutMap(map);
	});

	it('lies exactly over a placed box, scaled and shifted by the view', () => {
		const index = indexMap(map);
		const p = editPlacement('t', layout, index)!;
		expect(p).toBe(layout.nodes['t']);
		const view = { x: 40, y: -10, k: 1.5 };
		const b = editBox(p, view);
		expect(b.left).toBe(p.x * 1.5 + 40);
		expect(b.top).toBe(p.y * 1.5 - 10);
		expect(b.width).toBe(p.width * 1.5);
		expect(b.height).toBe(Math.max(p.height, MIN_EDIT_HEIGHT) * 1.5);
		// The text is set at the box's size, from the box's own padding.
		expect(b.font).toBe(p.box.bodyStyle.size * 1.5);
		expect(b.pad).toBe(p.box.lines[0]!.x * 1.5);
	});

	it('zoomed out, is drawn at full size from the box’s corner, not at the map’s scale', () => {
		const p = editPlacement('t', layout, indexMap(map))!;
		const b = editBox(p, { x: 40, y: -10, k: 0.6 });
		expect(b.left).toBe(p.x * 0.6 + 40);
		expect(b.top).toBe(p.y * 0.6 - 10);
		// 13 px text, lines as long as the box's (its width at the same scale as its text).
		expect(b.font).toBe(p.box.bodyStyle.size * MIN_EDIT_SCALE);
		expect(b.font).toBeGreaterThanOrEqual(13);
		expect(b.width / b.font).toBe(p.width / p.box.bodyStyle.size);
	});

	it('opens a statement the layout has not placed yet just below the one it argues about', () => {
		const fresh = {
			id: 'new',
			kind: 'claim' as const,
			text: 'Just added.',
			origin: 'reader' as const,
			author: 'Ana'
		};
		const grown: ArgumentMap = {
			...map,
			nodes: [...map.nodes, fresh],
			links: [
				...map.links,
				{ id: 'l9', from: 'new', to: 'c1', relation: 'attacks', origin: 'reader', author: 'Ana' }
			]
		};
		const parent = layout.nodes['c1']!;
		const p = editPlacement('new', layout, indexMap(grown))!;
		expect(p.x).toBe(parent.x);
		expect(p.y).toBe(parent.y + parent.height + FALLBACK_GAP);
		expect(p.width).toBe(measureBox(fresh).width);
		expect(p.box.lines[0]!.text).toBe('Just added.');
	});

	it('has no place for a statement with neither a place nor a placed conclusion', () => {
		const lone: ArgumentMap = {
			...map,
			nodes: [...map.nodes, { id: 'lone', kind: 'claim', text: 'Alone.', origin: 'source' }]
		};
		expect(editPlacement('lone', layout, indexMap(lone))).toBeUndefined();
		expect(editPlacement('nowhere', layout, indexMap(map))).toBeUndefined();
	});
});
