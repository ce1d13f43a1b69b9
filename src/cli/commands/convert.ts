/**
 * `warrant convert IN OUT [--from ID] [--to ID]`: read a map in one format, write it in another.
 * Formats come from the file names (a plain `.json` by its content: AIF or a Warrant map), or
 * from `--from`/`--to`; `-` reads standard input or writes standard output (Warrant JSON unless
 * `--to` says otherwise). OUT is replaced atomically, IN never. Exit codes: 0 written, 1 the
 * input has problems or the output cannot be written, 2 the command line is wrong.
 */
import { formatProblem } from '../../lib/model';
import { FORMATS, formatById, guessFormat, formatOfFile, formatOfInput } from '../../lib/formats';
import { writeAtomic } from '../../lib/server/store';
import { options, readText, sameFile, type Io } from '../io';

const STDIO = '-';
/** What a person types for the stdin/stdout name in messages. */
const STDIN_NAME = '<stdin>';

/** The file endings of the formats that can read (parse) or write (print) a map. */
export function endings(can: 'parse' | 'print'): string {
	return FORMATS.filter((f) => f[can])
		.flatMap((f) => f.extensions)
		.join(', ');
}

/** The ids of the formats that can read or write, for `--from`/`--to`. */
function ids(can: 'parse' | 'print'): string {
	return FORMATS.filter((f) => f[can])
		.map((f) => f.id)
		.join(', ');
}

export const CONVERT_SUMMARY = [
	'write the map in the format the output name ends in (or --from/--to ID);',
	'- reads stdin or writes stdout; a .json is read as AIF or a map by its content:',
	...FORMATS.map(
		(f) =>
			`  ${`${f.id} (${f.extensions.join(' ')})`.padEnd(28)} ${f.name}${f.parse ? (f.print ? '' : ', read only') : ', written only'}`
	)
];

export async function convert(args: string[], io: Io): Promise<number> {
	const { out, err } = io;
	const usageError = (message: string) => {
		err(`warrant convert: ${message}`);
		return 2;
	};
	const o = options(args, { flags: [], values: ['--from', '--to'] });
	if ('error' in o) return usageError(o.error);
	if (o.files.length !== 2) return usageError('name the map file to read and the file to write');
	const [input, output] = o.files as [string, string];
	const fromId = o.values.get('--from');
	const toId = o.values.get('--to');
	const named = (id: string | undefined, can: 'parse' | 'print') => {
		const f = id === undefined ? undefined : formatById(id);
		return f?.[can] ? f : undefined;
	};
	if (fromId !== undefined && !named(fromId, 'parse'))
		return usageError(`--from ${fromId}: no such format to read; use one of ${ids('parse')}`);
	if (toId !== undefined && !named(toId, 'print'))
		return usageError(`--to ${toId}: no such format to write; use one of ${ids('print')}`);

	const to = named(toId, 'print') ?? (output === STDIO ? formatById('json') : formatOfFile(output));
	if (!to?.print)
		return usageError(
			`cannot tell what to write from the name "${output}"; use ${endings('print')}, or --to ${ids('print')}`
		);
	if (fromId === undefined && input !== STDIO && !formatOfFile(input)?.parse)
		return usageError(
			`cannot read "${input}" as a map; maps are read from: ${endings('parse')} (or name the format with --from ${ids('parse')})`
		);
	if (input !== STDIO && output !== STDIO && (await sameFile(input, output)))
		return usageError(`"${output}" is the input file; it is never overwritten`);

	const inName = input === STDIO ? STDIN_NAME : input;
	let text: string;
	if (input === STDIO) {
		if (!io.stdin) return usageError('standard input cannot be read here');
		text = await io.stdin();
	} else {
		const read = await readText(input, 'map');
		if (!read.ok) {
			for (const p of read.problems) err(formatProblem(inName, p));
			return 1;
		}
		text = read.text;
	}
	const from =
		named(fromId, 'parse') ?? (input === STDIO ? guessFormat(text) : formatOfInput(input, text));
	if (!from?.parse)
		return usageError(
			`cannot tell the format of standard input; name it with --from ${ids('parse')}`
		);

	const r = await from.parse(text);
	if (!r.ok) {
		for (const p of r.problems) err(formatProblem(inName, p));
		return 1;
	}
	for (const p of r.notes ?? []) err(`${formatProblem(inName, p)} (note)`);
	const written = to.print(r.map);
	if (output === STDIO) {
		(io.write ?? ((s: string) => out(s.replace(/\n$/, ''))))(written);
		return 0;
	}
	try {
		await writeAtomic(output, written);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		err(`${output}: cannot be written (${code ?? 'unknown error'})`);
		return 1;
	}
	out(`${output}: written as ${to.name}`);
	return 0;
}
