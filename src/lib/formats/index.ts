/**
 * The formats Warrant reads and writes, in one table, so that the CLI and an import endpoint
 * pick one by name or by file name instead of branching on each.
 */
import type { ParseResult } from '../model/parse';
import type { ArgumentMap } from '../model/schema';
import * as aif from './aif';
import * as argdown from './argdown';
import * as carneades from './carneades';
import * as json from './json';
import * as outline from './outline';

export interface Format {
	/** The short name a person types: `--to outline`, `?format=json`. */
	id: string;
	/** What the format is called in a sentence or a menu. */
	name: string;
	/** File name endings, with the dot, in lower case: ".map.json". */
	extensions: readonly string[];
	/**
	 * Text → map, or problems; never throws (nor rejects). A promise where the reader is loaded on
	 * first use (Argdown's parser). Absent where the format cannot be read back.
	 */
	parse?: (text: string) => ParseResult | Promise<ParseResult>;
	/** Map → text. Absent where the format can only be read. */
	print?: (map: ArgumentMap) => string;
}

export const FORMATS: readonly Format[] = [
	{
		id: 'json',
		name: 'Warrant map (JSON)',
		extensions: ['.map.json', '.json'],
		parse: json.parse,
		print: json.print
	},
	{
		id: 'aif',
		name: 'AIF (Argument Interchange Format) JSON',
		extensions: ['.aif.json'],
		parse: aif.parse,
		print: aif.print
	},
	{
		id: 'argdown',
		name: 'Argdown',
		extensions: ['.argdown'],
		parse: argdown.parse,
		print: argdown.print
	},
	{ id: 'outline', name: 'Text outline', extensions: ['.txt'], print: outline.print },
	{
		id: 'carneades',
		name: 'Carneades argument graph (YAML)',
		extensions: ['.yml', '.yaml'],
		parse: carneades.parse
	}
];

/** The format with this id ("json", "outline"), or undefined. */
export function formatById(id: string): Format | undefined {
	return FORMATS.find((f) => f.id === id);
}

/**
 * The format a file name says, by its longest matching ending, ignoring case; undefined when
 * no format claims it. Example: `formatOfFile('out/map.TXT')?.id` is "outline".
 */
export function formatOfFile(fileName: string): Format | undefined {
	const name = fileName.toLowerCase();
	let best: { format: Format; length: number } | undefined;
	for (const format of FORMATS)
		for (const ext of format.extensions)
			if (name.endsWith(ext) && ext.length > (best?.length ?? 0))
				best = { format, length: ext.length };
	return best?.format;
}

/**
 * The format to read a file in: by its name, and for a plain `.json` (shared by Warrant maps and
 * AIF as AIFdb and OVA save it) by its content: an object with "nodes" and "edges" lists (or
 * OVA's "AIF" holding them) and no `"format": "warrant-map"` is AIF; anything else, broken JSON
 * included, is read as a Warrant map so its problems are a map file's.
 */
export function formatOfInput(fileName: string, text: string): Format | undefined {
	const byName = formatOfFile(fileName);
	if (byName?.id !== 'json' || fileName.toLowerCase().endsWith('.map.json')) return byName;
	return formatOfContent(text) ?? byName;
}

/**
 * The format of a text that comes without a name (standard input): JSON by its content as
 * below; a YAML document whose top level has Carneades' `statements:` or `arguments:` is a
 * Carneades graph; any other text is read as Argdown (which refuses plain prose in words).
 */
export function guessFormat(text: string): Format | undefined {
	// A text that starts like JSON is JSON when it parses (`[T]: …` starts Argdown, too).
	if (/^\s*\{/.test(text) || (/^\s*\[/.test(text) && parsesAsJson(text)))
		return formatOfContent(text);
	if (/^(statements|arguments|assumptions|issues):/m.test(text)) return formatById('carneades');
	return formatById('argdown');
}

function parsesAsJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

/** AIF or a Warrant map, told apart by a JSON document's content; undefined when it is neither. */
export function formatOfContent(text: string): Format | undefined {
	let doc: unknown;
	try {
		doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch {
		return undefined;
	}
	const warrant = typeof doc === 'object' && doc !== null && 'format' in doc;
	if (!warrant && aif.looksLikeAif(doc)) return formatById('aif');
	return warrant ? formatById('json') : undefined;
}
