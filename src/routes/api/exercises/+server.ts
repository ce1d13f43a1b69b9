import { json } from '@sveltejs/kit';
import { studentPath } from '$lib/server/exercise-keys';
import { STARTS, type HintLevel, type Start } from '$lib/server/exercise-store';
import { createExercise } from '$lib/server/exercises';
import { joinCookie, teacherCookieOptions } from '$lib/server/exercise-http';
import { problem, readJsonBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * Make an exercise: `{ from, title?, start: 'text' | 'thesis' | 'scaffold', hintLevel: 1 | 2 | 3 }`.
 * 201 with the student's path and the teacher's (the only time their keys are shown). The
 * student link's key is also kept in this browser, so its class view can show the link again.
 */
export const POST: RequestHandler = async ({ request, locals, cookies }) => {
	if (!locals.teacher) return problem(403, 'Only the teacher makes exercises.');
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const b = (body.value ?? {}) as Record<string, unknown>;
	const start = STARTS.includes(b.start as Start) ? (b.start as Start) : undefined;
	const hintLevel = [1, 2, 3].includes(b.hintLevel as number)
		? (b.hintLevel as HintLevel)
		: undefined;
	if (typeof b.from !== 'string' || !start || !hintLevel)
		return problem(
			400,
			'give the map ("from"), what students start with ("start": text, thesis or scaffold) and the highest hint ("hintLevel": 1, 2 or 3)'
		);
	const r = await createExercise({
		from: b.from,
		title: typeof b.title === 'string' ? b.title : undefined,
		start,
		hintLevel
	});
	if (!r.ok) return problem(r.status, r.message);
	const id = r.exercise.id;
	cookies.set(joinCookie(id), r.joinKey, teacherCookieOptions(request));
	return json(
		{
			id,
			title: r.exercise.title,
			// Paths: the server cannot know the name students reach it by.
			studentPath: studentPath(r.exercise, r.joinKey),
			teacherPath: `/x/${id}/class?key=${r.teacherKey}`
		},
		{ status: 201 }
	);
};
