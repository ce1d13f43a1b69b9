/**
 * Cheap pages: responses compressed (brotli or gzip, as the client accepts: adapter-node
 * compresses only its static files), and a map page kept per revision of its file, so a second
 * request for the same revision costs a file read and a hash instead of a parse, a layout and a
 * render. A revision is the file's ETag: a save writes new bytes, so the next request misses.
 */
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';

export type Encoding = 'br' | 'gzip';

/** The encoding to answer with, from an Accept-Encoding header: brotli first, else gzip. */
export function chooseEncoding(accept: string | null): Encoding | undefined {
	const offered = new Map<string, number>();
	for (const part of (accept ?? '').toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		offered.set(name, q ? Number(q.slice(2)) : 1);
	}
	const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
	return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

/** Below this many bytes compressing costs more than it saves. */
export const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Compress bytes: brotli at quality 4, gzip at level 4. A map page is compressed once per
 * revision, while its first visitor waits: on the article's page (226 KB) brotli 5 took 1.56 ms
 * for 22.1 KB, 4 takes 1.09 ms for 24.5 KB; gzip 6 1.52 ms for 28.7 KB, 4 1.00 ms for 30.6 KB.
 */
export async function compress(body: Uint8Array, encoding: Encoding): Promise<Uint8Array> {
	return encoding === 'br'
		? brotli(body, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: 4,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
				}
			})
		: gz(body, { level: 4 });
}

/** A response ready to be sent again: its status, headers and (maybe compressed) body. */
export interface StoredResponse {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
}

/** A page's bytes, and their compression begun before its response was made (compressAhead). */
export interface Ahead {
	raw: Uint8Array;
	encoding: Encoding;
	/** Undefined below MIN_BYTES. */
	body?: Promise<Uint8Array>;
}

const utf8 = new TextEncoder();

/**
 * Begin compressing a page's final HTML (hooks.server.ts calls it from transformPageChunk): the
 * thread pool compresses while SvelteKit hashes the page for its ETag and makes the response
 * (0.8 ms on the article map, about as long as brotli takes).
 */
export function compressAhead(html: string, encoding: Encoding): Ahead {
	const raw = utf8.encode(html);
	const body = raw.byteLength >= MIN_BYTES ? compress(raw, encoding) : undefined;
	// Not awaited when the response turns out to be another one; a failure then is nobody's.
	body?.catch(() => {});
	return { raw, encoding, body };
}

/**
 * The response compressed when the client accepts it and it is worth it (a compressible type,
 * at least MIN_BYTES, not already encoded, not a stream of events). Otherwise as it came.
 * `ahead`: the page compressed ahead, used when the response is that page: a whole page
 * SvelteKit rendered (it gives an ETag only to a page it did not stream), in that encoding.
 */
export async function compressed(
	response: Response,
	encoding: Encoding | undefined,
	ahead?: Ahead
): Promise<StoredResponse | undefined> {
	const type = response.headers.get('content-type') ?? '';
	if (
		!encoding ||
		!response.body ||
		response.headers.has('content-encoding') ||
		!COMPRESSIBLE.test(type) ||
		type.startsWith('text/event-stream')
	)
		return undefined;
	const early =
		ahead?.encoding === encoding && type.startsWith('text/html') && response.headers.has('etag')
			? ahead
			: undefined;
	if (early) void response.body.cancel();
	const raw = early ? early.raw : new Uint8Array(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	const vary = headers.get('vary');
	if (!vary?.toLowerCase().includes('accept-encoding'))
		headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
	let body: Uint8Array = raw;
	if (raw.byteLength >= MIN_BYTES) {
		body = await (early?.body ?? compress(raw, encoding));
		headers.set('content-encoding', encoding);
	}
	headers.set('content-length', String(body.byteLength));
	return { status: response.status, headers: [...headers], body };
}

export function toResponse(stored: StoredResponse): Response {
	return new Response(stored.body as BodyInit, {
		status: stored.status,
		headers: stored.headers
	});
}

/** The last `max` entries, the least recently used dropped first. */
export class LruCache<V> {
	#entries = new Map<string, V>();
	constructor(readonly max: number) {}

	get(key: string): V | undefined {
		const v = this.#entries.get(key);
		if (v === undefined) return undefined;
		this.#entries.delete(key);
		this.#entries.set(key, v);
		return v;
	}

	set(key: string, value: V): void {
		this.#entries.delete(key);
		this.#entries.set(key, value);
		while (this.#entries.size > this.max) {
			const oldest = this.#entries.keys().next().value as string;
			this.#entries.delete(oldest);
		}
	}

	delete(key: string): void {
		this.#entries.delete(key);
	}

	get size(): number {
		return this.#entries.size;
	}
}
