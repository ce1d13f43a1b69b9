/**
 * Errors are values: a code, a place and a plain sentence. Every boundary (file load, HTTP
 * body, CLI) reports problems in this shape and never throws at the user.
 */
export type ProblemCode =
	| 'too-large'
	| 'empty'
	| 'json-syntax'
	| 'schema'
	| 'version'
	| 'duplicate-id'
	| 'dangling'
	| 'self-link'
	| 'undercut-target'
	| 'relation-target'
	| 'thesis-count'
	| 'co-premise'
	| 'duplicate-link'
	| 'in-text'
	| 'orphan'
	| 'io';

export interface Problem {
	code: ProblemCode;
	/** JSON path into the document, e.g. ["nodes", 3, "text"]; empty for the whole document. */
	path: (string | number)[];
	/** A plain sentence saying what is wrong. */
	message: string;
	/** 1-based line in the file, where known. */
	line?: number;
}

/** `nodes[3].text` — the path as a reader would write it. */
export function formatPath(path: readonly (string | number)[]): string {
	if (path.length === 0) return '(document)';
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** `file:line: JSON path: reason` — the one-line form the CLI prints. */
export function formatProblem(file: string, p: Problem): string {
	return `${file}:${p.line ?? 1}: ${formatPath(p.path)}: ${p.message}`;
}
