/**
 * What the importers of other formats (AIF, Argdown, Carneades) share: the size and byte-order
 * mark of the input, a refusal in one sentence, ids made from foreign names, and the final check
 * of the map they built, with a second reading without Warrant's own data when that data does not
 * fit the graph (edited elsewhere, or damaged).
 */
import { isSlug, slugify } from '../model/ids';
import { MAX_MAP_BYTES, tooLargeProblem, validateMap, type ParseResult } from '../model/parse';
import type { Problem, ProblemCode } from '../model/problems';
import type { ArgumentMap } from '../model/schema';

/** A refusal: one problem, for the whole document, at `line`. */
export function refuse(code: ProblemCode, message: string, line = 1): ParseResult {
	return { ok: false, problems: [{ code, path: [], line, message }] };
}

/**
 * The input without its byte-order mark, or the refusal of a file over the size limit or empty
 * (`empty` says what the file should have held).
 */
export function openInput(
	input: string,
	empty: string
): { text: string } | { refused: ParseResult } {
	const size =
		input.length * 3 < MAX_MAP_BYTES ? input.length : new TextEncoder().encode(input).length;
	if (size > MAX_MAP_BYTES) return { refused: { ok: false, problems: [tooLargeProblem(size)] } };
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	return text.trim() ? { text } : { refused: refuse('empty', `the file is empty; ${empty}`) };
}

/** `text` cut to `max` characters, with an ellipsis where it was cut. */
export function cut(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Unique ids: a name that is a slug as it is, others made into one; "-2", "-3" where taken. */
export class Ids {
	private readonly taken = new Set<string>();
	/** Reserve ids (say, every slug-shaped name in the file) so that a made-up id never takes one. */
	reserve(ids: Iterable<string>): void {
		for (const id of ids) if (isSlug(id)) this.taken.add(id);
	}
	fresh(name: string, fallback: string): string {
		const base = isSlug(name) ? name : slugify(name, 56) || fallback;
		let id = base;
		for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
		this.taken.add(id);
		return id;
	}
}

/**
 * Validate what an importer built; where it fails and the file carries Warrant's own data, build
 * again from the graph alone and say so in a note. `build(withOwnData, notes)` collects its notes.
 */
export function checkImport(
	build: (withOwnData: boolean, notes: Problem[]) => ArgumentMap | undefined,
	ownData: { present: boolean; where: string },
	nothing: string
): ParseResult {
	let notes: Problem[] = [];
	let map = build(true, notes);
	if (!map)
		return {
			ok: false,
			problems: [{ code: 'empty' as const, path: [], line: 1, message: nothing }, ...notes].slice(
				0,
				100
			)
		};
	let checked = validateMap(map);
	if (!checked.ok && ownData.present) {
		const first = checked.problems[0]!;
		notes = [
			{
				code: first.code,
				path: [],
				message: `Warrant's data ${ownData.where} does not fit the graph (${first.message}); read as the graph alone`
			}
		];
		map = build(false, notes)!;
		checked = validateMap(map);
	}
	if (!checked.ok)
		return {
			ok: false,
			problems: checked.problems.map((p) => ({
				...p,
				line: 1,
				message: `the imported map: ${p.message}`
			}))
		};
	return notes.length ? { ...checked, notes: notes.slice(0, 100) } : checked;
}
