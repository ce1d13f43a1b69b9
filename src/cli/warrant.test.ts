import { execFileSync, spawnSync } from 'node:child_process';
import {
	existsSync,
	linkSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync,
	openSync,
	ftruncateSync,
	closeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { print as outlineText } from '../lib/formats/outline';
import {
	ARTICLE_PATH,
	NO_ARTICLE,
	articleBlocks,
	articleExists
} from '../../tests/fixtures/article';
import { loadMap } from '../../tests/fixtures/load';
import { run } from './warrant';

const MAP = 'arguments/japan-mongolia.map.json';
let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'warrant-cli-'));
});

async function cli(...args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await run(
		args,
		(s) => out.push(s),
		(s) => err.push(s)
	);
	return { code, out: out.join('\n'), err: err.join('\n') };
}
function file(name: string, text: string) {
	const p = join(dir, name);
	writeFileSync(p, text);
	return p;
}

describe('warrant validate', () => {
	it('accepts the article map', async () => {
		const r = await cli('validate', MAP);
		expect(r).toMatchObject({ code: 0, err: '' });
		expect(r.out).toMatch(/valid \(75 statements, 85 links\)/);
	});

	it('prints each problem as file:line: JSON path: reason and exits 1', async () => {
		const doc = JSON.parse(readFileSync(MAP, 'utf8'));
		doc.links[3].to = 'no-such-node';
		doc.nodes[5].id = doc.nodes[4].id;
		const p = file('broken.json', JSON.stringify(doc, null, 2));
		const r = await cli('validate', p);
		expect(r.code).toBe(1);
		const lines = r.err.split('\n');
		expect(lines).toHaveLength(3); // the duplicate, plus the links that pointed at the renamed node and the dangling one
		for (const l of lines)
			expect(l).toMatch(
				new RegExp(
					`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: (nodes|links)\\[\\d+\\]\\.\\w+: .+`
				)
			);
		expect(r.err).toMatch(/no node has the id "no-such-node"/);
	});

	it('handles an empty file, truncated JSON, wrong types, a folder and a missing file without a stack trace', async () => {
		const text = readFileSync(MAP, 'utf8');
		const cases = {
			empty: file('empty.json', ''),
			truncated: file('truncated.json', text.slice(0, text.length / 2)),
			types: file(
				'types.json',
				JSON.stringify({
					format: 'warrant-map',
					version: 1,
					source: { title: 5 },
					nodes: 'x',
					links: []
				})
			),
			folder: dir,
			missing: join(dir, 'nope.json')
		};
		for (const [name, p] of Object.entries(cases)) {
			const r = await cli('validate', p);
			expect(r.code, name).toBe(1);
			expect(r.err, name).toMatch(/^.+:\d+: .+: .+/);
			expect(r.err, name).not.toMatch(/\n\s+at /);
		}
	});

	it('refuses a 50 MB file without reading it whole', async () => {
		const p = join(dir, 'huge.json');
		const fd = openSync(p, 'w');
		ftruncateSync(fd, 50 * 1024 * 1024);
		closeSync(fd);
		const r = await cli('validate', p);
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/50\.0 MB; a map may be at most 5 MB/);
	});

	it('explains its usage on a wrong command', async () => {
		expect((await cli()).code).toBe(2);
		const r = await cli('frobnicate', MAP);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/unknown command "frobnicate"/);
	});
});

describe('warrant outline', () => {
	it('prints the thesis first and marks relations', async () => {
		const r = await cli('outline', MAP);
		expect(r.code).toBe(0);
		const lines = r.out.split('\n');
		expect(lines[0]).toMatch(/^\[Thesis\] /);
		for (let i = 1; i <= 5; i++)
			expect(r.out).toMatch(new RegExp(`^  \\+ \\[Motive ${i}\\] `, 'm'));
		expect(lines.filter((l) => /^\s+\+ \(evidence\)/.test(l)).length).toBeGreaterThan(40);
	});
});

describe('warrant summary', () => {
	it('prints the critical summary in Markdown, and says so plainly when the file is missing', async () => {
		const r = await cli('summary', MAP);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^# Critical summary: Japan and Mongolia/);
		expect(r.out).toMatch(/^## What follows$/m);
		const missing = await cli('summary', 'no-such.map.json');
		expect(missing.code).toBe(1);
		expect(missing.err).toBe('no-such.map.json:1: (document): no such file');
	});
});

describe('the installed command', () => {
	it('runs through npm and exits with the right code', () => {
		const ok = execFileSync('npx', ['tsx', 'src/cli/warrant.ts', 'validate', MAP], {
			encoding: 'utf8'
		});
		expect(ok).toMatch(/valid/);
		const bad = spawnSync(
			'npx',
			['tsx', 'src/cli/warrant.ts', 'validate', file('bad.json', '{"format": 1')],
			{ encoding: 'utf8' }
		);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toMatch(/bad\.json:1: \(document\): invalid JSON/);
		expect(bad.stderr).not.toMatch(/\n\s+at /);
	});
});

describe('warrant evaluate', () => {
	it('prints every statement’s status and reason as JSON', async () => {
		const r = await cli('evaluate', MAP, '--json');
		expect(r.code).toBe(0);
		const json = JSON.parse(r.out);
		expect(json.thesis).toMatchObject({ id: 'thesis', status: 'holds' });
		expect(Object.keys(json.nodes)).toHaveLength(75);
		for (const e of Object.values(json.nodes) as { status: string; reason: string }[]) {
			expect(['holds', 'unestablished', 'defeated', 'open']).toContain(e.status);
			expect(e.reason.length).toBeGreaterThan(5);
		}
		expect(json.findings.unsupported).toContain('aid-hopes');
	});

	it('evaluates a reader’s verdicts: rejecting Motive 3’s evidence leaves it not established', async () => {
		const doc = JSON.parse(readFileSync(MAP, 'utf8'));
		for (const l of doc.links.filter((x: { to: string }) => x.to === 'motive-3')) {
			doc.nodes.find((n: { id: string }) => n.id === l.from).verdict = 'rejected';
		}
		const r = await cli('evaluate', file('verdicts.json', JSON.stringify(doc)), '--json');
		const json = JSON.parse(r.out);
		expect(json.nodes['motive-3']).toMatchObject({
			status: 'unestablished',
			reason: expect.stringMatching(/none of its reasons stands .*nothing shows it false/)
		});
		expect(json.thesis.status).toBe('holds');
	});

	it('prints the four statuses for a person, grouped, with a count of each', async () => {
		const doc = JSON.parse(readFileSync(MAP, 'utf8'));
		doc.nodes.find((n: { kind: string }) => n.kind === 'evidence').questioned = { author: 'Ana' };
		doc.nodes.find((n: { id: string }) => n.id === 'motive-5').verdict = 'rejected';
		const r = await cli('evaluate', file('statuses.json', JSON.stringify(doc)));
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/: the thesis holds: supported by /);
		expect(r.out).toMatch(/^not established \(\d+\)$/m);
		expect(r.out).toMatch(/^defeated \(1\)\n {2}motive-5 · Motive 5: you rejected it$/m);
		expect(r.out).toMatch(/\d+ statements: \d+ holds, \d+ not established, 1 defeated, 0 open$/);
		expect(() => JSON.parse(r.out)).toThrow();
	});
});

describe('warrant help and usage', () => {
	const USAGE = `usage: warrant <command> <file>

commands:
  validate <file>...  check map files; prints each problem as file:line: JSON path: reason
  outline <file>      print the map as an indented outline
                      (+ supports, - attacks, ~ undercuts, & co-premise)
  summary <file>      a critical summary to write from, in Markdown prose: the thesis, its reasons
                      and evidence, stated and inferred, the objections and how they fare
  evaluate <file>     every statement's status (holds, not established, defeated, open) and
                      the reason for it, by status (docs/evaluation.md); --json for JSON
  convert <in> <out>  write the map in the format the output name ends in (or --from/--to ID);
                      - reads stdin or writes stdout; a .json is read as AIF or a map by its content:
                        json (.map.json .json)       Warrant map (JSON)
                        aif (.aif.json)              AIF (Argument Interchange Format) JSON
                        argdown (.argdown)           Argdown
                        outline (.txt)               Text outline, written only
                        carneades (.yml .yaml)       Carneades argument graph (YAML), read only
  attach <map> <txt>  attach a source text (.txt, .md) to the map and find every anchor in it;
                      writes the map in place, or to -o <out>; --skip 1-4,22 marks blocks
                      (numbered as coverage lists them) as not part of the argument
  coverage <map>      what of the map's text its anchors cover, paragraph by paragraph;
                      --written counts the source layer alone
  help                this text`;

	it('prints the usage made from the table on help, --help and -h (exit 0), alone on stderr (exit 2)', async () => {
		for (const name of ['help', '--help', '-h'])
			expect(await cli(name), name).toEqual({ code: 0, out: USAGE, err: '' });
		expect(await cli()).toEqual({ code: 2, out: '', err: USAGE });
	});

	it('checks the number of arguments before reading anything', async () => {
		expect(await cli('validate')).toEqual({
			code: 2,
			out: '',
			err: `warrant validate: name at least one map file\n\n${USAGE}`
		});
		for (const args of [['outline'], ['evaluate', MAP, MAP]])
			expect(await cli(...args)).toEqual({
				code: 2,
				out: '',
				err: `warrant ${args[0]}: name exactly one map file\n\n${USAGE}`
			});
		const r = await cli('convert', MAP);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/^warrant convert: name the map file to read and the file to write\n/);
	});
});

describe('warrant convert', () => {
	const canonical = readFileSync(MAP, 'utf8');

	it('writes canonical JSON from a map file written any other way', async () => {
		const input = file('compact.json', JSON.stringify(JSON.parse(canonical)));
		const output = join(dir, 'canonical.map.json');
		const r = await cli('convert', input, output);
		expect(r).toEqual({ code: 0, out: `${output}: written as Warrant map (JSON)`, err: '' });
		expect(readFileSync(output, 'utf8')).toBe(canonical);
	});

	it('writes the outline for a .txt name, the same text that `outline` prints', async () => {
		const output = join(dir, 'article.TXT');
		expect((await cli('convert', MAP, output)).code).toBe(0);
		const written = readFileSync(output, 'utf8');
		expect(written).toBe(outlineText(loadMap(MAP)));
		expect(written).toBe((await cli('outline', MAP)).out + '\n');
	});

	it('replaces an existing output in one step and leaves no temporary file', async () => {
		const sub = mkdtempSync(join(dir, 'replace-'));
		const output = join(sub, 'out.txt');
		writeFileSync(output, 'old text');
		expect((await cli('convert', MAP, output)).code).toBe(0);
		expect(readFileSync(output, 'utf8')).toMatch(/^\[Thesis\] /);
		expect(readdirSync(sub)).toEqual(['out.txt']);
	});

	it('never overwrites the input, under the same name or another name for the same file', async () => {
		const input = file('input.map.json', canonical);
		const other = join(dir, 'other-name.json');
		linkSync(input, other);
		for (const output of [input, join(dir, '.', 'input.map.json'), other]) {
			const r = await cli('convert', input, output);
			expect(r.code, output).toBe(2);
			expect(r.err).toMatch(/is the input file; it is never overwritten/);
		}
		expect(readFileSync(input, 'utf8')).toBe(canonical);
	});

	it('refuses names whose format it cannot read or write, and says which it can', async () => {
		const svg = await cli('convert', MAP, join(dir, 'map.svg'));
		expect(svg.code).toBe(2);
		expect(svg.err).toMatch(
			/cannot tell what to write from the name ".*map\.svg"; use \.map\.json, \.json, \.aif\.json, \.argdown, \.txt, or --to json, aif, argdown, outline$/
		);
		expect(existsSync(join(dir, 'map.svg'))).toBe(false);
		const fromOutline = await cli('convert', file('outline.txt', 'x'), join(dir, 'x.json'));
		expect(fromOutline.code).toBe(2);
		expect(fromOutline.err).toMatch(
			/cannot read ".*outline\.txt" as a map; maps are read from: \.map\.json, \.json, \.aif\.json, \.argdown, \.yml, \.yaml \(or name the format with --from json, aif, argdown, carneades\)$/
		);
	});

	it('reads a Carneades graph (.yml) into a map that evaluate reads; a refused one is file:line sentences', async () => {
		const graph = file(
			'graph.yml',
			'statements:\n  p: P\n  q: Q\narguments:\n  a1: { conclusion: p, premises: [q] }\nassumptions: [q]\n'
		);
		const output = join(dir, 'graph.map.json');
		expect(await cli('convert', graph, output)).toEqual({
			code: 0,
			out: `${output}: written as Warrant map (JSON)`,
			err: ''
		});
		expect(JSON.parse((await cli('evaluate', output, '--json')).out).thesis).toMatchObject({
			id: 'p',
			status: 'holds'
		});
		const weighed = file(
			'weighed.yaml',
			'statements: { p: P }\narguments:\n  a1:\n    conclusion: p\n    weight: 0.5\n'
		);
		const r = await cli('convert', weighed, join(dir, 'weighed.map.json'));
		expect(r.code).toBe(1);
		expect(r.err).toMatch(
			/weighed\.yaml:5: arguments\.a1\.weight: "weight" sets how much an argument counts/
		);
	});

	it('reports a broken input as problems and writes nothing; an unwritable output is a sentence', async () => {
		const bad = file('bad-input.json', '{"format": 1');
		const output = join(dir, 'never.json');
		const r = await cli('convert', bad, output);
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/bad-input\.json:1: \(document\): invalid JSON/);
		expect(existsSync(output)).toBe(false);
		const nowhere = await cli('convert', MAP, join(dir, 'no-such-folder', 'out.json'));
		expect(nowhere).toMatchObject({ code: 1, out: '' });
		expect(nowhere.err).toMatch(/out\.json: cannot be written \(ENOENT\)$/);
	});
});

describe('warrant attach', () => {
	const OWN_MAP = 'tests/fixtures/branch-libraries.map.json';
	const OWN_TEXT = 'tests/fixtures/texts/branch-libraries.txt';
	const text = readFileSync(OWN_TEXT, 'utf8');
	/** A fresh copy of a map in a folder of its own, so leftovers can be seen. */
	function copyOf(map: string) {
		const sub = mkdtempSync(join(dir, 'attach-'));
		const p = join(sub, 'map.json');
		writeFileSync(p, readFileSync(map, 'utf8'));
		return { sub, p };
	}

	it('attaches a text in place, atomically, and says how many anchors it found', async () => {
		const { sub, p } = copyOf(OWN_MAP);
		const r = await cli('attach', p, OWN_TEXT);
		expect(r).toEqual({
			code: 0,
			out: `${p}: 14 of 14 anchors found\n  blocks 1–3 are not part of the argument (use --skip to change)`,
			err: ''
		});
		expect(readdirSync(sub)).toEqual(['map.json']);
		const after = loadMap(p);
		expect(after.text?.map((b) => b.text).join('\n\n')).toBe(text.trim());
		expect((await cli('validate', p)).out).toBe(
			`${p}: valid (14 statements, 12 links, 14 anchors found in its text)`
		);
	});

	it('writes to -o OUT and leaves the map as it was; --skip names the blocks outside the argument', async () => {
		const { p } = copyOf(OWN_MAP);
		const before = readFileSync(p, 'utf8');
		const output = join(dir, 'attached.map.json');
		const r = await cli('attach', p, OWN_TEXT, '-o', output, '--skip', '1-3,16');
		expect(r.out).toBe(
			`${output}: 14 of 14 anchors found\n  blocks 1–3 and 16 are not part of the argument (use --skip to change)`
		);
		expect(readFileSync(p, 'utf8')).toBe(before);
		expect(loadMap(output).text!.filter((b) => b.skip)).toHaveLength(4);
	});

	it('lists the anchors it cannot place with their score, and keeps them as they were', async () => {
		const { p } = copyOf(OWN_MAP);
		expect((await cli('attach', p, OWN_TEXT)).code).toBe(0);
		const revised = file(
			'revised.txt',
			text.replace(
				'Some will say that libraries are a relic',
				'Some will call libraries old-fashioned'
			)
		);
		const r = await cli('attach', p, revised);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/: 13 of 14 anchors found; 1 orphan\n/);
		expect(r.out).toMatch(
			/\n {2}orphan nodes\[10\]\.anchors\[0\] \(objection-phones\): “libraries are a relic”: (weak|not found), best score 0\.\d\d$/
		);
		// validate reports the orphan as a problem, at its place in the file.
		const v = await cli('validate', p);
		expect(v.code).toBe(1);
		expect(v.err).toMatch(
			/^.*map\.json:\d+: nodes\[10\]\.anchors\[0\]: the anchor “libraries are a relic” .*; select the passage again to re-anchor it$/
		);
		const line = Number(/map\.json:(\d+):/.exec(v.err)![1]);
		expect(readFileSync(p, 'utf8').split('\n')[line - 1]).toMatch(/^\s+\{$/);
	});

	it('refuses bad input with a sentence, writes nothing, and never shows a stack trace', async () => {
		const { sub, p } = copyOf(OWN_MAP);
		const before = readFileSync(p, 'utf8');
		const binary = join(dir, 'binary.txt');
		writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x00]));
		const cases: [string[], number, RegExp][] = [
			[[p, join(dir, 'missing.txt')], 1, /missing\.txt:1: no such file$/],
			[[p, binary], 1, /binary\.txt:1: this looks like a binary file, not text$/],
			[[p, file('empty.txt', '\n\n')], 1, /empty\.txt:1: the text is empty$/],
			[[p, file('page.html', '<p>x</p>')], 2, /is a web page; save it as text/],
			[[p, OWN_TEXT, '--skip', 'first'], 2, /--skip takes block numbers such as 1-4,22/],
			[[p, OWN_TEXT, '--skip', '1-3,40'], 1, /there is no block 40$/],
			[[p, OWN_TEXT, '--frobnicate'], 2, /unknown option "--frobnicate"/],
			[[p, OWN_TEXT, '-o'], 2, /-o needs a value/],
			[[p, OWN_TEXT, '-o', OWN_TEXT], 2, /is the text file; it is never overwritten/],
			[[join(dir, 'no-map.json'), OWN_TEXT], 1, /no-map\.json:1: \(document\): no such file$/],
			[
				[p, OWN_TEXT, '-o', join(dir, 'no-such-folder', 'x.json')],
				1,
				/x\.json: cannot be written \(ENOENT\)$/
			]
		];
		for (const [args, code, message] of cases) {
			const r = await cli('attach', ...args);
			expect(r.code, args.join(' ')).toBe(code);
			expect(r.err, args.join(' ')).toMatch(message);
			expect(r.err).not.toMatch(/\n\s+at /);
		}
		expect(readFileSync(p, 'utf8')).toBe(before);
		expect(readdirSync(sub)).toEqual(['map.json']);
	});

	it.skipIf(!articleExists)(
		'attaches the seed article to a copy of the Japan–Mongolia map: 82 of 82 anchors found',
		async () => {
			const { p } = copyOf(MAP);
			const r = await cli('attach', p, ARTICLE_PATH);
			expect(r.code).toBe(0);
			expect(r.out.split('\n')[0]).toBe(`${p}: 82 of 82 anchors found`);
			// The blocks before paragraph 1 are found from the quotes; the article's own split agrees.
			const skipped = articleBlocks(readFileSync(ARTICLE_PATH, 'utf8')).flatMap((b, i) =>
				b.skip ? [i + 1] : []
			);
			expect(skipped.slice(0, 4)).toEqual([1, 2, 3, 4]);
			const c = await cli('coverage', p);
			expect(c.out).toMatch(/\n17 of 19 paragraphs mapped; paragraphs 18 and 19 not mapped\n/);
			const again = await cli('attach', p, ARTICLE_PATH, '--skip', skipped.join(','));
			expect(again.out.split('\n')[0]).toBe(`${p}: 82 of 82 anchors found`);
			expect((await cli('coverage', p)).out).toMatch(/\n17 of 17 paragraphs mapped\n/);
			// The repository's own map never gains the article.
			expect(loadMap(MAP).text).toBeUndefined();
		}
	);
	if (!articleExists) it.skip(NO_ARTICLE, () => {});
});

describe('warrant coverage', () => {
	it('lists every block, mapped or not, and the summary', async () => {
		const sub = mkdtempSync(join(dir, 'coverage-'));
		const p = join(sub, 'map.json');
		writeFileSync(p, readFileSync('tests/fixtures/branch-libraries.map.json', 'utf8'));
		await cli('attach', p, 'tests/fixtures/texts/branch-libraries.txt');
		const r = await cli('coverage', p);
		expect(r.code).toBe(0);
		const lines = r.out.split('\n');
		expect(lines[0]).toMatch(/^block {3}1 {2}– {5}not part of the argument/);
		expect(lines[3]).toMatch(/^block {3}4 {2}¶1 {4}mapped \(1 anchor, 1 of 3 sentences\)/);
		expect(lines[5]).toMatch(/^block {3}6 {2}¶3 {4}not mapped/);
		expect(lines.at(-2)).toBe('8 of 13 paragraphs mapped; paragraphs 3, 9–11 and 13 not mapped');
		expect(lines.at(-1)).toMatch(/^\d+ of \d+ sentences mapped$/);
		expect((await cli('coverage', p, '--written')).out).toMatch(/\n8 of 13 paragraphs mapped/);
	});

	it('says what to do with a map that carries no text', async () => {
		expect(await cli('coverage', MAP)).toEqual({
			code: 1,
			out: '',
			err: `${MAP}: carries no source text; attach one first: warrant attach ${MAP} TEXT`
		});
	});
});
