/**
 * New maps from the browser: the "New map" form's values, their checks (the same rules the
 * server applies, in words a person can act on), the body POSTed to /api/maps, and the ids
 * tried when a map is duplicated.
 */
import { SLUG_PATTERN } from '$lib/model/ids';
import { MAX_COPY_ATTEMPTS, withSuffix } from '$lib/model/ownership';
import { sourceSchema, type ArgumentMap, type Block, type Source } from '$lib/model/schema';
import { templateMap } from '$lib/model/templates';
import { SOURCE_FIELDS, type SourceField } from './intake';
import { thesisAnchor } from './thesis-passage';

/** The rule for map ids (they become URLs and file names): the slug rule of model/ids. */
export const MAP_ID_PATTERN = SLUG_PATTERN;
export const MAX_MAP_ID_LENGTH = 64;
export const MAX_REASONS = 12;
/** How many ids "Duplicate" tries: `x-copy`, `x-copy-2` … `x-copy-20`. */
export { MAX_COPY_ATTEMPTS };
/** Where the browser remembers the person's name for the next map. */

export interface NewMapForm {
	title: string;
	/** The source's author (not the person making the map: that is `yourName`). */
	author: string;
	publication: string;
	/** YYYY-MM-DD, as `<input type="date">` gives it, or empty. */
	date: string;
	language: string;
	url: string;
	thesis: string;
	/** `<input type="number">` gives null when it is empty. */
	reasons: number | null;
	id: string;
	yourName: string;
}

export type NewMapField = keyof NewMapForm;
export type FieldErrors = Partial<Record<NewMapField, string>>;

/** The fields in the order the form shows them: the first with an error gets the focus. */
export const FIELD_ORDER: readonly NewMapField[] = [
	'title',
	'author',
	'publication',
	'date',
	'language',
	'url',
	'thesis',
	'reasons',
	'id',
	'yourName'
];

export function emptyForm(): NewMapForm {
	return {
		title: '',
		author: '',
		publication: '',
		date: '',
		language: 'en',
		url: '',
		thesis: '',
		reasons: 3,
		id: '',
		yourName: ''
	};
}

// eslint-disable-next-line no-control-regex -- the schema refuses control characters; so do we
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function checkText(value: string, max: number, what: string): string | undefined {
	if (value.length > max) return `${what} may be at most ${max} characters (now ${value.length}).`;
	if (CONTROL.test(value)) return `${what} contains an invisible control character: retype it.`;
	return undefined;
}

/** Why `title` cannot be a map's title (as sent: trimmed), or undefined when it can. */
export function checkTitle(title: string): string | undefined {
	return title ? checkText(title, 300, 'The title') : 'Enter a title.';
}

/** Why `id` cannot be a map id, or undefined when it can. */
export function checkMapId(id: string): string | undefined {
	if (!id) return 'Enter an id for the map: it becomes its address, /maps/<id>.';
	if (id.length > MAX_MAP_ID_LENGTH)
		return `The id may be at most ${MAX_MAP_ID_LENGTH} characters (now ${id.length}).`;
	if (!MAP_ID_PATTERN.test(id))
		return 'Use only lower-case letters, digits and single hyphens, with no hyphen at the start or end (e.g. japan-and-mongolia).';
	return undefined;
}

function isRealDate(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Every problem with the form, one sentence per field. Values are checked as they will be sent
 * (trimmed). Empty means the form can be sent.
 */
export function validateNewMap(form: NewMapForm): FieldErrors {
	const f = trimmed(form);
	const errors: FieldErrors = {};
	errors.title = f.title
		? checkText(f.title, 300, 'The title')
		: 'Enter the title of the source text.';
	errors.author = checkText(f.author, 200, 'The author');
	errors.publication = checkText(f.publication, 200, 'The publication');
	if (f.date && !isRealDate(f.date)) errors.date = 'Enter a date as YYYY-MM-DD, or leave it empty.';
	if (!f.language) errors.language = 'Enter the language of the source, e.g. "en".';
	else if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(f.language))
		errors.language = 'Enter a language tag such as "en", "fr" or "pt-BR".';
	if (f.url) {
		let url: URL | undefined;
		try {
			url = new URL(f.url);
		} catch {
			url = undefined;
		}
		if (!url || !/^https?:$/.test(url.protocol))
			errors.url = 'Enter a full web address starting with https:// or http://, or leave it empty.';
		else errors.url = checkText(f.url, 2000, 'The address');
	}
	errors.thesis = f.thesis
		? checkText(f.thesis, 2000, 'The thesis')
		: 'Enter the thesis: the claim the source argues for.';
	const n = form.reasons;
	if (n === null || !Number.isInteger(n) || n < 0 || n > MAX_REASONS)
		errors.reasons = `Enter a whole number from 0 to ${MAX_REASONS}.`;
	errors.id = checkMapId(f.id);
	errors.yourName = f.yourName
		? checkText(f.yourName, 80, 'Your name')
		: 'Enter your name: the map will be yours, and others’ critiques of it are saved as their own copies.';
	// A last net: anything the server's schema would still refuse in the source.
	if (!Object.values(errors).some(Boolean)) {
		const parsed = sourceSchema.safeParse(sourceOf(f));
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			const field = issue.path[0];
			const key: NewMapField =
				typeof field === 'string' && (FIELD_ORDER as readonly string[]).includes(field)
					? (field as NewMapField)
					: 'title';
			errors[key] = `Not accepted: ${issue.message}.`;
		}
	}
	for (const k of FIELD_ORDER) if (errors[k] === undefined) delete errors[k];
	return errors;
}

function trimmed(form: NewMapForm): NewMapForm {
	return {
		...form,
		title: form.title.trim(),
		author: form.author.trim(),
		publication: form.publication.trim(),
		date: form.date.trim(),
		language: form.language.trim(),
		url: form.url.trim(),
		thesis: form.thesis.trim(),
		id: form.id.trim(),
		yourName: form.yourName.trim()
	};
}

function sourceOf(f: NewMapForm): Source {
	return {
		title: f.title,
		...(f.author && { author: f.author }),
		...(f.publication && { publication: f.publication }),
		...(f.date && { date: f.date }),
		...(f.language && { language: f.language }),
		...(f.url && { url: f.url })
	};
}

export interface CreateMapBody {
	id: string;
	source: Source;
	thesis: string;
	reasons: number;
	/** The person making the map: its owner. */
	owner?: string;
}

/** The JSON body for POST /api/maps: trimmed values, empty optional fields left out. */
export function createMapBody(form: NewMapForm): CreateMapBody {
	const f = trimmed(form);
	return {
		id: f.id,
		source: sourceOf(f),
		thesis: f.thesis,
		reasons: f.reasons ?? 0,
		...(f.yourName && { owner: f.yourName })
	};
}

/** What a text put in each source field, so that the next text may replace it. */
export type Filled = Partial<Record<SourceField, string>>;

/**
 * The source fields a page or file fills: those that are empty, hold the default language, or
 * still hold what an earlier text put there (nothing the person typed is overwritten; what an
 * earlier text put there and this one does not declare is emptied). Returns
 * the values to set and what is now filled. Example: with an empty title and author,
 * `fillFromText(form, { title: 'T', author: 'A' }, {})` → `{ patch: { title: 'T', author: 'A' }, … }`.
 */
export function fillFromText(
	form: NewMapForm,
	details: Partial<Source>,
	filled: Filled
): { patch: Partial<Pick<NewMapForm, SourceField>>; filled: Filled } {
	const patch: Partial<Pick<NewMapForm, SourceField>> = {};
	const now: Filled = {};
	const fallback = emptyForm();
	for (const field of SOURCE_FIELDS) {
		const value = details[field];
		const current = form[field].trim();
		const free =
			current === '' ||
			current === filled[field] ||
			(field === 'language' && current === fallback.language);
		if (value && free) {
			patch[field] = value;
			now[field] = value;
		} else if (filled[field] !== undefined && current === filled[field])
			// What the earlier text declared goes with it.
			patch[field] = fallback[field];
	}
	return { patch, filled: now };
}

/**
 * The new map with its text: the form's template (thesis and empty reasons, in the source layer)
 * and the blocks, marks kept. Sent whole (`{ id, map }`) when the map starts from a text.
 */
export function mapWithText(body: CreateMapBody, blocks: readonly Block[]): ArgumentMap {
	const text = blocks.map((b) =>
		b.skip ? { text: b.text, skip: true as const } : { text: b.text }
	);
	const map = templateMap(body.source, body.thesis, body.reasons);
	// The thesis typed is anchored where the text says it, when one sentence clearly does.
	const anchor = thesisAnchor(text, body.thesis);
	return {
		...map,
		nodes: anchor
			? map.nodes.map((n) => (n.kind === 'thesis' ? { ...n, anchors: [anchor] } : n))
			: map.nodes,
		...(body.owner && { owner: body.owner }),
		text
	};
}

/**
 * The id of the `attempt`-th copy of map `id` (1-based): `x-copy`, `x-copy-2`, `x-copy-3` …
 * Shortened so that the result is still at most 64 characters.
 */
export function copyId(id: string, attempt: number): string {
	return withSuffix(id, attempt <= 1 ? '-copy' : `-copy-${attempt}`);
}
