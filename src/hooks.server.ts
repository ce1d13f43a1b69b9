import type { Handle, ServerInit } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { TEACHER_COOKIE, accessFromEnv, decide, type AccessConfig } from '$lib/server/access';
import { layoutMap } from '$lib/layout/run';
import { syntheticWarmup } from '$lib/layout/warmup';

// ELK is slow when cold (230–400 ms for the first layout in a fresh process, 35 ms warm):
// lay out a small map at boot so the first visitor gets a warm layout.
export const init: ServerInit = async () => {
	try {
		await layoutMap(syntheticWarmup());
	} catch {
		// A failed warm-up only costs the first request its speed.
	}
};

let access: AccessConfig | undefined;

/**
 * Every request passes the access rules (server/access.ts): the Host must name this server and,
 * in class mode, the teacher's credential is needed outside the student's paths. A refusal is a
 * short plain sentence, never a page of the app.
 */
export const handle: Handle = async ({ event, resolve }) => {
	access ??= accessFromEnv(env);
	const d = decide(access, {
		method: event.request.method,
		path: event.url.pathname,
		host: event.request.headers.get('host'),
		cookie: event.cookies.get(TEACHER_COOKIE),
		authorization: event.request.headers.get('authorization')
	});
	if (!d.ok)
		return new Response(`${d.message}\n`, {
			status: d.status,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	return resolve(event);
};
