import { error, redirect, type Cookies } from '@sveltejs/kit';
import { diffMarks } from '$lib/compare/diff-marks';
import { layoutMap } from '$lib/layout/run';
import { classRows, classSummary } from '$lib/server/exercise-class';
import { canJoin, isTeacher, studentPath } from '$lib/server/exercise-keys';
import { loadExercise } from '$lib/server/exercise-store';
import {
	joinCookie,
	teacherCookie,
	teacherCookieOptions,
	teaches
} from '$lib/server/exercise-http';
import type { PageServerLoad } from './$types';

async function teacherExercise(
	params: { ex: string },
	event: { cookies: Cookies; locals: App.Locals }
) {
	const r = await loadExercise(params.ex);
	if (!r.ok) error(404, { message: 'There is no such exercise.' });
	if (!teaches(r.exercise, event.cookies, event.locals))
		error(403, {
			message:
				'The class view needs the teacher link of this exercise. If the teacher has made a new one, the old link no longer opens it.'
		});
	return r.exercise;
}

/**
 * The class view: every submission with its score and parts, what the class most often missed
 * (a heat strip over the text's paragraphs), one submission beside the reference (`?open=ID`),
 * both maps drawn with the differences marked. `?key=…` (the teacher link) gives this browser
 * the exercise's teacher cookie. Its buttons post to /api/x/ID/teacher.
 */
export const load: PageServerLoad = async (event) => {
	const { params, url, cookies } = event;
	const key = url.searchParams.get('key');
	if (key !== null) {
		const r = await loadExercise(params.ex);
		if (!r.ok || !isTeacher(r.exercise, key))
			error(403, {
				message:
					'That teacher link is not right: it may have been replaced by a new one. Use the newest teacher link.'
			});
		cookies.set(teacherCookie(r.exercise.id), key, teacherCookieOptions(event.request));
		redirect(303, `/x/${r.exercise.id}/class`);
	}
	const ex = await teacherExercise(params, event);
	const rows = await classRows(ex);
	const open = url.searchParams.get('open');
	const chosen = rows.find((r) => r.id === open);
	// The student link's key lives only in the browser it was made in (the server keeps a hash).
	const joinKey = cookies.get(joinCookie(ex.id));
	const joinKnown = ex.joinHash === undefined || (!!joinKey && canJoin(ex, joinKey));
	return {
		exercise: {
			id: ex.id,
			title: ex.title,
			start: ex.start,
			hintLevel: ex.hintLevel,
			from: ex.from,
			released: ex.released
		},
		studentPath: joinKnown ? studentPath(ex, joinKey) : undefined,
		rows: rows.map((r) => ({
			id: r.id,
			name: r.name,
			updated: r.updated,
			checks: r.checks,
			hintsUsed: r.hintsUsed,
			score: r.comparison.score,
			findings: r.comparison.findings.length
		})),
		summary: classSummary(ex, rows),
		open: chosen && {
			id: chosen.id,
			name: chosen.name,
			reference: { map: ex.reference, layout: await layoutMap(ex.reference) },
			student: { map: chosen.map, layout: await layoutMap(chosen.map) },
			diff: diffMarks(ex.reference, chosen.map, chosen.comparison)
		}
	};
};
