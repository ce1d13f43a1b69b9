/**
 * The `warrant` command: the same model and formats as the app, for the shell and for CI.
 *   npm run warrant -- validate <file>...   exit 0 when valid, 1 with `file:line: path: reason` lines
 *   npm run warrant -- outline <file>       the map as an indented text outline
 * Whatever the input, it prints sentences, never a stack trace.
 */
import { readFile, stat } from 'node:fs/promises';
import {
	MAX_MAP_BYTES,
	formatProblem,
	parseMap,
	tooLargeProblem,
	type ArgumentMap,
	type Problem
} from '../lib/model';
import { print as outlineText } from '../lib/formats/outline';
import { evaluate, findings } from '../lib/model/evaluate';

const USAGE = `usage: warrant <command> <file>

commands:
  validate <file>...  check map files; prints each problem as file:line: JSON path: reason
  outline <file>      print the map as an indented outline
                      (+ supports, - attacks, ~ undercuts, & co-premise)
  evaluate <file>     print every statement's status (holds, defeated, open) and the
                      reason for it as JSON (docs/evaluation.md)
  help                this text`;

type Loaded = { ok: true; map: ArgumentMap } | { ok: false; problems: Problem[] };

export async function load(file: string): Promise<Loaded> {
	const fail = (message: string): Loaded => ({
		ok: false,
		problems: [{ code: 'io', path: [], line: 1, message }]
	});
	try {
		const info = await stat(file);
		if (info.isDirectory()) return fail('is a folder, not a map file');
		if (info.size > MAX_MAP_BYTES) return { ok: false, problems: [tooLargeProblem(info.size)] };
		const bytes = await readFile(file);
		const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
		if (text.includes('\uFFFD') && !bytes.toString('utf8').includes('\uFFFD'))
			return fail('is not UTF-8 text');
		return parseMap(text);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return fail('no such file');
		if (code === 'EACCES') return fail('permission denied');
		return fail(`cannot be read (${code ?? 'unknown error'})`);
	}
}

export async function run(
	args: string[],
	out: (s: string) => void,
	err: (s: string) => void
): Promise<number> {
	const [command, ...files] = args;
	if (!command || command === 'help' || command === '--help' || command === '-h') {
		(command ? out : err)(USAGE);
		return command ? 0 : 2;
	}
	if (command === 'validate') {
		if (files.length === 0) {
			err('warrant validate: name at least one map file\n\n' + USAGE);
			return 2;
		}
		let failed = false;
		for (const file of files) {
			const r = await load(file);
			if (r.ok)
				out(`${file}: valid (${r.map.nodes.length} statements, ${r.map.links.length} links)`);
			else {
				failed = true;
				for (const p of r.problems) err(formatProblem(file, p));
			}
		}
		return failed ? 1 : 0;
	}
	if (command === 'outline') {
		if (files.length !== 1) {
			err('warrant outline: name exactly one map file\n\n' + USAGE);
			return 2;
		}
		const r = await load(files[0]!);
		if (!r.ok) {
			for (const p of r.problems) err(formatProblem(files[0]!, p));
			return 1;
		}
		out(outlineText(r.map).trimEnd());
		return 0;
	}
	if (command === 'evaluate') {
		if (files.length !== 1) {
			err('warrant evaluate: name exactly one map file\n\n' + USAGE);
			return 2;
		}
		const r = await load(files[0]!);
		if (!r.ok) {
			for (const p of r.problems) err(formatProblem(files[0]!, p));
			return 1;
		}
		const e = evaluate(r.map);
		const thesis = r.map.nodes.find((n) => n.kind === 'thesis')!;
		const nodes = Object.fromEntries(r.map.nodes.map((n) => [n.id, e.nodes.get(n.id)!]));
		const links = Object.fromEntries(r.map.links.map((l) => [l.id, e.links.get(l.id)!]));
		out(
			JSON.stringify(
				{
					file: files[0],
					thesis: { id: thesis.id, ...e.nodes.get(thesis.id)! },
					nodes,
					links,
					findings: findings(r.map)
				},
				null,
				2
			)
		);
		return 0;
	}
	err(`warrant: unknown command "${command}"\n\n${USAGE}`);
	return 2;
}

// Run only when executed as the CLI, not when imported by tests.
if (process.argv[1] && /warrant\.(ts|js)$/.test(process.argv[1])) {
	run(process.argv.slice(2), console.log, console.error)
		.then((code) => process.exit(code))
		.catch((e: unknown) => {
			console.error(`warrant: internal error: ${e instanceof Error ? e.message : String(e)}`);
			process.exit(3);
		});
}
