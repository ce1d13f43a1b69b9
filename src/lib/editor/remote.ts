/**
 * The only place in the browser that talks to the server about maps. Everything goes through
 * the `Remote` interface, so the editor can be driven headless in tests (with `memoryRemote`)
 * and, later, by a sync provider. Every answer is a value; nothing here throws.
 */
import { MAX_COPY_ATTEMPTS, numberedId, saveRefusal } from '../model/ownership';
import { parseMap } from '../model/parse';
import type { ArgumentMap } from '../model/schema';
import { serializeMap } from '../model/serialize';
import type { ImportedText } from './intake';
import { formatPath } from '../model/problems';

export type LoadResult =
	{ ok: true; map: ArgumentMap; etag: string } | { ok: false; message: string };

export type SaveResult =
	| { ok: true; etag: string }
	| { ok: false; conflict: true; serverEtag?: string }
	| { ok: false; conflict?: false; message: string; details?: string[] };

export type CreateResult =
	/** `notes`: what an imported file's format could not carry into the map. */
	| { ok: true; id: string; etag: string; notes?: string[] }
	| { ok: false; taken: true }
	| { ok: false; taken?: false; message: string; details?: string[] };

/**
 * What a new map is made from: a whole map, or a copy of an existing one (with its title and
 * owner), or a template. `owner` names the person making it; without one the map is shared.
 */
export type CreateBody =
	| { map: ArgumentMap }
	| { from: string; title?: string; owner?: string }
	| { source: ArgumentMap['source']; thesis: string; reasons: number; owner?: string }
	| { file: { name: string; text: string }; owner?: string };

export interface Remote {
	load(id: string): Promise<LoadResult>;
	/** Save over the version named by `ifMatch` ('*' for any); a newer version is a conflict. */
	save(id: string, map: ArgumentMap, ifMatch: string): Promise<SaveResult>;
	/** The ETag of the version on the server now, or undefined when it cannot be had. */
	currentEtag(id: string): Promise<string | undefined>;
	create(id: string, body: CreateBody): Promise<CreateResult>;
	/**
	 * The first of `id`, `id-2` … `id-20` that no map has yet (for proposing a copy's id), or
	 * undefined when all are taken or the server cannot say.
	 */
	freeId(id: string): Promise<string | undefined>;
}

const UNREACHABLE = 'the server could not be reached; your changes are kept in this browser';

/**
 * The Remote over Warrant's HTTP API (`/api/maps`; a student's submission in an exercise is at
 * `/api/x/EXERCISE/submission`, with the same GET and PUT).
 */
export function httpRemote(
	fetcher: typeof fetch = (...a) => fetch(...a),
	base = '/api/maps'
): Remote {
	return {
		async load(id) {
			try {
				const res = await fetcher(`${base}/${id}`, { headers: { Accept: 'application/json' } });
				const parsed = parseMap(await res.text());
				if (!res.ok || !parsed.ok)
					return { ok: false, message: 'the saved map could not be loaded' };
				return { ok: true, map: parsed.map, etag: res.headers.get('etag') ?? '' };
			} catch {
				return { ok: false, message: 'the server could not be reached' };
			}
		},
		async save(id, map, ifMatch) {
			try {
				const res = await fetcher(`${base}/${id}`, {
					method: 'PUT',
					headers: { 'Content-Type': 'application/json', 'If-Match': ifMatch },
					body: JSON.stringify(map)
				});
				if (res.status === 412)
					return { ok: false, conflict: true, serverEtag: res.headers.get('etag') ?? undefined };
				const body: unknown = await res.json().catch(() => ({}));
				if (!res.ok) {
					const m = serverMessage(body, res.status);
					return { ok: false, message: m.message, details: m.details };
				}
				const etag = (body as { etag?: unknown }).etag;
				return {
					ok: true,
					etag: typeof etag === 'string' ? etag : (res.headers.get('etag') ?? '')
				};
			} catch {
				return { ok: false, message: UNREACHABLE };
			}
		},
		async currentEtag(id) {
			try {
				const res = await fetcher(`${base}/${id}`, { headers: { Accept: 'application/json' } });
				return res.headers.get('etag') ?? undefined;
			} catch {
				return undefined;
			}
		},
		async create(id, body) {
			try {
				const res = await fetcher('/api/maps', {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
					body: JSON.stringify({ id, ...body })
				});
				if (res.status === 409) return { ok: false, taken: true };
				const reply: unknown = await res.json().catch(() => null);
				if (res.status !== 201) {
					const m = serverMessage(reply, res.status);
					return { ok: false, message: m.message, details: m.details };
				}
				const notes = serverMessage(
					{ message: '-', problems: (reply as { notes?: unknown })?.notes },
					201
				).details;
				return {
					ok: true,
					id,
					etag: res.headers.get('etag') ?? '',
					...(notes.length ? { notes } : {})
				};
			} catch {
				return { ok: false, message: UNREACHABLE };
			}
		},
		async freeId(id) {
			try {
				const res = await fetcher(`/api/maps?free=${encodeURIComponent(id)}`, {
					headers: { Accept: 'application/json' }
				});
				const reply: unknown = await res.json().catch(() => null);
				const free = (reply as { id?: unknown } | null)?.id;
				return res.ok && typeof free === 'string' ? free : undefined;
			} catch {
				return undefined;
			}
		}
	};
}

/** A page to bring a text in from: its address (the server fetches it), or a saved page. */
export type ImportBody = { url: string } | { html: string; url?: string };

export type ImportResult = { ok: true; text: ImportedText } | { ok: false; message: string };

/**
 * The article in a page, through `POST /api/import`: fetched by the server from an address,
 * or read from a saved page's HTML. A refusal is the server's own sentence ("127.0.0.1 is a
 * private or local address…", "example.org answered 404 (Not Found); the page could not be read.").
 */
export async function importText(
	body: ImportBody,
	fetcher: typeof fetch = (...a) => fetch(...a)
): Promise<ImportResult> {
	try {
		const res = await fetcher('/api/import', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify(body)
		});
		const reply: unknown = await res.json().catch(() => null);
		if (!res.ok) return { ok: false, message: serverMessage(reply, res.status).message };
		// The intake's code loads with its first use: a map page opens without it.
		const { importedTextSchema } = await import('./intake');
		const text = importedTextSchema.safeParse(reply);
		return text.success
			? { ok: true, text: text.data }
			: { ok: false, message: 'The server sent an answer Warrant does not understand.' };
	} catch {
		return { ok: false, message: 'The server could not be reached, so nothing was imported.' };
	}
}

/**
 * A Remote over an in-memory store with the server's rules (ETags; a shared map, or a map's
 * owner, never changed by a save): for tests and for driving the editor headless. `maps` may be
 * pre-filled; `failing` makes every call answer as unreachable, `refusing` every write answer
 * with that message (as a server that refuses the map).
 */
export function memoryRemote(maps: Record<string, ArgumentMap> = {}) {
	let next = 1;
	const store = new Map<string, { map: ArgumentMap; etag: string }>();
	const tag = () => `"v${next++}"`;
	for (const [id, map] of Object.entries(maps)) store.set(id, { map, etag: tag() });
	const state: { failing: boolean; refusing?: string } = { failing: false };
	const remote: Remote & {
		store: typeof store;
		state: typeof state;
		/** Someone else saves: the stored version changes under the editor. */
		saveElsewhere(id: string, map: ArgumentMap): string;
	} = {
		store,
		state,
		saveElsewhere(id, map) {
			const etag = tag();
			store.set(id, { map, etag });
			return etag;
		},
		async load(id) {
			if (state.failing) return { ok: false, message: 'the server could not be reached' };
			const r = store.get(id);
			return r ? { ok: true, map: r.map, etag: r.etag } : { ok: false, message: 'no such map' };
		},
		async save(id, map, ifMatch) {
			if (state.failing) return { ok: false, message: UNREACHABLE };
			if (state.refusing) return { ok: false, message: state.refusing };
			const r = store.get(id);
			if (r && ifMatch !== '*' && ifMatch !== r.etag)
				return { ok: false, conflict: true, serverEtag: r.etag };
			if (r && serializeMap(r.map) === serializeMap(map)) return { ok: true, etag: r.etag };
			const refusal = r && saveRefusal(id, r.map, map);
			if (refusal) return { ok: false, message: refusal };
			const etag = tag();
			store.set(id, { map: structuredClone(map), etag });
			return { ok: true, etag };
		},
		async currentEtag(id) {
			return state.failing ? undefined : store.get(id)?.etag;
		},
		async create(id, body) {
			if (state.failing) return { ok: false, message: UNREACHABLE };
			if (state.refusing) return { ok: false, message: state.refusing };
			if (store.has(id)) return { ok: false, taken: true };
			if (!('map' in body)) return { ok: false, message: 'only whole maps in memory' };
			const etag = tag();
			store.set(id, { map: structuredClone(body.map), etag });
			return { ok: true, id, etag };
		},
		async freeId(id) {
			if (state.failing) return undefined;
			for (let n = 1; n <= MAX_COPY_ATTEMPTS; n++)
				if (!store.has(numberedId(id, n))) return numberedId(id, n);
			return undefined;
		}
	};
	return remote;
}

/** A server error body (`{ message, problems? }`) as lines to show; tolerant of anything. */
/** What reading a file to import gave: the map it makes and what the import left out. */
export type ReadImport =
	| { ok: true; map: ArgumentMap; notes: string[] }
	| { ok: false; cancelled?: boolean; message: string; details: string[] };

/**
 * Read a file to import on the server without making anything (`POST /api/maps` with
 * `check`): the slow part of an import, so `signal` can cancel it and nothing is left behind.
 */
export async function readImport(
	file: { name: string; text: string },
	signal: AbortSignal,
	fetcher: typeof fetch = (...a) => fetch(...a)
): Promise<ReadImport> {
	try {
		const res = await fetcher('/api/maps', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({ check: true, file }),
			signal
		});
		const reply: unknown = await res.json().catch(() => null);
		if (res.status !== 200) return { ok: false, ...serverMessage(reply, res.status) };
		const r = reply as { map?: ArgumentMap; notes?: unknown };
		if (!r?.map) return { ok: false, message: 'the server sent no map', details: [] };
		const notes = serverMessage({ message: '-', problems: r.notes }, 200).details;
		return { ok: true, map: r.map, notes };
	} catch {
		if (signal.aborted) return { ok: false, cancelled: true, message: 'cancelled', details: [] };
		return { ok: false, message: UNREACHABLE_NOW, details: [] };
	}
}
const UNREACHABLE_NOW = 'the server could not be reached';

export function serverMessage(
	body: unknown,
	status: number
): { message: string; details: string[] } {
	const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
	const message =
		typeof b.message === 'string' && b.message
			? b.message
			: `The server answered with status ${status}.`;
	const details = Array.isArray(b.problems)
		? b.problems
				.slice(0, 5)
				.map((p: unknown) => {
					if (typeof p !== 'object' || p === null) return '';
					const { path, message: m } = p as { path?: unknown; message?: unknown };
					const where =
						Array.isArray(path) && path.length
							? `${formatPath(path as (string | number)[])}: `
							: '';
					return typeof m === 'string' ? `${where}${m}` : '';
				})
				.filter(Boolean)
		: [];
	return { message, details };
}
