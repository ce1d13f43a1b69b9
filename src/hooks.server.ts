import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { env } from '$env/dynamic/private';
import { TEACHER_COOKIE, accessFromEnv, decide, type AccessConfig } from '$lib/server/access';
import { layoutMap } from '$lib/layout/run';
import { syntheticWarmup } from '$lib/layout/warmup';
import {
	chooseEncoding,
	compressAhead,
	compressed,
	type Ahead,
	LruCache,
	toResponse,
	type StoredResponse
} from '$lib/server/page-cache';
import { isMapId, readMapFile } from '$lib/server/store';
import { FOLD_COOKIE } from '$lib/editor/folding';
import { CANVAS_COOKIE, sizeFromCookie } from '$lib/canvas/canvas-size';
import { PagePayloads } from '$lib/transport/page-payloads';
import { idleCollector } from '$lib/server/idle-gc';

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
const guard: Handle = async ({ event, resolve }) => {
	access ??= accessFromEnv(env);
	const d = decide(access, {
		method: event.request.method,
		path: event.url.pathname,
		host: event.request.headers.get('host'),
		cookie: event.cookies.get(TEACHER_COOKIE),
		authorization: event.request.headers.get('authorization')
	});
	if (d.ok) {
		event.locals.teacher = d.teacher;
		event.locals.proven = d.proven;
	}
	if (!d.ok)
		return new Response(`${d.message}\n`, {
			status: d.status,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	return resolve(event);
};

/** Map pages, as sent, by path, file revision (ETag) and encoding. */
const pages = new LruCache<StoredResponse>(64);

/**
 * The revision of the map a request shows, when it is a plain GET of a map page. The file read
 * for it is handed to the page's load (locals.mapRead), which then does not read it again.
 */
async function mapRevision(event: Parameters<Handle>[0]['event']): Promise<string | undefined> {
	if (event.request.method !== 'GET' || event.isDataRequest || event.url.search) return;
	const id = /^\/maps\/([^/]+)$/.exec(event.url.pathname)?.[1];
	if (!id || !isMapId(id)) return;
	const read = await readMapFile(id).catch(() => undefined);
	event.locals.mapRead = read;
	return read?.etag;
}

/**
 * Compress what the app answers (adapter-node compresses only static files), and answer a map
 * page from the cache while its file is unchanged: the page is a function of the file, of the
 * folds the browser's cookie asks for (editor/folding.ts) and of its canvas size (first view).
 */
const compressAndCache: Handle = async ({ event, resolve }) => {
	const encoding = chooseEncoding(event.request.headers.get('accept-encoding'));
	const revision = await mapRevision(event);
	const folds = event.cookies.get(FOLD_COOKIE) ?? '';
	// The first view is drawn for the canvas size the browser keeps (canvas/canvas-size.ts).
	const canvas = sizeFromCookie(event.cookies.get(CANVAS_COOKIE));
	const drawnFor = canvas ? `${canvas.width}x${canvas.height}` : '';
	const key =
		revision &&
		`${event.url.pathname}|${revision}|${encoding ?? 'identity'}|${drawnFor}|${folds.slice(0, 4096)}`;
	const hit = key ? pages.get(key) : undefined;
	if (hit) return toResponse(hit);

	let ahead: Ahead | undefined;
	const response = await resolve(event, {
		transformPageChunk: ({ html, done }) => {
			const page = PagePayloads.fill(html, event.locals.pagePayloads);
			// Compressed from here on, on the thread pool, while SvelteKit hashes the page.
			if (done && encoding) ahead = compressAhead(page, encoding);
			return page;
		}
	});
	const stored = await compressed(response, encoding, ahead);
	if (!stored) return response;
	// Kept only when the page was made from the revision it is kept under (the file may have
	// changed between reading its revision here and the page's load reading it).
	if (key && stored.status === 200 && !response.headers.has('set-cookie')) {
		if (event.locals.mapRevision === revision) pages.set(key, stored);
	}
	return toResponse(stored);
};

/** Every request counted in flight, so that garbage is collected between them (server/idle-gc.ts). */
const counted: Handle = ({ event, resolve }) => idleCollector.asRequest(async () => resolve(event));

/** The access rules before any answer: nothing, not even a cached page, is answered past them. */
export const handle = sequence(counted, guard, compressAndCache);
