import { json } from '@sveltejs/kit';
import { createMap, freeMapId, isMapId, loadMap } from '$lib/server/store';
import { restoreMap } from '$lib/server/trash';
import { problem, readJsonBody } from '$lib/server/http';
import { BAD_MAP_ID } from '$lib/model/ids';
import { basedOn } from '$lib/model/ownership';
import { templateMap } from '$lib/model/templates';
import { sourceSchema } from '$lib/model/schema';
import { FORMATS, formatOfInput } from '$lib/formats';
import type { Problem } from '$lib/model/problems';
import type { RequestHandler } from './$types';

/**
 * `GET /api/maps?free=<id>`: the first of `<id>`, `<id>-2` … `<id>-20` that no map has yet
 * (`{ id }`, or `{ id: null }` when all are taken), for proposing the id of a new copy.
 */
export const GET: RequestHandler = async ({ url }) => {
	const base = url.searchParams.get('free');
	if (base === null) return problem(400, 'ask for a free id: /api/maps?free=<id>');
	if (!isMapId(base)) return problem(400, BAD_MAP_ID);
	return json(
		{ id: (await freeMapId(base)) ?? null },
		{ headers: { 'Cache-Control': 'no-store' } }
	);
};

/**
 * Create a map. The body is one of
 *   { id, map }                                   a whole map (it may name its owner and basedOn)
 *   { id, from, title?, owner? }                  a copy of map `from`, based on its revision now
 *   { id, source, thesis, reasons, owner? }       a thesis with N empty reasons (the source layer)
 *   { restore }                                   a map deleted a moment ago, back under its id
 *   { id, file: { name, text }, owner? }          a file in a format Warrant reads (docs/formats.md):
 *                                                 a map, AIF, Argdown or a Carneades graph; the
 *                                                 answer lists what the import left out (`notes`)
 *   { check: true, file: { name, text } }         the same file read and checked, nothing made:
 *                                                 200 with `{ map, notes? }`. The import dialog
 *                                                 reads a file this way first, so that Cancel
 *                                                 during a long read leaves nothing behind.
 * `owner` is the name of the person making the map; without one the map is shared.
 * 201 with the new map's ETag; 409 when the id is taken.
 */
export const POST: RequestHandler = async ({ request }) => {
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const b = body.value as Record<string, unknown>;
	if (typeof b !== 'object' || b === null) return problem(400, 'the body must be a JSON object');
	if (typeof b.restore === 'string') {
		const back = await restoreMap(b.restore);
		if (!back.ok) return problem(back.status, back.message);
		return json({ id: back.id }, { status: 201, headers: { Location: `/maps/${back.id}` } });
	}
	if (b.check === true) {
		const read = await readFile(b.file);
		if ('response' in read) return read.response;
		return json(
			{ map: read.map, ...(read.notes ? { notes: read.notes } : {}) },
			{ headers: { 'Cache-Control': 'no-store' } }
		);
	}
	const id = typeof b.id === 'string' ? b.id : '';
	if (!isMapId(id)) return problem(400, BAD_MAP_ID);
	// Checked with the rest of the map: `owner: must not be empty` and so on.
	const owner = b.owner !== undefined ? { owner: b.owner } : {};
	let map: unknown = b.map;
	if (typeof b.from === 'string') {
		const from = await loadMap(b.from);
		if (!from.ok)
			return problem(
				from.status === 422 ? 422 : 404,
				`cannot copy "${b.from}": ${from.problems[0]?.message ?? 'not found'}`
			);
		// Without a title given, "Title (copy: id)": each copy is told apart by its id, and
		// copies of copies do not pile up.
		const base = (from.map.title ?? from.map.source.title).replace(/ \(copy: [a-z0-9-]+\)$/, '');
		const title = b.title !== undefined ? b.title : `${base} (copy: ${id})`.slice(0, 300);
		const { owner: _owner, basedOn: _basedOn, ...rest } = from.map;
		map = { ...rest, title, ...owner, basedOn: basedOn(b.from, from.etag) };
	} else if (b.source !== undefined) {
		const source = sourceSchema.safeParse(b.source);
		if (!source.success)
			return problem(
				422,
				`source: ${source.error.issues[0]?.path.join('.')}: ${source.error.issues[0]?.message}`
			);
		map = { ...templateMap(source.data, String(b.thesis ?? ''), Number(b.reasons ?? 0)), ...owner };
	}
	let notes: Problem[] | undefined;
	if (b.file !== undefined) {
		const read = await readFile(b.file);
		if ('response' in read) return read.response;
		map = { ...read.map, ...owner };
		notes = read.notes;
	}
	if (map === undefined)
		return problem(400, 'send a map, a map to copy ("from"), a source and thesis, or a file');
	const r = await createMap(id, map);
	if (!r.ok) return problem(r.status, r.message, { problems: r.problems });
	return json(
		{ id, etag: r.etag, ...(notes ? { notes } : {}) },
		{ status: 201, headers: { ETag: r.etag, Location: `/maps/${id}` } }
	);
};

/** A file sent to import: read in the format its name (or, for `.json`, its content) says. */
async function readFile(
	file: unknown
): Promise<{ map: object; notes?: Problem[] } | { response: Response }> {
	const f = file as { name?: unknown; text?: unknown } | null;
	if (
		typeof f !== 'object' ||
		f === null ||
		typeof f.name !== 'string' ||
		typeof f.text !== 'string'
	)
		return { response: problem(400, 'a file to import is { name, text }') };
	const format = formatOfInput(f.name, f.text);
	if (!format?.parse) {
		const endings = FORMATS.filter((x) => x.parse).flatMap((x) => x.extensions);
		return {
			response: problem(
				415,
				`cannot import “${f.name}”: Warrant imports ${endings.join(', ')} files`
			)
		};
	}
	const r = await format.parse(f.text);
	if (!r.ok) {
		const first = r.problems[0]!;
		return {
			response: problem(
				422,
				`cannot import “${f.name}” as ${format.name}: line ${first.line ?? 1}: ${first.message}`,
				{ problems: r.problems }
			)
		};
	}
	return { map: r.map, notes: r.notes };
}
