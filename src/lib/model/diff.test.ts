import { loadMap } from '../../../tests/fixtures/load';
import { describe, expect, it } from 'vitest';
import { diffMaps, isEmptyDiff } from './diff';
import type { ArgumentMap, MapNode } from './schema';

const article: ArgumentMap = loadMap('arguments/japan-mongolia.map.json');
const copy = (): ArgumentMap => structuredClone(article);
const ids = (items: { id: string }[]) => items.map((x) => x.id);

describe('diffMaps', () => {
	it('finds nothing between a map and its copy, whatever the key order', () => {
		const after = copy();
		after.nodes = after.nodes.map(
			(n) => Object.fromEntries(Object.entries(n).reverse()) as MapNode
		);
		after.source = Object.fromEntries(
			Object.entries(after.source).reverse()
		) as ArgumentMap['source'];
		const d = diffMaps(article, after);
		expect(isEmptyDiff(d)).toBe(true);
		expect(d).toEqual({
			nodes: { added: [], removed: [], changed: [], moved: [] },
			links: { added: [], removed: [], changed: [], moved: [] },
			source: [],
			fields: []
		});
	});

	it('lists a changed statement field by field, in the schema’s order, absent fields as undefined', () => {
		const after = copy();
		const i = after.nodes.findIndex((n) => n.anchors?.length && !n.label);
		const was = article.nodes[i]!;
		const { anchors: _dropped, ...rest } = after.nodes[i]!;
		after.nodes[i] = { ...rest, text: 'New words.', label: 'Named' };
		const d = diffMaps(article, after);
		expect(d.nodes.changed).toEqual([
			{
				id: was.id,
				fields: [
					{ field: 'label', from: undefined, to: 'Named' },
					{ field: 'text', from: was.text, to: 'New words.' },
					{ field: 'anchors', from: was.anchors, to: undefined }
				]
			}
		]);
		expect(isEmptyDiff(d)).toBe(false);
	});

	it('gives added items their index in after and removed ones their index in before', () => {
		const after = copy();
		const gone = after.links.splice(4, 1)[0]!;
		const node: MapNode = { id: 'new-one', kind: 'evidence', text: 'New.', origin: 'reader' };
		after.nodes.splice(2, 0, node);
		after.links.push({ ...gone, id: 'new-link', from: 'new-one' });
		const d = diffMaps(article, after);
		expect(d.nodes.added).toEqual([{ at: 2, item: node }]);
		expect(d.links.removed).toEqual([{ at: 4, item: gone }]);
		expect(d.links.added).toEqual([{ at: after.links.length - 1, item: after.links.at(-1) }]);
		// Inserting and removing shift the others, but they keep their order: nothing moved.
		expect(d.nodes.moved).toEqual([]);
		expect(d.links.moved).toEqual([]);
	});

	it('names the fewest moves that restore a new order', () => {
		const after = copy();
		const [link] = after.links.splice(1, 1);
		after.links.push(link!);
		const one = diffMaps(article, after);
		expect(one.links.moved).toEqual([{ id: link!.id, at: after.links.length - 1 }]);
		expect(one.links.changed).toEqual([]);
		expect(isEmptyDiff(one)).toBe(false);

		after.nodes = [...after.nodes].reverse();
		const reversed = diffMaps(article, after).nodes.moved;
		expect(reversed).toHaveLength(article.nodes.length - 1);
		for (const m of reversed) expect(after.nodes[m.at]!.id).toBe(m.id);
	});

	it('matches by id: a statement replaced by another with the same id is a change, not a removal', () => {
		const after = copy();
		const i = after.nodes.findIndex((n) => n.kind === 'evidence');
		const was = after.nodes[i]!;
		after.nodes.splice(i, 1);
		after.nodes.push({ id: was.id, kind: 'assumption', text: 'Replaced.', origin: 'reader' });
		const d = diffMaps(article, after);
		expect(d.nodes.added).toEqual([]);
		expect(d.nodes.removed).toEqual([]);
		expect(ids(d.nodes.changed)).toEqual([was.id]);
		expect(d.nodes.changed[0]!.fields.map((f) => f.field)).toEqual(
			expect.arrayContaining(['kind', 'text', 'origin'])
		);
		expect(d.nodes.moved).toEqual([{ id: was.id, at: after.nodes.length - 1 }]);
	});

	it('lists changes to the source description and to the map’s own fields', () => {
		const after = copy();
		const { author: _author, ...source } = after.source;
		after.source = { ...source, title: 'Another title' };
		after.title = 'A new map title';
		after.$schema = 'https://example.org/schema.json';
		const d = diffMaps(article, after);
		expect(d.source).toEqual([
			{ field: 'title', from: article.source.title, to: 'Another title' },
			{ field: 'author', from: article.source.author, to: undefined }
		]);
		expect(d.fields).toEqual([
			{ field: '$schema', from: './schema.json', to: 'https://example.org/schema.json' },
			{ field: 'title', from: article.title, to: 'A new map title' }
		]);
		expect(ids(d.nodes.changed)).toEqual([]);
		expect(isEmptyDiff(d)).toBe(false);
	});
});
