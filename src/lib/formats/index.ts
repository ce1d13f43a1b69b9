/**
 * The formats Warrant reads and writes, in one table, so that the CLI and an import endpoint
 * pick one by name or by file name instead of branching on each.
 */
import type { ParseResult } from '../model/parse';
import type { ArgumentMap } from '../model/schema';
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
	/** Text → map, or problems; never throws. Absent where the format cannot be read back. */
	parse?: (text: string) => ParseResult;
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
