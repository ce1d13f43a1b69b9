import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMap, serializeMap, type ArgumentMap } from '../model';
import { KnownParts } from '../model/known-parts';
import { pageLayout } from './page-layouts';

const text = readFileSync('arguments/japan-mongolia.map.json', 'utf8');

/** A map read as the store reads a revision: its known statements and links shared. */
function read(known: KnownParts, edit: (m: ArgumentMap) => ArgumentMap = (m) => m): ArgumentMap {
	const first = parseMap(text, known);
	if (!first.ok) throw new Error('the article map does not parse');
	const r = parseMap(serializeMap(edit(structuredClone(first.map))), known);
	if (!r.ok) throw new Error('the edited map does not parse');
	return r.map;
}

describe('pageLayout: one layout for revisions with the same statements and links', () => {
	it('gives a revision that changed only the map title the layout made before', async () => {
		const known = new KnownParts();
		const before = read(known);
		const after = read(known, (m) => ({ ...m, title: 'A new title for the same map' }));
		expect(after).not.toBe(before);
		expect(after.nodes[0]).toBe(before.nodes[0]);
		expect(await pageLayout(after)).toBe(await pageLayout(before));
	});

	it('lays a revision out anew when a statement changed', async () => {
		const known = new KnownParts();
		const before = read(known);
		const id = before.nodes[0]!.id;
		const longer = `${before.nodes[0]!.text}${' And more words besides these.'.repeat(3)}`;
		const after = read(known, (m) => ({
			...m,
			nodes: m.nodes.map((n) => (n.id === id ? { ...n, text: longer } : n))
		}));
		const [a, b] = [await pageLayout(before), await pageLayout(after)];
		expect(b).not.toBe(a);
		expect(b.nodes[id]!.height).toBeGreaterThan(a.nodes[id]!.height);
	});

	it('keeps folds apart: the same statements folded otherwise are another layout', async () => {
		const known = new KnownParts();
		const before = read(known);
		const after = read(known, (m) => ({ ...m, title: 'Another title' }));
		const thesis = before.nodes[0]!.id;
		const folded = await pageLayout(after, [thesis]);
		expect(folded).not.toBe(await pageLayout(before));
		expect(Object.keys(folded.nodes).length).toBeLessThan(before.nodes.length);
		expect(await pageLayout(before, [thesis])).toBe(folded);
	});

	it('keys only frozen statements by identity: parts that could change are laid out by value', async () => {
		const parsed = parseMap(text);
		if (!parsed.ok) throw new Error('the article map does not parse');
		const open = structuredClone(parsed.map);
		expect(Object.isFrozen(open.nodes[0])).toBe(false);
		const first = await pageLayout(open);
		const id = open.nodes[0]!.id;
		open.nodes[0]!.text += ' And more words besides these.'.repeat(3);
		const second = await pageLayout({ ...open, title: 'Changed in place' });
		expect(second).not.toBe(first);
		expect(second.nodes[id]!.height).toBeGreaterThan(first.nodes[id]!.height);
	});
});
