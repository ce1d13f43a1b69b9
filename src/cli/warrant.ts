/**
 * The `warrant` command: the same model and formats as the app, for the shell and for CI.
 *   npm run warrant -- validate <file>...   exit 0 when valid, 1 with `file:line: path: reason` lines
 *   npm run warrant -- outline <file>       the map as an indented text outline
 *   npm run warrant -- summary <file>       a critical summary in Markdown prose
 *   npm run warrant -- convert <in> <out>   write the map in the format its name says (or --from/--to;
 *                                           - for stdin/stdout)
 *   npm run warrant -- attach <map> <text>  attach a source text, re-resolve every anchor
 *   npm run warrant -- coverage <map>       what of the map's text its anchors cover
 * Whatever the input, it prints sentences, never a stack trace. Exit codes: 0 done, 1 a map or
 * a file has problems, 2 the command line is wrong, 3 an internal error.
 *
 * Each subcommand is one entry in SUBCOMMANDS; the usage text and `help` are made from them.
 */
import { formatProblem, withLines, type ArgumentMap } from '../lib/model';
import { orphanProblems } from '../lib/source/attach';
import { placeAnchors } from '../lib/source/coverage';
import { STATUSES, STATUS_WORDS, evaluate, findings } from '../lib/model/evaluate';
import { displayName } from '../lib/model/queries';
import { convert, CONVERT_SUMMARY } from './commands/convert';
import { attach, coverageOf } from './commands/source';
import { loadOrReport, options, readText, type Io } from './io';
import { print as outlineText } from '../lib/formats/outline';
import { print as summaryText } from '../lib/formats/summary';

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

/**
 * The statuses for a person: the thesis first, then every statement grouped by status, each
 * with its reason, and the count of each status.
 */
function evaluationText(map: ArgumentMap, file: string): string {
	const e = evaluate(map);
	const index = new Map(map.nodes.map((n) => [n.id, n]));
	const name = (id: string) => displayName(index.get(id), id, 48);
	const thesis = map.nodes.find((n) => n.kind === 'thesis')!;
	const t = e.nodes.get(thesis.id)!;
	const lines = [
		`${file}: the thesis ${STATUS_WORDS[t.status] === 'holds' ? 'holds' : `is ${STATUS_WORDS[t.status]}`}: ${t.reason}`
	];
	const counts: string[] = [];
	for (const status of STATUSES) {
		const ids = map.nodes.filter((n) => e.nodes.get(n.id)!.status === status).map((n) => n.id);
		counts.push(`${ids.length} ${STATUS_WORDS[status]}`);
		if (!ids.length) continue;
		lines.push('', `${STATUS_WORDS[status]} (${ids.length})`);
		for (const id of ids) lines.push(`  ${id} · ${name(id)}: ${e.nodes.get(id)!.reason}`);
	}
	lines.push('', `${map.nodes.length} statements: ${counts.join(', ')}`);
	return lines.join('\n');
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
				if (!map) {
					failed = true;
					continue;
				}
				// A map that carries its text: every anchor must be found in it.
				const orphans = orphanProblems(map);
				if (orphans.length) {
					const read = await readText(file, 'map');
					const placed = read.ok ? withLines(read.text, orphans) : orphans;
					for (const p of placed) err(formatProblem(file, p));
					failed = true;
					continue;
				}
				const anchors = map.text ? `, ${placeAnchors(map)!.total} anchors found in its text` : '';
				out(`${file}: valid (${map.nodes.length} statements, ${map.links.length} links${anchors})`);
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
		'summary',
		[
			'a critical summary to write from, in Markdown prose: the thesis, its reasons',
			'and evidence, stated and inferred, the objections and how they fare'
		],
		(map) => summaryText(map).trimEnd()
	),
	{
		name: 'evaluate',
		args: '<file>',
		summary: [
			"every statement's status (holds, not established, defeated, open) and",
			'the reason for it, by status (docs/evaluation.md); --json for JSON'
		],
		arity: { min: 1, max: 2, says: 'name exactly one map file' },
		async run(args, { out, err }) {
			const o = options(args, { flags: ['--json'], values: [] });
			if ('error' in o || o.files.length !== 1) {
				err(
					`warrant evaluate: ${'error' in o ? o.error : 'name exactly one map file'}\n\n${usage()}`
				);
				return 2;
			}
			const file = o.files[0]!;
			const map = await loadOrReport(file, err);
			if (!map) return 1;
			out(o.flags.has('--json') ? evaluation(map, file) : evaluationText(map, file));
			return 0;
		}
	},
	{
		name: 'convert',
		args: '<in> <out>',
		summary: CONVERT_SUMMARY,
		arity: { min: 2, max: 6, says: 'name the map file to read and the file to write' },
		run: convert
	},
	{
		name: 'attach',
		args: '<map> <txt>',
		summary: [
			'attach a source text (.txt, .md) to the map and find every anchor in it;',
			'writes the map in place, or to -o <out>; --skip 1-4,22 marks blocks',
			'(numbered as coverage lists them) as not part of the argument'
		],
		arity: { min: 2, max: 7, says: 'name the map file and the text file to attach' },
		run: (args, io) => attach(args, io, usage)
	},
	{
		name: 'coverage',
		args: '<map>',
		summary: [
			"what of the map's text its anchors cover, paragraph by paragraph;",
			'--written counts the source layer alone'
		],
		arity: { min: 1, max: 2, says: 'name one map file that carries its text' },
		run: (args, io) => coverageOf(args, io, usage)
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
	err: (s: string) => void,
	stdio: Pick<Io, 'write' | 'stdin'> = {}
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
	return command.run(rest, { out, err, ...stdio });
}

// Run only when executed as the CLI, not when imported by tests.
if (process.argv[1] && /warrant\.(ts|js)$/.test(process.argv[1])) {
	run(process.argv.slice(2), console.log, console.error, {
		write: (s) => process.stdout.write(s),
		stdin: async () => {
			const chunks: Buffer[] = [];
			for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
			return Buffer.concat(chunks).toString('utf8');
		}
	})
		.then((code) => process.exit(code))
		.catch((e: unknown) => {
			console.error(`warrant: internal error: ${e instanceof Error ? e.message : String(e)}`);
			process.exit(3);
		});
}
