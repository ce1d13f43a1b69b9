import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { FORMATS, formatById, formatOfContent, formatOfFile, formatOfInput } from './index';

describe('the formats table', () => {
	it('finds a format by id', () => {
		expect(formatById('json')?.name).toBe('Warrant map (JSON)');
		expect(formatById('outline')?.parse).toBeUndefined();
		expect(formatById('argdown')?.extensions).toEqual(['.argdown']);
		expect(formatById('svg')).toBeUndefined();
	});

	it('finds a format by the longest matching file ending, ignoring case', () => {
		expect(formatOfFile('arguments/japan-mongolia.map.json')?.id).toBe('json');
		expect(formatOfFile('EXPORT.JSON')?.id).toBe('json');
		expect(formatOfFile('/tmp/out/map.txt')?.id).toBe('outline');
		expect(formatOfFile('map.svg')).toBeUndefined();
		expect(formatOfFile('json')).toBeUndefined();
	});

	it('lists each id once, each ending once, and every format can at least read or write', () => {
		expect(new Set(FORMATS.map((f) => f.id)).size).toBe(FORMATS.length);
		const endings = FORMATS.flatMap((f) => f.extensions);
		expect(new Set(endings).size).toBe(endings.length);
		for (const e of endings) expect(e).toMatch(/^\.[a-z0-9.]+$/);
		for (const f of FORMATS) expect(Boolean(f.parse || f.print), f.id).toBe(true);
	});

	it('prints the same map through the table as through the module', () => {
		const map = loadMap('tests/fixtures/small.map.json');
		expect(formatById('outline')!.print!(map)).toMatch(/^\[Thesis\] The thesis\.\n/);
		const json = formatById('json')!;
		expect(json.parse!(json.print!(map))).toEqual({ ok: true, map });
	});
});

describe('telling a .json file apart by its content', () => {
	const aifText = '{"nodes": [{"nodeID": "1", "type": "I", "text": "A"}], "edges": []}';
	const mapText = readFileSync('tests/fixtures/small.map.json', 'utf8');

	it('reads nodes-and-edges JSON as AIF, a Warrant map as a map', () => {
		expect(formatOfInput('corpus/nodeset10.json', aifText)?.id).toBe('aif');
		expect(
			formatOfInput('ova.json', JSON.stringify({ AIF: JSON.parse(aifText), OVA: {} }))?.id
		).toBe('aif');
		expect(formatOfInput('export.json', mapText)?.id).toBe('json');
	});

	it('goes by the name where the name says: .map.json and .aif.json', () => {
		expect(formatOfInput('x.map.json', aifText)?.id).toBe('json');
		expect(formatOfInput('x.aif.json', mapText)?.id).toBe('aif');
		expect(formatOfInput('x.yml', aifText)?.id).toBe('carneades');
	});

	it('reads broken or foreign JSON as a map, so its problems are a map file’s', () => {
		expect(formatOfInput('broken.json', '{"nodes": [')?.id).toBe('json');
		expect(formatOfInput('other.json', '{"a": 1}')?.id).toBe('json');
		expect(formatOfContent('{"a": 1}')).toBeUndefined();
	});
});
