/**
 * text → ArgumentMap, or a list of problems with places. Never throws: whatever the input
 * (empty, truncated, hostile, huge), the caller gets values it can show to a person.
 */
import {
	findNodeAtLocation,
	parseTree,
	printParseErrorCode,
	type Node,
	type ParseError
} from 'jsonc-parser';
import { migrate } from './migrate';
import { lastAtOrBefore } from './sorted';
import { checkIntegrity } from './integrity';
import { FORMAT, mapSchema, type ArgumentMap } from './schema';
import type { Problem } from './problems';
import { serializeMap } from './serialize';
import type { KnownParts } from './known-parts';

/** Maps are a few hundred kilobytes; a file over this is refused before it is parsed. */
export const MAX_MAP_BYTES = 5 * 1024 * 1024;
/**
 * The problem for a map file of `bytes` bytes, over MAX_MAP_BYTES. One wording wherever the size
 * is checked (parsing text, or a file's size before it is read):
 * "the file is 50.0 MB; a map may be at most 5 MB".
 */
/** The size limit in words: "a map may be at most 5 MB". */
export const MAP_SIZE_RULE = `a map may be at most ${MAX_MAP_BYTES / 1048576} MB`;

export function tooLargeProblem(bytes: number): Problem {
	return {
		code: 'too-large',
		path: [],
		line: 1,
		message: `the file is ${(bytes / 1048576).toFixed(1)} MB; ${MAP_SIZE_RULE}`
	};
}

/** A broken file can produce thousands of problems; a person reads the first ones. */
const MAX_PROBLEMS = 100;

/**
 * `notes` are what an import from another format left out or changed (a node type a map has no
 * counterpart for, an edge that points nowhere): the map is good, but the person should know.
 */
export type ParseResult =
	| { ok: true; map: ArgumentMap; migratedFrom?: number; notes?: Problem[] }
	| { ok: false; problems: Problem[] };

/** Offsets where lines start: after \n, after \r\n, and after a lone \r (old Mac files). */
function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
	}
	return starts;
}

/** JSON.parse keeps the last of two equal keys without a word; a map file must not rely on that. */
function duplicateKeys(tree: Node, starts: number[]): Problem[] {
	const problems: Problem[] = [];
	const stack: { node: Node; path: (string | number)[] }[] = [{ node: tree, path: [] }];
	while (stack.length && problems.length < 20) {
		const { node, path } = stack.pop()!;
		if (node.type === 'object') {
			const seen = new Set<string>();
			for (const prop of node.children ?? []) {
				const key = prop.children?.[0]?.value as string;
				if (seen.has(key)) {
					problems.push({
						code: 'schema',
						path: [...path, key],
						line: lineAt(starts, prop.offset),
						message: `the field "${key}" appears twice in the same object`
					});
				}
				seen.add(key);
				const value = prop.children?.[1];
				if (value) stack.push({ node: value, path: [...path, key] });
			}
		} else if (node.type === 'array') {
			(node.children ?? []).forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
		}
	}
	return problems;
}

function lineAt(starts: number[], offset: number): number {
	return lastAtOrBefore(starts, offset) + 1;
}

/** The line of the deepest part of `path` that exists in the tree. */
function lineOfPath(
	tree: Node | undefined,
	starts: number[],
	path: (string | number)[]
): number | undefined {
	if (!tree) return undefined;
	for (let n = path.length; n >= 0; n--) {
		const node = findNodeAtLocation(tree, path.slice(0, n));
		if (node) {
			// For an object member, point at its key rather than its value's first character.
			const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
			return lineAt(starts, at);
		}
	}
	return undefined;
}

/**
 * Give problems found after parsing (by a check outside the model, such as anchors that do not
 * fit the map's text) the lines of their places in the file's text.
 */
export function withLines(text: string, problems: readonly Problem[]): Problem[] {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	let tree: Node | undefined;
	try {
		tree = parseTree(body);
	} catch {
		return [...problems];
	}
	const starts = lineStarts(body);
	return problems.map((p) => ({ ...p, line: p.line ?? lineOfPath(tree, starts, p.path) }));
}

function byteLength(text: string): number {
	if (text.length * 3 < MAX_MAP_BYTES) return text.length; // cannot exceed, skip the encode
	return new TextEncoder().encode(text).length;
}

/** The value at a JSON path in a parsed document, or undefined. */
function valueAt(doc: unknown, path: (string | number)[]): unknown {
	let v = doc;
	for (const p of path) {
		if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, p))
			return undefined;
		v = (v as Record<string | number, unknown>)[p];
	}
	return v;
}

/** zod's issues as sentences a person fixing a file can act on. */
function zodProblems(error: import('zod/mini').core.$ZodError, doc: unknown): Problem[] {
	return error.issues.map((issue) => {
		let path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
		let message = issue.message;
		const missing = valueAt(doc, path) === undefined;
		if (issue.code === 'unrecognized_keys') {
			message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
			// Point at the (first) unknown key itself, so the line is the key's line.
			path = [...path, issue.keys[0]!];
		} else if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
			message =
				issue.code === 'invalid_value'
					? `is required: one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
					: `is required (${issue.expected})`;
		} else if (issue.code === 'invalid_value') {
			message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; found ${JSON.stringify(valueAt(doc, path))}`;
		}
		return { code: 'schema' as const, path, message };
	});
}

/**
 * Parse a map file's text. Example:
 * ```ts
 * const r = parseMap(text);
 * if (!r.ok) r.problems.forEach((p) => console.log(formatProblem(file, p)));
 * ```
 */
export function parseMap(input: string, known?: KnownParts): ParseResult {
	const size = byteLength(input);
	if (size > MAX_MAP_BYTES) return { ok: false, problems: [tooLargeProblem(size)] };
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	if (text.trim() === '') {
		return {
			ok: false,
			problems: [
				{ code: 'empty', path: [], line: 1, message: 'the file is empty; a map is a JSON object' }
			]
		};
	}
	const written = asWritten(text, known);
	if (written) return written;
	const starts = lineStarts(text);
	const errors: ParseError[] = [];
	let tree: Node | undefined;
	try {
		tree = parseTree(text, errors, {
			disallowComments: true,
			allowTrailingComma: false,
			allowEmptyContent: false
		});
	} catch {
		return {
			ok: false,
			problems: [
				{ code: 'json-syntax', path: [], line: 1, message: 'the JSON is nested too deeply to read' }
			]
		};
	}
	if (errors.length) {
		return {
			ok: false,
			// Later errors are mostly echoes of the first (a truncated file reports one per open bracket).
			problems: errors.slice(0, 1).map((e) => {
				const line = lineAt(starts, e.offset);
				// A line number alone says little in a file written on one line: say the column too.
				const column = e.offset - (starts[line - 1] ?? 0) + 1;
				return {
					code: 'json-syntax' as const,
					path: [],
					line,
					message: `invalid JSON at column ${column}: ${describeJsonError(printParseErrorCode(e.error), e.offset, text.length)}`
				};
			})
		};
	}
	const dupes = tree ? duplicateKeys(tree, starts) : [];
	if (dupes.length) return { ok: false, problems: dupes };
	let doc: unknown;
	try {
		// JSON.parse keeps a "__proto__" key as plain data; it never touches prototypes.
		doc = JSON.parse(text);
	} catch (e) {
		return {
			ok: false,
			problems: [
				{ code: 'json-syntax', path: [], line: 1, message: `invalid JSON: ${(e as Error).message}` }
			]
		};
	}
	const place = (p: Problem): Problem => ({
		...p,
		line: p.line ?? lineOfPath(tree, starts, p.path)
	});
	return validateMap(doc, place);
}

/**
 * The common case read in one pass: a valid file exactly as Warrant writes it (serialize.ts;
 * white space after the end aside). Such a text has no duplicate keys and needs no line
 * numbers, so the syntax tree (jsonc-parser: about half of parsing a 1000-statement map) is
 * built only for a file that was written by hand or has problems.
 */
function asWritten(text: string, known?: KnownParts): ParseResult | undefined {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		return undefined;
	}
	// Statements and links validated before (server/store.ts keeps them) are not validated again.
	const seen = known?.validate(doc);
	const r: ParseResult = seen ? { ok: true, map: seen } : validateMap(doc);
	if (!r.ok || r.migratedFrom !== undefined) return undefined;
	if (!seen) known?.learn(doc, r.map);
	return serializeMap(r.map) === `${text.trimEnd()}\n` ? r : undefined;
}

function cap(problems: Problem[]): Problem[] {
	if (problems.length <= MAX_PROBLEMS) return problems;
	return [
		...problems.slice(0, MAX_PROBLEMS),
		{
			code: problems[MAX_PROBLEMS]!.code,
			path: [],
			message: `and ${problems.length - MAX_PROBLEMS} more problems`
		}
	];
}

function describeJsonError(code: string, offset: number, length: number): string {
	const words: Record<string, string> = {
		InvalidSymbol: 'unexpected character',
		InvalidNumberFormat: 'malformed number',
		PropertyNameExpected: 'expected a quoted field name',
		ValueExpected: 'expected a value',
		ColonExpected: 'expected ":"',
		CommaExpected: 'expected ","',
		CloseBraceExpected: 'expected "}"',
		CloseBracketExpected: 'expected "]"',
		EndOfFileExpected: 'unexpected text after the end of the document',
		InvalidCommentToken: 'comments are not allowed',
		UnexpectedEndOfComment: 'unterminated comment',
		UnexpectedEndOfString: 'unterminated string',
		UnexpectedEndOfNumber: 'unterminated number',
		InvalidUnicode: 'invalid \\u escape',
		InvalidEscapeCharacter: 'invalid escape character',
		InvalidCharacter: 'invalid character in a string'
	};
	const what = words[code] ?? code;
	return offset >= length - 1 && /Expected|EndOf/.test(code)
		? `${what} (the file ends too early: is it truncated?)`
		: what;
}

/**
 * Validate an already-parsed value (an HTTP body, an import): migrate, schema, integrity.
 * `place` adds a line number to each problem where the caller has the text.
 */
export function validateMap(
	value: unknown,
	place: (p: Problem) => Problem = (p) => p
): ParseResult {
	const refused = (message: string): ParseResult => ({
		ok: false,
		problems: [place({ code: 'schema', path: [], message })]
	});
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return refused(
			'a map is a JSON object with "format", "version", "source", "nodes" and "links"'
		);
	const doc = value as Record<string, unknown>;
	if (doc.format !== FORMAT && !('nodes' in doc) && !('links' in doc))
		return refused(
			`this JSON is not a Warrant map: it has no "format": "${FORMAT}" and no "nodes"`
		);
	const migrated = migrate(doc);
	if (!migrated.ok)
		return {
			ok: false,
			problems: [place({ code: 'version', path: ['version'], message: migrated.message })]
		};
	const parsed = mapSchema.safeParse(migrated.doc);
	if (!parsed.success)
		return { ok: false, problems: cap(zodProblems(parsed.error, migrated.doc)).map(place) };
	const integrity = checkIntegrity(parsed.data);
	if (integrity.length) return { ok: false, problems: cap(integrity).map(place) };
	return migrated.from === parsed.data.version
		? { ok: true, map: parsed.data }
		: { ok: true, map: parsed.data, migratedFrom: migrated.from };
}
