import { json } from '@sveltejs/kit';
import { isMapId, readMapText, saveMap } from '$lib/server/store';
import { layOutAhead } from '$lib/server/page-layouts';
import { deleteMap } from '$lib/server/trash';
import { problem, readJsonBody } from '$lib/server/http';
import { BAD_MAP_ID } from '$lib/model/ids';
import { parseMap } from '$lib/model';
import type { RequestHandler } from './$types';

/** The map with its ETag; `If-None-Match` gets 304 when nothing changed. */
export const GET: RequestHandler = async ({ params, request }) => {
	if (!isMapId(params.id)) return problem(400, BAD_MAP_ID);
	const current = await readMapText(params.id);
	if (!current) return problem(404, `there is no map called "${params.id}"`);
	if (request.headers.get('if-none-match') === current.etag)
		return new Response(null, { status: 304, headers: { ETag: current.etag } });
	const parsed = parseMap(current.text);
	if (!parsed.ok)
		return problem(422, 'the map file is not valid', {
			problems: parsed.problems,
			etag: current.etag
		});
	return new Response(current.text, {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			ETag: current.etag,
			'Cache-Control': 'no-cache'
		}
	});
};

/** Save over the version named by `If-Match`; anything else is refused and touches no file. */
export const PUT: RequestHandler = async ({ params, request }) => {
	if (!isMapId(params.id)) return problem(400, BAD_MAP_ID);
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const r = await saveMap(params.id, body.value, request.headers.get('if-match'));
	if (!r.ok) return problem(r.status, r.message, { problems: r.problems, etag: r.etag });
	// The next page of this revision (a reload, a shared link) finds it laid out.
	layOutAhead(params.id);
	return new Response(JSON.stringify({ etag: r.etag }), {
		headers: { 'Content-Type': 'application/json', ETag: r.etag }
	});
};

/**
 * Delete a map (`If-Match` optional: when given, the version it names must be the current one).
 * The answer names a `restore` key: POST /api/maps { restore } brings the map back.
 */
export const DELETE: RequestHandler = async ({ params, request }) => {
	if (!isMapId(params.id)) return problem(400, BAD_MAP_ID);
	const r = await deleteMap(params.id, request.headers.get('if-match'));
	if (!r.ok) return problem(r.status, r.message, { etag: r.etag });
	return json({ id: params.id, restore: r.restore });
};
