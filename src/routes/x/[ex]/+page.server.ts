import { error, redirect } from '@sveltejs/kit';
import { layoutMap } from '$lib/layout/run';
import { serializeMap } from '$lib/model/serialize';
import { loadExercise, submissionFor } from '$lib/server/exercises';
import { cookieOptions, studentCookie } from '$lib/server/exercise-http';
import { etagOf } from '$lib/server/store';
import type { PageServerLoad } from './$types';

/**
 * A student's page of an exercise: their own map and nothing of the reference. `?resume=…`
 * (the link given when they joined) puts their credential back into this browser.
 */
export const load: PageServerLoad = async ({ params, url, cookies, request }) => {
	const r = await loadExercise(params.ex);
	if (!r.ok) error(404, { message: 'There is no such exercise: check the link you were given.' });
	const ex = r.exercise;
	const resume = url.searchParams.get('resume');
	if (resume !== null) {
		const s = await submissionFor(ex, resume);
		if (!s.ok) error(403, { message: 'That resume link is not right.' });
		cookies.set(studentCookie(ex.id), resume, cookieOptions(request));
		redirect(303, `/x/${ex.id}`);
	}
	const exercise = { id: ex.id, title: ex.title, start: ex.start, hintLevel: ex.hintLevel };
	const s = await submissionFor(ex, cookies.get(studentCookie(ex.id)));
	if (!s.ok) return { exercise, joined: false as const };
	const map = s.submission.map;
	return {
		exercise,
		joined: true as const,
		name: s.submission.name,
		submission: s.submission.id,
		map,
		layout: await layoutMap(map),
		etag: etagOf(serializeMap(map))
	};
};
