/**
 * Errors are values: a code, a place and a plain sentence. Every boundary (file load, HTTP
 * body, CLI) reports problems in this shape and never throws at the user.
 */
export type ProblemCode =
	| 'too-large'
	| 'empty'
	| 'json-syntax'
	/** Malformed text in a format other than JSON (YAML, …). */
	| 'syntax'
	/** A feature of another format that a map cannot carry (weights, rule languages, …). */
	| 'unsupported'
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

const FIELD_WORDS: Record<string, string> = {
	text: 'The text',
	label: 'The label',
	tags: 'A tag',
	author: 'The name',
	anchors: 'An anchor',
	basis: 'The kind of evidence',
	figures: 'A figure',
	verdict: 'The verdict',
	flags: 'A flag',
	strength: 'The strength',
	scheme: 'The scheme',
	answers: 'An answer',
	title: 'The title'
};

/**
 * A schema refusal in the words of the form the reader typed into, not of the file:
 * `nodes.4.figures.0.year` + "Too big: expected number to be <=3000" →
 * "A figure's year must be at most 3000".
 */
export function plainIssue(path: readonly (string | number)[], message: string): string {
	const words = path.filter((p): p is string => typeof p === 'string');
	// Skip the collection ("nodes", "links", "source"): the reader edits one item of it.
	const [field, sub] = words[0] === 'nodes' || words[0] === 'links' ? words.slice(1) : words;
	const subject = field
		? `${FIELD_WORDS[field] ?? `The ${field}`}${sub ? `’s ${sub}` : ''}`
		: 'The map';
	const said = message
		.replace(/^Too big: expected number to be <=\s*/, 'must be at most ')
		.replace(/^Too small: expected number to be >=\s*/, 'must be at least ')
		.replace(
			/^Too big: expected string to have <=\s*(\d+) characters?/,
			'must be at most $1 characters'
		)
		.replace(/^Invalid input: expected number, received NaN/, 'must be a number');
	// "must be …", "names …" continue the subject; a message that is a sentence of its own ("a
	// quote may have at most 15 words; this one has 21") follows it after a colon.
	return /^(must|should|is|are|names|has|needs)\b/.test(said)
		? `${subject} ${said}`
		: `${subject}: ${said}`;
}
