import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '../model/schema';
import { syntheticMap } from '../../../tests/fixtures/synthetic';
import { layoutMap } from './run';
import { withBoxes, withoutBoxes } from './payload';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as ArgumentMap;

describe('the layout a page sends', () => {
	it('leaves out the boxes, and the browser measures them back exactly', async () => {
		const maps = [
			read('arguments/japan-mongolia.map.json'),
			read('arguments/japan-mongolia-critique.map.json'),
			syntheticMap(250)
		];
		for (const map of maps) {
			const layout = await layoutMap(map);
			const sent = withoutBoxes(layout);
			expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(layout).length * 0.6);
			expect(Object.values(sent.nodes).every((n) => !('box' in n))).toBe(true);
			expect(withBoxes(JSON.parse(JSON.stringify(sent)), map)).toEqual(layout);
		}
	});

	it('measures a folded statement back with the room its "+N hidden" badge takes', async () => {
		const map = read('arguments/japan-mongolia.map.json');
		const layout = await layoutMap(map, {}, { folded: ['motive-2'] });
		expect(layout.nodes['motive-2']!.folded).toBeGreaterThan(0);
		const back = withBoxes(JSON.parse(JSON.stringify(withoutBoxes(layout))), map, new WeakMap());
		expect(back.nodes['motive-2']!.box).toEqual(layout.nodes['motive-2']!.box);
		expect(back).toEqual(layout);
	});

	it('refuses a layout of another map instead of drawing it wrong', async () => {
		const map = read('arguments/japan-mongolia.map.json');
		// As the browser has it: a copy, not the server's own object.
		const sent = structuredClone(withoutBoxes(await layoutMap(map)));
		expect(() => withBoxes(sent, { nodes: map.nodes.slice(1) })).toThrow(/does not have/);
	});

	it('gives the server back the layout it stripped, without measuring again', async () => {
		const layout = await layoutMap(read('arguments/japan-mongolia.map.json'));
		expect(withBoxes(withoutBoxes(layout), { nodes: [] })).toBe(layout);
	});

	it("measures a statement once per page: a later layout of the same map takes the first one's boxes", async () => {
		const map = read('arguments/japan-mongolia.map.json');
		const sent = withoutBoxes(await layoutMap(map));
		// As a page has them: the first layout from the server's page, a later one from the worker.
		const first = withBoxes(structuredClone(sent), map);
		const later = withBoxes(structuredClone(sent), map);
		for (const id of Object.keys(first.nodes))
			expect(later.nodes[id]!.box, id).toBe(first.nodes[id]!.box);
		// A statement edited is a new object: it is measured again.
		const edited = {
			...map,
			nodes: map.nodes.map((n, i) => (i ? n : { ...n, text: `${n.text} more` }))
		};
		const again = withBoxes(structuredClone(sent), edited);
		expect(again.nodes[map.nodes[0]!.id]!.box).not.toBe(first.nodes[map.nodes[0]!.id]!.box);
	});
});
