/**
 * What the subcommands share for files and the command line: reading a file's text (never
 * throwing), telling two names of one file apart, and options after the files.
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

export interface Io {
	/** A line to standard output. */
	out: (s: string) => void;
	/** A line to standard error. */
	err: (s: string) => void;
	/** Text to standard output as it is (no newline added). */
	write?: (s: string) => void;
	/** All of standard input. */
	stdin?: () => Promise<string>;
}

export type Read = { ok: true; text: string } | { ok: false; problems: Problem[] };

/**
 * A file's text, at most MAX_MAP_BYTES, as UTF-8. Never throws: a missing, unreadable,
 * oversized or binary file is a problem like any other.
 */
export async function readText(file: string, what: 'map' | 'text'): Promise<Read> {
	const fail = (message: string): Read => ({
		ok: false,
		problems: [{ code: 'io', path: [], line: 1, message }]
	});
	try {
		const info = await stat(file);
		if (info.isDirectory()) return fail(`is a folder, not a ${what} file`);
		if (info.size > MAX_MAP_BYTES) {
			if (what === 'map') return { ok: false, problems: [tooLargeProblem(info.size)] };
			return fail(
				`the file is ${(info.size / 1048576).toFixed(1)} MB; a text may be at most ${MAX_MAP_BYTES / 1048576} MB`
			);
		}
		const bytes = await readFile(file);
		const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
		if (text.includes('\uFFFD') && !bytes.toString('utf8').includes('\uFFFD'))
			return fail('is not UTF-8 text');
		return { ok: true, text };
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return fail('no such file');
		if (code === 'EACCES') return fail('permission denied');
		return fail(`cannot be read (${code ?? 'unknown error'})`);
	}
}

/** The same path, or two names of one file (a link): comparing the files, not the names. */
export async function sameFile(a: string, b: string): Promise<boolean> {
	if (resolve(a) === resolve(b)) return true;
	const [x, y] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
	return !!x && !!y && x.dev === y.dev && x.ino === y.ino;
}

/** Options after the files: flags, and options that take a value. */
export function options(
	args: string[],
	known: { flags: string[]; values: string[] }
): { files: string[]; flags: Set<string>; values: Map<string, string> } | { error: string } {
	const files: string[] = [];
	const flags = new Set<string>();
	const values = new Map<string, string>();
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (known.values.includes(a)) {
			const v = args[++i];
			if (v === undefined || v.startsWith('-')) return { error: `${a} needs a value` };
			values.set(a, v);
		} else if (known.flags.includes(a)) flags.add(a);
		else if (a.startsWith('-') && a.length > 1) return { error: `unknown option "${a}"` };
		else files.push(a);
	}
	return { files, flags, values };
}

type Loaded = { ok: true; map: ArgumentMap } | { ok: false; problems: Problem[] };

/**
 * Read and parse one file, by default as a Warrant map. Never throws: a missing, unreadable or
 * oversized file is a problem like any other.
 */
export async function load(
	file: string,
	parse: (text: string) => ParseResult | Promise<ParseResult> = parseMap
): Promise<Loaded> {
	const r = await readText(file, 'map');
	return r.ok ? parse(r.text) : r;
}

/** Load one map; on problems, print them as `file:line: path: reason` and give undefined. */
export async function loadOrReport(
	file: string,
	err: Io['err'],
	parse?: (text: string) => ParseResult | Promise<ParseResult>
): Promise<ArgumentMap | undefined> {
	const r = await load(file, parse);
	if (r.ok) return r.map;
	for (const p of r.problems) err(formatProblem(file, p));
	return undefined;
}
