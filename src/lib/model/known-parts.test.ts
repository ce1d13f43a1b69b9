import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseMap } from './parse';
import { serializeMap } from './serialize';
import { KnownParts } from './known-parts';
import type { ArgumentMap } from './schema';

const text = readFileSync('arguments/japan-mongolia.map.json', 'utf8');
const article = () => {
	const r = parseMap(text);
	if (!r.ok) throw new Error('the article map does not parse');
	return r.map;
};
/** The map's text after `change` (made on a fresh copy), as the app writes it. */
const changed = (change: (m: ArgumentMap) => void) => {
	const m = article();
	change(m);
	return serializeMap(m);
};

describe('statements and links validated before', () => {
	it('a new revision reuses them: the same values, frozen, equal to a full parse', () => {
		const known = new KnownParts();
		const first = parseMap(text, known);
		expect(first.ok && known.size).toBe(article().nodes.length + article().links.length);
		const again = parseMap(`${text.trimEnd()}  \n`, known);
		if (!first.ok || !again.ok) throw new Error('no parse');
		expect(again.map.nodes[3]).toBe(first.map.nodes[3]);
		expect(Object.isFrozen(again.map.nodes[3])).toBe(true);
		expect(again.map).toEqual(article());
	});

	it('a changed statement is validated anew, the others are reused', () => {
		const known = new KnownParts();
		const first = parseMap(text, known);
		const next = parseMap(
			changed((m) => (m.nodes[2]!.text = 'A claim put in other words.')),
			known
		);
		if (!first.ok || !next.ok) throw new Error('no parse');
		expect(next.map.nodes[2]!.text).toBe('A claim put in other words.');
		expect(next.map.nodes[2]).not.toBe(first.map.nodes[2]);
		expect(next.map.nodes[1]).toBe(first.map.nodes[1]);
	});

	it('what is wrong is said as without them: a bad statement, a dangling link, a bad field', () => {
		const bad = [
			changed((m) => ((m.nodes[2] as { kind: string }).kind = 'opinion')),
			// Every statement and link known, but a link now ends at a statement that is gone.
			changed((m) =>
				m.nodes.splice(
					m.nodes.findIndex((n) => n.kind === 'evidence'),
					1
				)
			),
			changed((m) => (m.title = 'x'.repeat(400))),
			text.replace('"format"', '"colour": "red", "format"')
		];
		for (const t of bad) {
			const known = new KnownParts();
			parseMap(text, known);
			const withMemo = parseMap(t, known);
			expect(withMemo.ok).toBe(false);
			expect(withMemo).toEqual(parseMap(t));
		}
	});

	it('learning the same map again keeps one copy of each part', () => {
		const known = new KnownParts();
		parseMap(text, known);
		const size = known.size;
		parseMap(`${text.trimEnd()} \n`, known);
		parseMap(
			changed((m) => (m.title = 'Another title')),
			known
		);
		expect(known.size).toBe(size);
	});
});
