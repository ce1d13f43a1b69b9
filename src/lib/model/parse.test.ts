import { plainIssue } from './problems';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMap, validateMap, tooLargeProblem, MAX_MAP_BYTES } from './parse';
import { formatProblem } from './problems';
import type { ArgumentMap } from './schema';
import { serializeMap } from './serialize';

const smallText = readFileSync('tests/fixtures/small.map.json', 'utf8');
const small = () => JSON.parse(smallText) as ArgumentMap;
const problemsOf = (value: unknown) => {
	const r = typeof value === 'string' ? parseMap(value) : validateMap(value);
	if (r.ok) throw new Error('expected problems, got a valid map');
	return r.problems;
};

describe('parseMap', () => {
	it('reads a valid map', () => {
		const r = parseMap(smallText);
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.map.nodes.map((n) => n.id)).toEqual(['t', 'c1', 'e1', 'o1']);
	});

	it('refuses an empty file with a sentence, not an exception', () => {
		expect(problemsOf('')[0]).toMatchObject({ code: 'empty', line: 1 });
		expect(problemsOf('  \n ')[0]!.code).toBe('empty');
	});

	it('reports truncated JSON once, at the line where it ends', () => {
		const cut = smallText.slice(0, 300);
		const p = problemsOf(cut);
		expect(p).toHaveLength(1);
		expect(p[0]!.code).toBe('json-syntax');
		expect(p[0]!.line).toBe(cut.split('\n').length);
	});

	it('says the column of a syntax error too: a file written on one line has only line 1', () => {
		const oneLine = JSON.stringify(JSON.parse(smallText));
		const broken = oneLine.replace('"nodes":', '"nodes" ');
		const p = problemsOf(broken);
		expect(p[0]).toMatchObject({ code: 'json-syntax', line: 1 });
		const column = broken.indexOf('"nodes" ') + '"nodes" '.length + 1;
		expect(p[0]!.message).toBe(`invalid JSON at column ${column}: expected ":"`);
	});

	it('rejects comments and trailing commas: map files are plain JSON', () => {
		expect(problemsOf('// x\n' + smallText)[0]!.code).toBe('json-syntax');
		expect(problemsOf(smallText.replace(/"en"\n/, '"en",\n'))[0]!.code).toBe('json-syntax');
	});

	it('names the line and path of a wrong type', () => {
		const text = smallText.replace(
			'"kind": "claim",\n      "label"',
			'"kind": "motive",\n      "label"'
		);
		const [p] = problemsOf(text);
		expect(p!.path).toEqual(['nodes', 1, 'kind']);
		expect(p!.line).toBe(text.split('\n').findIndex((l) => l.includes('"motive"')) + 1);
		expect(formatProblem('m.json', p!)).toMatch(/^m\.json:\d+: nodes\[1\]\.kind: /);
	});

	it("says in words what zod's own checks found (zod/mini's English messages are loaded)", () => {
		const doc = small();
		(doc.nodes[1] as Record<string, unknown>).text = 42;
		doc.nodes[2]!.tags = Array.from({ length: 21 }, (_, i) => `t${i}`);
		const p = problemsOf(doc);
		expect(p.find((x) => x.path.join('.') === 'nodes.1.text')?.message).toBe(
			'Invalid input: expected string, received number'
		);
		expect(p.find((x) => x.path.join('.') === 'nodes.2.tags')?.message).toBe(
			'Too big: expected array to have <=20 items'
		);
	});

	it('reports a missing field at its parent and an unknown field by name', () => {
		const doc = small();
		delete (doc.nodes[0] as Partial<ArgumentMap['nodes'][0]>).text;
		(doc.nodes[1] as Record<string, unknown>).colour = 'red';
		const p = problemsOf(JSON.stringify(doc, null, 2));
		expect(p.find((x) => x.path.join('.') === 'nodes.0.text')?.message).toMatch(/required/);
		const unknown = p.find((x) => x.path.join('.') === 'nodes.1.colour')!;
		expect(unknown.message).toBe('unknown field "colour"');
		// The line of the key itself, not of the object it sits in.
		const text = JSON.stringify(doc, null, 2);
		expect(unknown.line).toBe(text.split('\n').findIndex((l) => l.includes('"colour"')) + 1);
	});

	it('refuses a file over the size limit before parsing it', () => {
		const huge = ' '.repeat(MAX_MAP_BYTES + 1);
		expect(problemsOf(huge)[0]!.code).toBe('too-large');
	});

	it('words the size problem once, for the parser, the CLI and the store alike', () => {
		expect(tooLargeProblem(50 * 1048576)).toEqual({
			code: 'too-large',
			path: [],
			line: 1,
			message: 'the file is 50.0 MB; a map may be at most 5 MB'
		});
		expect(problemsOf(' '.repeat(MAX_MAP_BYTES + 1))).toEqual([tooLargeProblem(MAX_MAP_BYTES + 1)]);
	});

	it('survives hostile input: deep nesting, __proto__ keys, control characters, a top-level array', () => {
		expect(problemsOf('['.repeat(100000))[0]!.code).toBe('json-syntax');
		const proto = problemsOf(
			'{"__proto__": {"polluted": true}, "format": "warrant-map", "version": 1}'
		);
		expect(proto.length).toBeGreaterThan(0);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		const doc = small();
		doc.nodes[0]!.text = 'bad\u0007bell';
		expect(problemsOf(doc)[0]!.message).toMatch(/control characters/);
		expect(problemsOf('[1,2]')[0]!.code).toBe('schema');
	});

	it('refuses ids that are not slugs, which would end up in URLs and file names', () => {
		for (const id of ['../x', 'A', 'a b', '', 'é', 'a--b', '-a']) {
			const doc = small();
			doc.nodes[3]!.id = id;
			expect(
				problemsOf(doc).some((p) => p.path.join('.') === 'nodes.3.id'),
				id
			).toBe(true);
		}
	});

	it('says a newer format version comes from a newer Warrant', () => {
		const doc = { ...small(), version: 7 };
		expect(problemsOf(doc)[0]).toMatchObject({ code: 'version', path: ['version'] });
		expect(problemsOf(doc)[0]!.message).toMatch(/newer Warrant/);
	});

	it('says a JSON file of some other kind is not a map, instead of asking for its version', () => {
		const other = problemsOf('{"name": "some-package", "version": "1.0.0"}\n');
		expect(other).toHaveLength(1);
		expect(other[0]!.message).toBe(
			'this JSON is not a Warrant map: it has no "format": "warrant-map" and no "nodes"'
		);
		// A map missing its version is still told about the version.
		const { version: _, ...noVersion } = small();
		expect(problemsOf(noVersion)[0]).toMatchObject({ code: 'version' });
	});
});

describe('integrity', () => {
	it('finds duplicate ids across nodes and links', () => {
		const doc = small();
		doc.links[0]!.id = 'c1';
		expect(problemsOf(doc)).toEqual([
			expect.objectContaining({ code: 'duplicate-id', path: ['links', 0, 'id'] })
		]);
	});

	it('finds dangling and self links', () => {
		const doc = small();
		doc.links[0]!.to = 'nowhere';
		doc.links[1]!.to = 'e1';
		const codes = problemsOf(doc).map((p) => p.code);
		expect(codes).toEqual(['dangling', 'self-link']);
	});

	it('requires undercuts to target links and supports to target nodes', () => {
		const doc = small();
		doc.links[2]!.to = 'c1';
		doc.links[0]!.to = 'l2';
		const p = problemsOf(doc);
		expect(p.map((x) => x.code).sort()).toEqual(['relation-target', 'undercut-target']);
	});

	it('requires exactly one thesis', () => {
		const doc = small();
		doc.nodes[1]!.kind = 'thesis';
		expect(problemsOf(doc)[0]).toMatchObject({ code: 'thesis-count', path: ['nodes', 1, 'kind'] });
		const none = small();
		none.nodes[0]!.kind = 'claim';
		expect(problemsOf(none)[0]!.message).toMatch(/found none/);
	});

	it('checks co-premises', () => {
		const doc = small();
		doc.links[1]!.with = ['o1', 'ghost', 'c1'];
		expect(problemsOf(doc).map((p) => p.code)).toEqual(['dangling', 'co-premise']);
	});
});

describe('parseMap, reviewed', () => {
	it('says which values a field takes, and that a missing one is required', () => {
		const doc = small();
		(doc.nodes[1] as Record<string, unknown>).kind = 'motive';
		delete (doc.nodes[2] as Partial<ArgumentMap['nodes'][0]>).origin;
		const p = problemsOf(doc);
		expect(p.find((x) => x.path.join('.') === 'nodes.1.kind')!.message).toBe(
			'must be one of "thesis", "claim", "evidence", "assumption"; found "motive"'
		);
		expect(p.find((x) => x.path.join('.') === 'nodes.2.origin')!.message).toBe(
			'is required: one of "source", "reader"'
		);
	});

	it('reports a field given twice instead of silently keeping the last', () => {
		const text = smallText.replace('"kind": "claim",', '"kind": "claim",\n      "kind": "thesis",');
		const [p] = problemsOf(text);
		expect(p).toMatchObject({
			path: ['nodes', 1, 'kind'],
			message: 'the field "kind" appears twice in the same object'
		});
		// The second "kind" is on the line after the first one.
		expect(p!.line).toBe(
			text.split(String.fromCharCode(10)).findIndex((l) => l.includes('"kind": "claim",')) + 2
		);
	});

	it('reads a file as Warrant writes it, and the same map written by hand, alike', () => {
		const map = small();
		const written = serializeMap(map);
		const read = (text: string) => {
			const r = parseMap(text);
			if (!r.ok) throw new Error(JSON.stringify(r.problems));
			return r.map;
		};
		expect(read(written)).toEqual(map);
		expect(read(`${written.trimEnd()}   \n\n`)).toEqual(map);
		expect(read(JSON.stringify(map))).toEqual(map);
		// A repeated field whose values agree still parses to the written map: it is still refused.
		const twice = written.replace('"kind": "claim",', '"kind": "claim",\n      "kind": "claim",');
		expect(problemsOf(twice)[0]!.message).toBe('the field "kind" appears twice in the same object');
	});

	it('counts lines in files with old Mac (\\r) and Windows (\\r\\n) line endings', () => {
		const bad = smallText.replace(
			'"kind": "claim",\n      "label"',
			'"kind": "motive",\n      "label"'
		);
		const line = bad.split('\n').findIndex((l) => l.includes('"motive"')) + 1;
		for (const eol of ['\r', '\r\n']) {
			const [p] = problemsOf(bad.replace(/\n/g, eol));
			expect(p!.line, JSON.stringify(eol)).toBe(line);
		}
	});
});

describe('plainIssue', () => {
	it('says a refusal in the words of the field the reader edited', () => {
		expect(
			plainIssue(['nodes', 4, 'figures', 0, 'year'], 'Too big: expected number to be <=3000')
		).toBe('A figure’s year must be at most 3000');
		expect(plainIssue(['nodes', 5, 'label'], 'must be at most 60 characters')).toBe(
			'The label must be at most 60 characters'
		);
		expect(plainIssue([], 'is broken')).toBe('The map is broken');
	});
});
