import { json } from '@sveltejs/kit';
import { serializeMap } from '$lib/model/serialize';
import { saveSubmission } from '$lib/server/exercises';
import { exerciseOf, studentOf } from '$lib/server/exercise-http';
import { problem, readJsonBody } from '$lib/server/http';
import { etagOf } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** The student's own map, by their cookie; the id in the path must be theirs. */
async function mine(
	params: { ex: string; sub: string },
	cookies: Parameters<RequestHandler>[0]['cookies']
) {
	const ex = await exerciseOf(params.ex);
	if (!ex.ok) return ex;
	const s = await studentOf(ex.value, cookies);
	if (!s.ok) return s;
	if (s.value.id !== params.sub)
		return { ok: false as const, response: problem(403, 'That is not your work.') };
	return { ok: true as const, exercise: ex.value, submission: s.value };
}

export const GET: RequestHandler = async ({ params, cookies }) => {
	const m = await mine(params, cookies);
	if (!m.ok) return m.response;
	const text = serializeMap(m.submission.map);
	return new Response(text, {
		headers: { 'content-type': 'application/json', etag: etagOf(text), 'cache-control': 'no-store' }
	});
};

export const PUT: RequestHandler = async ({ params, cookies, request }) => {
	const m = await mine(params, cookies);
	if (!m.ok) return m.response;
	const current = etagOf(serializeMap(m.submission.map));
	const ifMatch = request.headers.get('if-match');
	if (ifMatch && ifMatch !== '*' && ifMatch !== current)
		return problem(412, 'Your work changed in another tab.', { etag: current });
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const r = await saveSubmission(m.exercise, m.submission, body.value);
	if (!r.ok) return problem(r.status, r.message);
	const etag = etagOf(serializeMap(r.submission.map));
	return json({ etag }, { headers: { etag } });
};
