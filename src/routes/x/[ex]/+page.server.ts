import { error, redirect } from '@sveltejs/kit';
import { layoutMap } from '$lib/layout/run';
import { serializeMap } from '$lib/model/serialize';
import { joinRefusal } from '$lib/server/exercise-keys';
import { loadExercise } from '$lib/server/exercise-store';
import { submissionFor } from '$lib/server/exercises';
import { cookieOptions, studentCookie } from '$lib/server/exercise-http';
import { etagOf } from '$lib/server/store';
import type { PageServerLoad } from './$types';

/**
 * A student's page of an exercise: their own map, and nothing of the reference until the
 * teacher releases it (then it is drawn beside theirs, to read). `?resume=…` (the link given
 * when they joined) puts their credential back into this browser; `?join=…` is the student
 * link's key, needed to join (a replaced link's key is refused with a plain message).
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
	if (!s.ok) {
		const join = url.searchParams.get('join') ?? undefined;
		const refused = joinRefusal(ex, join);
		return { exercise, joined: false as const, join: refused ? undefined : join, refused };
	}
	const map = s.submission.map;
	return {
		exercise,
		joined: true as const,
		name: s.submission.name,
		submission: s.submission.id,
		map,
		layout: await layoutMap(map),
		etag: etagOf(serializeMap(map)),
		// Only once released: before that the reference is never in the page or its data.
		reference: ex.released
			? { map: ex.reference, layout: await layoutMap(ex.reference) }
			: undefined
	};
};
