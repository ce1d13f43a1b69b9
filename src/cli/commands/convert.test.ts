import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, formatById } from '../../lib/formats';
import { run } from '../warrant';

const MAP = 'tests/fixtures/small.map.json';
let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'warrant-convert-'));
});

async function cli(args: string[], stdin?: string) {
	const out: string[] = [];
	const err: string[] = [];
	let written = '';
	const code = await run(
		args,
		(s) => out.push(s),
		(s) => err.push(s),
		{
			write: (s) => (written += s),
			...(stdin === undefined ? {} : { stdin: async () => stdin })
		}
	);
	return { code, out: out.join('\n'), err: err.join('\n'), written };
}

const file = (name: string, text: string) => {
	const p = join(dir, name);
	writeFileSync(p, text);
	return p;
};

/** One good input per format that reads, under a name that says the format. */
async function inputs(): Promise<Record<string, { name: string; statements: number }>> {
	const map = readFileSync(MAP, 'utf8');
	const aif = await cli(['convert', MAP, '-', '--to', 'aif']);
	const argdown = await cli(['convert', MAP, '-', '--to', 'argdown']);
	return {
		json: { name: file('in.map.json', map), statements: JSON.parse(map).nodes.length },
		aif: { name: file('in.aif.json', aif.written), statements: JSON.parse(map).nodes.length },
		argdown: {
			name: file('in.argdown', argdown.written),
			statements: JSON.parse(map).nodes.length
		},
		carneades: {
			name: file(
				'in.yml',
				'statements:\n  p: P\n  q: Q\narguments:\n  a1: { conclusion: p, premises: [q] }\n'
			),
			statements: 2
		}
	};
}

/** Text in each format that cannot be read, and the start of what is said about it. */
const BAD: Record<string, { name: string; text: string; says: RegExp }> = {
	json: {
		name: 'bad.map.json',
		text: '{"format": 1',
		says: /bad\.map\.json:1: \(document\): invalid JSON/
	},
	aif: {
		name: 'bad.aif.json',
		text: '{"nodes": [], "edges": []}',
		says: /bad\.aif\.json:1: \(document\): the AIF file has no I-nodes/
	},
	argdown: {
		name: 'bad.argdown',
		text: '[a]: One.\n\n[b]: An _unfinished italic.\n',
		says: /bad\.argdown:3: \(document\): Argdown: Incomplete italic text range/
	},
	carneades: {
		name: 'bad.yml',
		text: 'statements: [',
		says: /bad\.yml:1: \(document\): invalid YAML/
	}
};

describe('warrant convert, every pair of formats', () => {
	const readers = FORMATS.filter((f) => f.parse).map((f) => f.id);
	const writers = FORMATS.filter((f) => f.print);

	it('has a good and a bad input for every format it reads', () => {
		expect(Object.keys(BAD).sort()).toEqual([...readers].sort());
	});

	for (const from of readers)
		for (const to of writers)
			it(`converts ${from} → ${to.id}, and reads it back where ${to.id} can be read`, async () => {
				const input = (await inputs())[from]!;
				const output = join(dir, `out-${from}${to.extensions[0]}`);
				const r = await cli(['convert', input.name, output]);
				expect(r).toMatchObject({ code: 0, out: `${output}: written as ${to.name}` });
				const written = readFileSync(output, 'utf8');
				if (!to.parse) {
					expect(written.length).toBeGreaterThan(0);
					return;
				}
				const back = await to.parse(written);
				expect(back.ok && back.map.nodes.length).toBe(input.statements);
			});

	for (const from of readers)
		it(`reports bad ${from} input with the place and a reason, exit 1, and writes nothing`, async () => {
			const bad = BAD[from]!;
			const output = join(dir, `never-${from}.map.json`);
			const r = await cli(['convert', file(bad.name, bad.text), output]);
			expect(r.code).toBe(1);
			expect(r.err).toMatch(bad.says);
			expect(r.err).not.toMatch(/at .*\.ts:\d+/);
			expect(existsSync(output)).toBe(false);
		});
});

describe('warrant convert, names and streams', () => {
	it('tells AIF from a map in a plain .json by its content', async () => {
		const aif = (await cli(['convert', MAP, '-', '--to', 'aif'])).written;
		const input = file('nodeset.json', aif);
		const r = await cli(['convert', input, '-']);
		expect(r.code).toBe(0);
		expect(r.written).toBe(readFileSync(MAP, 'utf8'));
	});

	it('reads stdin and writes stdout with -, by content or by --from', async () => {
		const map = readFileSync(MAP, 'utf8');
		const outline = await cli(['convert', '-', '-', '--to', 'outline'], map);
		expect(outline.code).toBe(0);
		expect(outline.written).toMatch(/^\[Thesis\] The thesis\.\n/);
		const yaml = await cli(['convert', '-', '-', '--from', 'carneades'], 'statements:\n  p: P\n');
		expect(JSON.parse(yaml.written).nodes[0]).toMatchObject({ id: 'p', kind: 'thesis' });
		// Without --from, by what the text is: Carneades YAML, Argdown, JSON of neither kind.
		const guessed = await cli(['convert', '-', '-'], 'statements:\n  p: P\n');
		expect(JSON.parse(guessed.written).nodes[0]).toMatchObject({ id: 'p', kind: 'thesis' });
		const argdown = await cli(['convert', '-', '-'], '[T]: Lanes help.\n  + [R]: Fewer crashes.\n');
		expect(JSON.parse(argdown.written).nodes.map((n: { id: string }) => n.id)).toEqual(['t', 'r']);
		const unknown = await cli(['convert', '-', 'out.map.json'], '{"a": 1}');
		expect(unknown).toMatchObject({ code: 2 });
		expect(unknown.err).toMatch(/cannot tell the format of standard input; name it with --from/);
	});

	it('goes by --from and --to over the names, and refuses unknown ones (exit 2)', async () => {
		const aifName = file(
			'really-aif.txt',
			(await cli(['convert', MAP, '-', '--to', 'aif'])).written
		);
		const r = await cli(['convert', aifName, '-', '--from', 'aif', '--to', 'json']);
		expect(r.written).toBe(readFileSync(MAP, 'utf8'));
		expect(await cli(['convert', MAP, '-', '--to', 'svg'])).toMatchObject({
			code: 2,
			err: `warrant convert: --to svg: no such format to write; use one of ${FORMATS.filter(
				(f) => f.print
			)
				.map((f) => f.id)
				.join(', ')}`
		});
		expect((await cli(['convert', MAP, '-', '--from', 'outline'])).err).toMatch(
			/--from outline: no such format to read/
		);
		expect((await cli(['convert', MAP, '-', '--to'])).err).toMatch(/--to needs a value/);
		expect(formatById('outline')!.parse).toBeUndefined();
	});

	it('says what an AIF import left out, and still writes the map', async () => {
		const input = file(
			'odd.json',
			JSON.stringify({
				nodes: [
					{ nodeID: '1', type: 'I', text: 'A claim.' },
					{ nodeID: '2', type: 'XX', text: '?' }
				],
				edges: [{ edgeID: '9', fromID: '1', toID: '404' }]
			})
		);
		const r = await cli(['convert', input, join(dir, 'odd.map.json')]);
		expect(r.code).toBe(0);
		expect(r.err).toMatch(
			/odd\.json:1: nodes\[1\]: node "2" has the unknown type "XX"; left out .*\(note\)/
		);
		expect(r.err).toMatch(
			/edge 9 points at "404", which is no node of the file; left out \(note\)/
		);
	});
});
