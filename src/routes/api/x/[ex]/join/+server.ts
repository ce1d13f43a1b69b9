import { json } from '@sveltejs/kit';
import { joinExercise } from '$lib/server/exercises';
import { cookieOptions, exerciseOf, studentCookie } from '$lib/server/exercise-http';
import { problem, readJsonBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * A student joins with a name and the student link's key (`{ name, join }`): their own
 * submission, its cookie, and a link to resume from. A replaced link's key is refused.
 */
export const POST: RequestHandler = async ({ params, request, cookies }) => {
	const ex = await exerciseOf(params.ex);
	if (!ex.ok) return ex.response;
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const { name, join } = (body.value ?? {}) as { name?: unknown; join?: unknown };
	if (typeof name !== 'string') return problem(400, 'Give your name.');
	const r = await joinExercise(ex.value, name, typeof join === 'string' ? join : undefined);
	if (!r.ok) return problem(r.status, r.message);
	cookies.set(studentCookie(ex.value.id), r.credential, cookieOptions(request));
	return json({ resume: `/x/${ex.value.id}?resume=${r.credential}` }, { status: 201 });
};
