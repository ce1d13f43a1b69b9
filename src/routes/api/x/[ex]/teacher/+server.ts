import { json } from '@sveltejs/kit';
import { reissueStudentLink, reissueTeacherLink } from '$lib/server/exercise-keys';
import { deleteSubmission } from '$lib/server/exercise-store';
import { setReleased, updateReference } from '$lib/server/exercises';
import {
	exerciseOf,
	joinCookie,
	teacherCookie,
	teacherCookieOptions,
	teaches
} from '$lib/server/exercise-http';
import { problem, readJsonBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * The class view's buttons, for the teacher only (`{ action, … }`, JSON: a form post would be
 * refused as cross-site behind adapter-node's default origin, and the teacher's cookies are
 * same-site only):
 *
 * - `update`: pin the source map as it is now; every submission is scored anew.
 * - `delete` with `submission`: delete one student's work.
 * - `release` with `released`: show the reference to the students beside their maps, or not.
 * - `student-link`: a new student link; the old one can no longer join, those who joined keep
 *   their work. Its key is kept in this browser only (the server keeps a hash).
 * - `teacher-link`: a new teacher link, answered once as `teacherPath`; the old key is refused
 *   everywhere, and this browser holds the new one.
 */
export const POST: RequestHandler = async ({ params, cookies, locals, request }) => {
	const ex = await exerciseOf(params.ex);
	if (!ex.ok) return ex.response;
	if (!teaches(ex.value, cookies, locals))
		return problem(403, 'Only the teacher of this exercise can do that: open the teacher link.');
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const b = (body.value ?? {}) as Record<string, unknown>;
	const exercise = ex.value;
	switch (b.action) {
		case 'update': {
			const r = await updateReference(exercise);
			if (!r.ok) return problem(r.status, r.message);
			return json({
				message: 'The reference is the map as it is now; every submission is scored anew.'
			});
		}
		case 'delete': {
			if (typeof b.submission !== 'string' || !(await deleteSubmission(exercise, b.submission)))
				return problem(400, 'Say which submission to delete.');
			return json({ message: 'That student’s work is deleted.' });
		}
		case 'release': {
			if (typeof b.released !== 'boolean')
				return problem(400, 'Say whether to release the reference ("released": true or false).');
			await setReleased(exercise, b.released);
			return json({
				message: b.released
					? 'The reference is released: students see it beside their maps.'
					: 'The reference is hidden from the students again.'
			});
		}
		case 'student-link': {
			const r = await reissueStudentLink(exercise);
			cookies.set(joinCookie(exercise.id), r.joinKey, teacherCookieOptions(request));
			return json({
				message:
					'There is a new student link; the old one no longer lets anyone join. Students who joined keep their work and go on with their resume links.'
			});
		}
		case 'teacher-link': {
			const r = await reissueTeacherLink(exercise);
			cookies.set(teacherCookie(exercise.id), r.teacherKey, teacherCookieOptions(request));
			return json(
				{
					message:
						'There is a new teacher link; the old one no longer opens this class view. Keep the new one: it is shown only now.',
					teacherPath: `/x/${exercise.id}/class?key=${r.teacherKey}`
				},
				{ headers: { 'cache-control': 'no-store' } }
			);
		}
		default:
			return problem(
				400,
				'Say what to do ("action": update, delete, release, student-link or teacher-link).'
			);
	}
};
