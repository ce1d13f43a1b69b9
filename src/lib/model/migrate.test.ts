import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMap } from './parse';
import { CURRENT_VERSION, type ArgumentMap } from './schema';
import { serializeMap } from './serialize';

// Maps as older versions wrote them, frozen: never edit these fixtures, add a new one per version.
const v1 = readFileSync('tests/fixtures/v1/japan-mongolia.v1.map.json', 'utf8');
const v2 = readFileSync('tests/fixtures/v2/japan-mongolia-critique.v2.map.json', 'utf8');
const v3 = readFileSync('tests/fixtures/v3/japan-mongolia-critique.v3.map.json', 'utf8');
const v4 = readFileSync('tests/fixtures/v4/japan-mongolia-critique.v4.map.json', 'utf8');

type Item = { origin: string; inText?: string };
/** What the 2 → 3 step does to a list of nodes or links: source items become stated. */
const stated = <T extends Item>(items: T[]): T[] =>
	items.map((it) => (it.origin === 'source' ? { ...it, inText: 'stated' } : it));

/** The lines of `after` that differ from `before`, when both have the same number of lines. */
function changedLines(before: string, after: string): string[] {
	const old = before.split('\n');
	return after.split('\n').filter((l, i) => l !== old[i]);
}

/** The canonical text of `map` with the `inText` fields that migration added taken out. */
function withoutInText(map: ArgumentMap): string {
	const drop = <T extends { inText?: unknown }>({ inText: _, ...rest }: T) => rest;
	return serializeMap({ ...map, nodes: map.nodes.map(drop), links: map.links.map(drop) });
}

describe('format migrations', () => {
	it('reads a frozen version 1 map as the current version, with nothing lost', () => {
		expect(JSON.parse(v1).version).toBe(1);
		const r = parseMap(v1);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.migratedFrom).toBe(1);
		expect(r.map.version).toBe(CURRENT_VERSION);
		const old = JSON.parse(v1);
		expect(r.map.nodes).toEqual(stated(old.nodes));
		expect(r.map.links).toEqual(stated(old.links));
		// Saved again, it is the current file: the version line and one `inText` per source item
		// are added, nothing else changes.
		expect(changedLines(v1, withoutInText(r.map))).toEqual([`  "version": ${CURRENT_VERSION},`]);
	});

	it('2 → 3: source items become stated, reader items stay without, anchors carry over', () => {
		const old = JSON.parse(v2);
		expect(old.version).toBe(2);
		const r = parseMap(v2);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.migratedFrom).toBe(2);
		expect(r.map.version).toBe(CURRENT_VERSION);
		expect(r.map.nodes).toEqual(stated(old.nodes));
		expect(r.map.links).toEqual(stated(old.links));
		expect(r.map.nodes.filter((n) => n.origin === 'reader').length).toBeGreaterThan(10);
		expect(r.map.nodes.some((n) => n.origin === 'reader' && n.inText)).toBe(false);
		expect(r.map.links.some((l) => l.origin === 'reader' && l.inText)).toBe(false);
		// A version 2 anchor { paragraph, quote } is a version 3 anchor as it is.
		const anchors = (m: { nodes: { anchors?: unknown[] }[] }) =>
			m.nodes.flatMap((n) => n.anchors ?? []);
		expect(anchors(r.map)).toEqual(anchors(old));
		expect(r.map).not.toHaveProperty('text');
		expect(changedLines(v2, withoutInText(r.map))).toEqual([`  "version": ${CURRENT_VERSION},`]);
	});

	it('3 → 4: a version 3 map carries over as it is, with only its version line changed', () => {
		expect(JSON.parse(v3).version).toBe(3);
		const r = parseMap(v3);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.migratedFrom).toBe(3);
		expect(r.map.version).toBe(CURRENT_VERSION);
		const old = JSON.parse(v3);
		expect(r.map.nodes).toEqual(old.nodes);
		expect(r.map.links).toEqual(old.links);
		expect(r.map.nodes.some((n) => n.questioned || n.sources)).toBe(false);
		expect(changedLines(v3, serializeMap(r.map))).toEqual([`  "version": ${CURRENT_VERSION},`]);
	});

	it('4 → 5: a version 4 map carries over as it is, presented in the argument’s order', () => {
		expect(JSON.parse(v4).version).toBe(4);
		const r = parseMap(v4);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.migratedFrom).toBe(4);
		expect(r.map.version).toBe(5);
		const old = JSON.parse(v4);
		expect(r.map.nodes).toEqual(old.nodes);
		expect(r.map.links).toEqual(old.links);
		expect(r.map).not.toHaveProperty('walkthrough');
		expect(changedLines(v4, serializeMap(r.map))).toEqual([`  "version": ${CURRENT_VERSION},`]);
	});

	it('refuses a version 0 or a non-number version with a sentence', () => {
		for (const version of [0, '2', 1.5]) {
			const r = parseMap(v1.replace('"version": 1,', `"version": ${JSON.stringify(version)},`));
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.problems[0]).toMatchObject({ code: 'version', path: ['version'] });
		}
	});
});
