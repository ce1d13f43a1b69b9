import { redirect, type RequestHandler } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { TEACHER_COOKIE, accessFromEnv, isSecret } from '$lib/server/access';
import { teacherCookieOptions } from '$lib/server/exercise-http';

/**
 * The teacher link, `/teacher?key=SECRET`: in class mode it gives this browser the teacher's
 * credential (an HTTP-only cookie, never readable by scripts) and goes to the list of maps. A
 * wrong key is refused; without class mode there is nothing to unlock.
 */
export const GET: RequestHandler = ({ url, cookies, request }) => {
	const access = accessFromEnv(env);
	if (!access.secretHash) redirect(303, '/');
	const key = url.searchParams.get('key');
	if (!isSecret(access, key))
		return new Response('That teacher link is not right, or its secret has been changed.\n', {
			status: 401,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	cookies.set(TEACHER_COOKIE, key!, teacherCookieOptions(request));
	redirect(303, '/');
};
