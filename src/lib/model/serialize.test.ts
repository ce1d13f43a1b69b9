import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMap } from './parse';
import { serializeMap } from './serialize';
import { CURRENT_VERSION, type ArgumentMap } from './schema';

describe('serializeMap', () => {
	it('writes the committed maps byte for byte: they are canonical', () => {
		for (const file of ['arguments/japan-mongolia.map.json', 'tests/fixtures/small.map.json']) {
			const text = readFileSync(file, 'utf8');
			const r = parseMap(text);
			expect(r.ok, file).toBe(true);
			if (r.ok) expect(serializeMap(r.map)).toBe(text);
		}
	});

	it('orders keys by the schema, whatever order they came in', () => {
		const map: ArgumentMap = {
			links: [],
			nodes: [{ origin: 'source', text: 'T', kind: 'thesis', id: 't' }],
			source: { title: 'S' },
			version: CURRENT_VERSION,
			format: 'warrant-map'
		};
		const text = serializeMap(map);
		expect(text).toBe(
			`{\n  "format": "warrant-map",\n  "version": ${CURRENT_VERSION},\n  "source": {\n    "title": "S"\n  },\n  "nodes": [\n    {\n      "id": "t",\n      "kind": "thesis",\n      "text": "T",\n      "origin": "source"\n    }\n  ],\n  "links": []\n}\n`
		);
		const back = parseMap(text);
		expect(back.ok && back.map).toEqual(map);
	});
});
