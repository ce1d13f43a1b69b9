import { json } from '@sveltejs/kit';
import { createMap, isMapId, loadMap } from '$lib/server/store';
import { problem, readJsonBody } from '$lib/server/http';
import { BAD_MAP_ID } from '$lib/model/ids';
import { templateMap } from '$lib/model/templates';
import { sourceSchema } from '$lib/model/schema';
import type { RequestHandler } from './$types';

/**
 * Create a map. The body is one of
 *   { id, map }                                   a whole map
 *   { id, from }                                  a copy of map `from`
 *   { id, source, thesis, reasons }               a thesis with N empty reasons (the source layer)
 * 201 with the new map's ETag; 409 when the id is taken.
 */
export const POST: RequestHandler = async ({ request }) => {
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const b = body.value as Record<string, unknown>;
	if (typeof b !== 'object' || b === null) return problem(400, 'the body must be a JSON object');
	const id = typeof b.id === 'string' ? b.id : '';
	if (!isMapId(id)) return problem(400, BAD_MAP_ID);
	let map: unknown = b.map;
	if (typeof b.from === 'string') {
		const from = await loadMap(b.from);
		if (!from.ok)
			return problem(
				from.status === 422 ? 422 : 404,
				`cannot copy "${b.from}": ${from.problems[0]?.message ?? 'not found'}`
			);
		// "Title (copy: id)": each copy is told apart by its id, and copies of copies do not pile up.
		const base = (from.map.title ?? from.map.source.title).replace(/ \(copy: [a-z0-9-]+\)$/, '');
		map = { ...from.map, title: `${base} (copy: ${id})`.slice(0, 300) };
	} else if (b.source !== undefined) {
		const source = sourceSchema.safeParse(b.source);
		if (!source.success)
			return problem(
				422,
				`source: ${source.error.issues[0]?.path.join('.')}: ${source.error.issues[0]?.message}`
			);
		map = templateMap(source.data, String(b.thesis ?? ''), Number(b.reasons ?? 0));
	}
	if (map === undefined)
		return problem(400, 'send a map, a map to copy ("from"), or a source and thesis');
	const r = await createMap(id, map);
	if (!r.ok) return problem(r.status, r.message, { problems: r.problems });
	return json(
		{ id, etag: r.etag },
		{ status: 201, headers: { ETag: r.etag, Location: `/maps/${id}` } }
	);
};
