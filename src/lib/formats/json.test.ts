import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, print } from './json';

const text = readFileSync('arguments/japan-mongolia.map.json', 'utf8');

describe('json format', () => {
	it('reads a map file and prints it back to the same text', () => {
		const r = parse(text);
		if (!r.ok) throw new Error(JSON.stringify(r.problems));
		expect(r.map.nodes).toHaveLength(75);
		expect(print(r.map)).toBe(text);
	});

	it('reports problems with lines instead of throwing', () => {
		expect(parse('{"format": 1')).toMatchObject({
			ok: false,
			problems: [{ code: 'json-syntax', line: 1 }]
		});
		const broken = text.replace('"kind": "thesis"', '"kind": "verdict"');
		const r = parse(broken);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems[0]).toMatchObject({ code: 'schema', path: ['nodes', 0, 'kind'] });
	});
});
