import { loadMap } from '../../../tests/fixtures/load';
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from './integrity';
import { asWritten, hasReaderLayer } from './layers';

import type { ArgumentMap } from './schema';

const load = loadMap;

describe('As written', () => {
	it('is the article map itself when nothing was added', () => {
		const m = load('arguments/japan-mongolia.map.json');
		expect(asWritten(m)).toEqual(m);
		expect(hasReaderLayer(m)).toBe(false);
	});

	it('takes away reader statements, their links, undercuts of those links and the reader’s evaluation', () => {
		const m = load('tests/fixtures/small.map.json');
		const withMore: ArgumentMap = {
			...m,
			nodes: [
				...m.nodes.map((n) =>
					n.id === 'c1'
						? { ...n, verdict: 'rejected' as const, flags: [{ type: 'evidence-gap' }] }
						: n
				),
				{ id: 'h', kind: 'assumption', text: 'Hidden.', origin: 'reader' }
			],
			links: m.links.map((l) =>
				l.id === 'l1' ? { ...l, strength: 'weak' as const, with: ['h'], scheme: 'motive' } : l
			)
		};
		expect(hasReaderLayer(withMore)).toBe(true);
		const w = asWritten(withMore);
		expect(w.nodes.map((n) => n.id)).toEqual(['t', 'c1', 'e1']);
		expect(w.links.map((l) => l.id)).toEqual(['l1', 'l2']);
		expect(w.nodes[1]).not.toHaveProperty('verdict');
		expect(w.nodes[1]).not.toHaveProperty('flags');
		expect(w.links[0]).toEqual({
			id: 'l1',
			from: 'c1',
			to: 't',
			relation: 'supports',
			origin: 'source',
			inText: 'stated'
		});
		expect(checkIntegrity(w)).toEqual([]);
	});
});

describe('Stated only', () => {
	it('takes away what the reconstruction inferred: inferred statements, inferred links and what hangs on them', () => {
		const m = load('tests/fixtures/small.map.json');
		const inferred: ArgumentMap = {
			...m,
			nodes: m.nodes.map((n) =>
				n.id === 'c1' ? { ...n, inText: 'inferred' as const, questioned: { author: 'Ana' } } : n
			),
			links: m.links.map((l) => (l.id === 'l2' ? { ...l, inText: 'inferred' as const } : l))
		};
		// As written keeps both, without the reader's question.
		const written = asWritten(inferred);
		expect(written.nodes.map((n) => n.id)).toContain('c1');
		expect(written.nodes.find((n) => n.id === 'c1')).not.toHaveProperty('questioned');
		const stated = asWritten(inferred, { statedOnly: true });
		expect(stated.nodes.map((n) => n.id)).toEqual(['t', 'e1']);
		expect(stated.links.map((l) => l.id)).toEqual([]);
		expect(checkIntegrity(stated)).toEqual([]);
	});
});
