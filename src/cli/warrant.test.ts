import { execFileSync, spawnSync } from 'node:child_process';
import {
	mkdtempSync,
	readFileSync,
	writeFileSync,
	openSync,
	ftruncateSync,
	closeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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
		expect(r.out).toMatch(/valid \(73 statements, 80 links\)/);
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
		const r = await cli('evaluate', MAP);
		expect(r.code).toBe(0);
		const json = JSON.parse(r.out);
		expect(json.thesis).toMatchObject({ id: 'thesis', status: 'holds' });
		expect(Object.keys(json.nodes)).toHaveLength(73);
		for (const e of Object.values(json.nodes) as { status: string; reason: string }[]) {
			expect(['holds', 'defeated', 'open']).toContain(e.status);
			expect(e.reason.length).toBeGreaterThan(5);
		}
		expect(json.findings.unsupported).toContain('thesis-economic-disguise');
	});

	it('evaluates a reader’s verdicts: rejecting Motive 3’s evidence defeats it', async () => {
		const doc = JSON.parse(readFileSync(MAP, 'utf8'));
		for (const l of doc.links.filter((x: { to: string }) => x.to === 'motive-3')) {
			doc.nodes.find((n: { id: string }) => n.id === l.from).verdict = 'rejected';
		}
		const r = await cli('evaluate', file('verdicts.json', JSON.stringify(doc)));
		const json = JSON.parse(r.out);
		expect(json.nodes['motive-3']).toMatchObject({
			status: 'defeated',
			reason: expect.stringMatching(/none of its reasons stands/)
		});
		expect(json.thesis.status).toBe('holds');
	});
});
