import { json } from '@sveltejs/kit';
import { check } from '$lib/server/exercises';
import { exerciseOf, studentOf } from '$lib/server/exercise-http';
import type { RequestHandler } from './$types';

/** Check the student's saved map against the reference, on the server; they see findings only. */
export const POST: RequestHandler = async ({ params, cookies }) => {
	const ex = await exerciseOf(params.ex);
	if (!ex.ok) return ex.response;
	const s = await studentOf(ex.value, cookies);
	if (!s.ok) return s.response;
	const { view } = await check(ex.value, s.value);
	return json(view, { headers: { 'cache-control': 'no-store' } });
};
