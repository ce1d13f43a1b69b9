import { classCsv, classRows } from '$lib/server/exercise-class';
import { exerciseOf, teaches } from '$lib/server/exercise-http';
import { problem } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The class table as CSV, for the teacher only. */
export const GET: RequestHandler = async ({ params, cookies, locals }) => {
	const ex = await exerciseOf(params.ex);
	if (!ex.ok) return ex.response;
	if (!teaches(ex.value, cookies, locals)) return problem(403, 'Open the teacher link first.');
	return new Response(classCsv(await classRows(ex.value)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="class-${ex.value.id}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
