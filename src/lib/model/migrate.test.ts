import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMap } from './parse';
import { CURRENT_VERSION } from './schema';
import { serializeMap } from './serialize';

// A map as version 1 wrote it, frozen: never edit this fixture, add a new one per version.
const v1 = readFileSync('tests/fixtures/v1/japan-mongolia.v1.map.json', 'utf8');

describe('format migrations', () => {
	it('reads a frozen version 1 map as the current version, with nothing lost', () => {
		expect(JSON.parse(v1).version).toBe(1);
		const r = parseMap(v1);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.migratedFrom).toBe(1);
		expect(r.map.version).toBe(CURRENT_VERSION);
		const old = JSON.parse(v1);
		expect(r.map.nodes).toEqual(old.nodes);
		expect(r.map.links).toEqual(old.links);
		// Saved again, it is the current file: only the version line differs.
		const diff = serializeMap(r.map)
			.split('\n')
			.filter((l, i) => l !== v1.split('\n')[i]);
		expect(diff).toEqual([`  "version": ${CURRENT_VERSION},`]);
	});

	it('refuses a version 0 or a non-number version with a sentence', () => {
		for (const version of [0, '2', 1.5]) {
			const r = parseMap(v1.replace('"version": 1,', `"version": ${JSON.stringify(version)},`));
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.problems[0]).toMatchObject({ code: 'version', path: ['version'] });
		}
	});
});
