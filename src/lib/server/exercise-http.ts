/**
 * The exercise routes' shared checks: the exercise from the URL (404), the student from their
 * cookie (403), the teacher from the exercise's key cookie or the server's teacher credential.
 */
import type { Cookies } from '@sveltejs/kit';
import { isTeacher } from './exercise-keys';
import { loadExercise, type Exercise, type Submission } from './exercise-store';
import { submissionFor } from './exercises';
import { problem } from './http';

/** The cookie holding a student's credential for one exercise. */
export const studentCookie = (exercise: string) => `wx_${exercise}`;
/** The cookie holding the teacher key of one exercise. */
export const teacherCookie = (exercise: string) => `wxt_${exercise}`;
/**
 * The cookie, in the teacher's browser only, holding the student link's key: the server keeps
 * just its hash, so this is how the class view can show the link again after it was made.
 */
export const joinCookie = (exercise: string) => `wxj_${exercise}`;

/**
 * The cookies' settings. `secure` only where the app is really served over HTTPS (ORIGIN says
 * so, or a proxy's X-Forwarded-Proto): adapter-node reports https by default, and a secure
 * cookie would be dropped by a browser on a class's plain-HTTP network.
 */
export function cookieOptions(request: Request) {
	const https =
		(process.env.ORIGIN ?? '').startsWith('https:') ||
		request.headers.get('x-forwarded-proto') === 'https';
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		maxAge: 60 * 60 * 24 * 365,
		secure: https
	} as const;
}

/** The teacher-only cookies' settings: as `cookieOptions`, never sent from another site. */
export const teacherCookieOptions = (request: Request) =>
	({ ...cookieOptions(request), sameSite: 'strict' }) as const;

type Got<T> = { ok: true; value: T } | { ok: false; response: Response };

export async function exerciseOf(id: string): Promise<Got<Exercise>> {
	const r = await loadExercise(id);
	return r.ok
		? { ok: true, value: r.exercise }
		: { ok: false, response: problem(r.status, r.message) };
}

export async function studentOf(exercise: Exercise, cookies: Cookies): Promise<Got<Submission>> {
	const r = await submissionFor(exercise, cookies.get(studentCookie(exercise.id)));
	return r.ok
		? { ok: true, value: r.submission }
		: { ok: false, response: problem(r.status, r.message) };
}

/**
 * The teacher of this exercise: its key's cookie (from the teacher link), or the class-mode
 * teacher secret. On a machine of one's own the key is still needed: a student sharing the
 * machine must not open the class view.
 */
export function teaches(exercise: Exercise, cookies: Cookies, locals: App.Locals): boolean {
	return isTeacher(exercise, cookies.get(teacherCookie(exercise.id))) || locals.proven;
}
