import { json } from '@sveltejs/kit';
import { nextHint } from '$lib/server/exercises';
import { exerciseOf, studentOf } from '$lib/server/exercise-http';
import { problem, readJsonBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The next hint of one finding (`{ finding }`), if the teacher allows that level. */
export const POST: RequestHandler = async ({ params, cookies, request }) => {
	const ex = await exerciseOf(params.ex);
	if (!ex.ok) return ex.response;
	const s = await studentOf(ex.value, cookies);
	if (!s.ok) return s.response;
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const finding = (body.value as { finding?: unknown } | null)?.finding;
	if (typeof finding !== 'string') return problem(400, 'Say which finding.');
	const r = await nextHint(ex.value, s.value, finding);
	if (!r.ok) return problem(r.status, r.message);
	return json({ level: r.level, hint: r.hint });
};
