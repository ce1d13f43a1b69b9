/**
 * The `warrant` command: the same model and formats as the app, for the shell and for CI.
 *   npm run warrant -- validate <file>...   exit 0 when valid, 1 with `file:line: path: reason` lines
 *   npm run warrant -- outline <file>       the map as an indented text outline
 *   npm run warrant -- convert <in> <out>   write the map in the format its name says
 * Whatever the input, it prints sentences, never a stack trace. Exit codes: 0 done, 1 a map or
 * a file has problems, 2 the command line is wrong, 3 an internal error.
 *
 * Each subcommand is one entry in SUBCOMMANDS; the usage text and `help` are made from them.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
	MAX_MAP_BYTES,
	formatProblem,
	parseMap,
	tooLargeProblem,
	type ArgumentMap,
	type ParseResult,
	type Problem
} from '../lib/model';
import { evaluate, findings } from '../lib/model/evaluate';
import { FORMATS, formatOfFile } from '../lib/formats';
import { print as outlineText } from '../lib/formats/outline';
import { writeAtomic } from '../lib/server/store';

type Loaded = { ok: true; map: ArgumentMap } | { ok: false; problems: Problem[] };

/**
 * Read and parse one file, by default as a Warrant map. Never throws: a missing, unreadable or
 * oversized file is a problem like any other.
 */
export async function load(
	file: string,
	parse: (text: string) => ParseResult = parseMap
): Promise<Loaded> {
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
		return parse(text);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return fail('no such file');
		if (code === 'EACCES') return fail('permission denied');
		return fail(`cannot be read (${code ?? 'unknown error'})`);
	}
}

interface Io {
	out: (s: string) => void;
	err: (s: string) => void;
}

/** One subcommand: what `help` says about it, how many arguments it takes, and what it does. */
interface Subcommand {
	name: string;
	/** Other names that run it: "--help". */
	aliases?: readonly string[];
	/** The arguments as the usage shows them: "<file>...". */
	args: string;
	/** For the usage text; each line is indented under the first. */
	summary: readonly string[];
	/** How many arguments it takes, and what to say when the count is wrong. */
	arity: { min: number; max: number; says: string };
	/** The exit code. */
	run: (args: string[], io: Io) => Promise<number>;
}

/** Load one map; on problems, print them as `file:line: path: reason` and give undefined. */
async function loadOrReport(
	file: string,
	err: Io['err'],
	parse?: (text: string) => ParseResult
): Promise<ArgumentMap | undefined> {
	const r = await load(file, parse);
	if (r.ok) return r.map;
	for (const p of r.problems) err(formatProblem(file, p));
	return undefined;
}

/** A subcommand that reads one map and prints what `show` makes of it. */
function readOne(
	name: string,
	summary: readonly string[],
	show: (map: ArgumentMap, file: string) => string
): Subcommand {
	return {
		name,
		args: '<file>',
		summary,
		arity: { min: 1, max: 1, says: 'name exactly one map file' },
		async run([file], { out, err }) {
			const map = await loadOrReport(file!, err);
			if (!map) return 1;
			out(show(map, file!));
			return 0;
		}
	};
}

/** Every statement's and link's status with its reason, and the map's findings, as JSON. */
function evaluation(map: ArgumentMap, file: string): string {
	const e = evaluate(map);
	const thesis = map.nodes.find((n) => n.kind === 'thesis')!;
	const nodes = Object.fromEntries(map.nodes.map((n) => [n.id, e.nodes.get(n.id)!]));
	const links = Object.fromEntries(map.links.map((l) => [l.id, e.links.get(l.id)!]));
	return JSON.stringify(
		{
			file,
			thesis: { id: thesis.id, ...e.nodes.get(thesis.id)! },
			nodes,
			links,
			findings: findings(map)
		},
		null,
		2
	);
}

const SUBCOMMANDS: readonly Subcommand[] = [
	{
		name: 'validate',
		args: '<file>...',
		summary: ['check map files; prints each problem as file:line: JSON path: reason'],
		arity: { min: 1, max: Infinity, says: 'name at least one map file' },
		async run(files, { out, err }) {
			let failed = false;
			for (const file of files) {
				const map = await loadOrReport(file, err);
				if (map) out(`${file}: valid (${map.nodes.length} statements, ${map.links.length} links)`);
				else failed = true;
			}
			return failed ? 1 : 0;
		}
	},
	readOne(
		'outline',
		['print the map as an indented outline', '(+ supports, - attacks, ~ undercuts, & co-premise)'],
		(map) => outlineText(map).trimEnd()
	),
	readOne(
		'evaluate',
		[
			"print every statement's status (holds, defeated, open) and the",
			'reason for it as JSON (docs/evaluation.md)'
		],
		evaluation
	),
	{
		name: 'convert',
		args: '<in> <out>',
		summary: [
			'write the map in the format the output name ends in',
			`(${FORMATS.filter((f) => f.print)
				.map((f) => `${f.extensions.join(' ')}: ${f.name}`)
				.join('; ')})`
		],
		arity: { min: 2, max: 2, says: 'name the map file to read and the file to write' },
		run: convert
	},
	{
		name: 'help',
		aliases: ['--help', '-h'],
		args: '',
		summary: ['this text'],
		arity: { min: 0, max: Infinity, says: '' },
		async run(_args, { out }) {
			out(usage());
			return 0;
		}
	}
];

/** `convert IN OUT`: each file's format from its name; OUT is replaced atomically, IN never. */
async function convert([input, output]: string[], { out, err }: Io): Promise<number> {
	const from = formatOfFile(input!);
	const to = formatOfFile(output!);
	if (!from?.parse) {
		err(
			`warrant convert: cannot read "${input}" as a map; maps are read from: ${endings('parse')}`
		);
		return 2;
	}
	if (!to?.print) {
		err(
			`warrant convert: cannot tell what to write from the name "${output}"; use ${endings('print')}`
		);
		return 2;
	}
	if (await sameFile(input!, output!)) {
		err(`warrant convert: "${output}" is the input file; it is never overwritten`);
		return 2;
	}
	const map = await loadOrReport(input!, err, from.parse);
	if (!map) return 1;
	try {
		await writeAtomic(output!, to.print(map));
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		err(`${output}: cannot be written (${code ?? 'unknown error'})`);
		return 1;
	}
	out(`${output}: written as ${to.name}`);
	return 0;
}

/** The file endings of the formats that can read (parse) or write (print) a map. */
function endings(can: 'parse' | 'print'): string {
	return FORMATS.filter((f) => f[can])
		.flatMap((f) => f.extensions)
		.join(', ');
}

/** The same path, or two names of one file (a link): comparing the files, not the names. */
async function sameFile(a: string, b: string): Promise<boolean> {
	if (resolve(a) === resolve(b)) return true;
	const [x, y] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
	return !!x && !!y && x.dev === y.dev && x.ino === y.ino;
}

/** The usage text, one entry per subcommand, summaries in a column. */
function usage(): string {
	const lines = SUBCOMMANDS.map((c) => (c.args ? `${c.name} ${c.args}` : c.name));
	// At least 18: the column the summaries have always started in, so the text reads as before.
	const width = Math.max(18, ...lines.map((l) => l.length));
	const indent = ' '.repeat(width + 4);
	const commands = SUBCOMMANDS.map(
		(c, i) => `  ${lines[i]!.padEnd(width)}  ${c.summary.join(`\n${indent}`)}`
	);
	return ['usage: warrant <command> <file>', '', 'commands:', ...commands].join('\n');
}

/** Run the CLI with `args` (without the program name); resolves to the exit code. */
export async function run(
	args: string[],
	out: (s: string) => void,
	err: (s: string) => void
): Promise<number> {
	const [name, ...rest] = args;
	if (!name) {
		err(usage());
		return 2;
	}
	const command = SUBCOMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
	if (!command) {
		err(`warrant: unknown command "${name}"\n\n${usage()}`);
		return 2;
	}
	if (rest.length < command.arity.min || rest.length > command.arity.max) {
		err(`warrant ${command.name}: ${command.arity.says}\n\n${usage()}`);
		return 2;
	}
	return command.run(rest, { out, err });
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
