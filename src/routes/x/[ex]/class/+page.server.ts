import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import {
	classRows,
	classSummary,
	deleteSubmission,
	isTeacher,
	loadExercise,
	updateReference
} from '$lib/server/exercises';
import { cookieOptions, teacherCookie, teaches } from '$lib/server/exercise-http';
import type { Actions, PageServerLoad } from './$types';

async function teacherExercise(
	params: { ex: string },
	event: { cookies: Cookies; locals: App.Locals }
) {
	const r = await loadExercise(params.ex);
	if (!r.ok) error(404, { message: 'There is no such exercise.' });
	if (!teaches(r.exercise, event.cookies, event.locals))
		error(403, { message: 'The class view needs the teacher link of this exercise.' });
	return r.exercise;
}

/**
 * The class view: every submission with its score and parts, what the class most often missed
 * (a heat strip over the text's paragraphs), one submission beside the reference (`?open=ID`).
 * `?key=…` (the teacher link) gives this browser the exercise's teacher cookie.
 */
export const load: PageServerLoad = async (event) => {
	const { params, url, cookies } = event;
	const key = url.searchParams.get('key');
	if (key !== null) {
		const r = await loadExercise(params.ex);
		if (!r.ok || !isTeacher(r.exercise, key))
			error(403, { message: 'That teacher link is not right.' });
		cookies.set(teacherCookie(r.exercise.id), key, {
			...cookieOptions(event.request),
			sameSite: 'strict'
		});
		redirect(303, `/x/${r.exercise.id}/class`);
	}
	const ex = await teacherExercise(params, event);
	const rows = await classRows(ex);
	const open = url.searchParams.get('open');
	const chosen = rows.find((r) => r.id === open);
	return {
		exercise: {
			id: ex.id,
			title: ex.title,
			start: ex.start,
			hintLevel: ex.hintLevel,
			from: ex.from
		},
		studentPath: `/x/${ex.id}`,
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
			reference: ex.reference.nodes.map((n) => ({
				id: n.id,
				kind: n.kind,
				text: n.text,
				missing: chosen.comparison.structure.missingStatements.includes(n.id)
			})),
			findings: chosen.comparison.findings.map((f) => ({
				id: f.id,
				message: f.message,
				severity: f.severity
			}))
		}
	};
};

export const actions: Actions = {
	/** Pin the source map as it is now; every submission is scored anew. */
	update: async (event) => {
		const ex = await teacherExercise(event.params, event);
		const r = await updateReference(ex);
		if (!r.ok) return fail(r.status, { message: r.message });
		return { message: 'The reference is the map as it is now; every submission is scored anew.' };
	},
	/** Delete one student's work. */
	delete: async (event) => {
		const ex = await teacherExercise(event.params, event);
		const id = (await event.request.formData()).get('submission');
		if (typeof id !== 'string' || !(await deleteSubmission(ex, id)))
			return fail(400, { message: 'Say which submission to delete.' });
		return { message: 'That student’s work is deleted.' };
	}
};
