/**
 * Argdown (argdown.org), both ways. Reading uses Argdown's own parser, `@argdown/core` (1.7.5,
 * the last that runs on Node 20), loaded on first use so it never enters a bundle that does not
 * read Argdown; so `parse` returns a promise. Writing is plain text and needs no parser.
 *
 * The mapping (docs/formats.md, "Argdown", says it in full):
 * - a statement (an equivalence class: every `[Title]` is one statement) ↔ a map statement, its
 *   title the id, its text the text, its `#tags` the tags;
 * - a support `+` / attack `-` between statements ↔ a link; contradictory `><` → attacks both
 *   ways; an argument with a premise–conclusion structure ↔ a link from its premises (the
 *   first the reason, the others co-premises) to its conclusion, one per inference; an argument
 *   whose conclusion attacks a statement ↔ an attack with co-premises; an undercut `_` of an
 *   argument ↔ an undercut of its link; an argument without premise–conclusion structure is a
 *   statement of its own (its description the text);
 * - the YAML front matter's `title` ↔ the source's title.
 * Warrant's own data travels in `{warrant: …}` metadata on statements and in the front matter
 * (the map's fields, the order of statements, each link's id and judgements), so Warrant →
 * Argdown → Warrant gives back the same map; without it a map is made from the graph alone.
 *
 * Here: reading a file through to the checked map. Writing is in argdown-print.ts, the parser's
 * loading in argdown-core.ts, the mapping from its model in argdown-map.ts, and Warrant's own
 * data (metadata and front matter) in argdown-data.ts.
 */
import type { ParseResult } from '../model/parse';
import type { Problem } from '../model/problems';
import { argdown, type Response } from './argdown-core';
import { frontMatterOf } from './argdown-data';
import { build } from './argdown-map';
import { checkImport, openInput, refuse } from './imported';

export { print } from './argdown-print';
export { readArgdown } from './argdown-core';

/** Whether Argdown found any of its own structure, not only untitled lines of prose. */
function looksLikeArgdown(r: Response): boolean {
	if (Object.keys(r.arguments ?? {}).length || (r.relations ?? []).length) return true;
	if (frontMatterOf(r.frontMatter)) return true;
	const statements = Object.values(r.statements ?? {});
	// No statement at all is said by the import's own check.
	return !statements.length || statements.some((s) => !/^Untitled \d+$/.test(s.title));
}

/**
 * Argdown text as a map, or problems with lines. Never rejects. Notes say what has no
 * counterpart in a map and was left out.
 */
export async function parse(input: string): Promise<ParseResult> {
	const opened = openInput(input, 'an Argdown file states at least one [statement]: with its text');
	if ('refused' in opened) return opened.refused;
	const { text } = opened;
	let r: Response;
	try {
		r = (await argdown()).run(text);
	} catch (e) {
		return refuse('syntax', `Argdown's parser could not read the file: ${(e as Error).message}`);
	}
	const syntax: Problem[] = [
		...(r.lexerErrors ?? []).map((e) => ({ line: e.line, message: e.message })),
		...(r.parserErrors ?? []).map((e) => ({ line: e.token?.startLine, message: e.message }))
	].map((e) => ({
		code: 'syntax' as const,
		path: [],
		line: Number.isFinite(e.line) ? e.line : 1,
		message: `Argdown: ${e.message.replace(/\s+/g, ' ').trim()}`
	}));
	if (syntax.length) return { ok: false, problems: syntax.slice(0, 20) };
	const failure = r.exceptions?.[0];
	if (failure)
		return refuse('syntax', `Argdown's parser could not read the file: ${failure.message}`);
	if (!looksLikeArgdown(r))
		return refuse(
			'syntax',
			'this does not read as Argdown: it has no [statement], <argument> and no relation (+, -, _), only plain lines of text'
		);

	return checkImport(
		(withOwnData, notes) => build(r, withOwnData, notes),
		{ present: !!frontMatterOf(r.frontMatter), where: 'in the Argdown metadata' },
		'the Argdown file has no statements, so there is nothing to map'
	);
}
