/**
 * The file store over arguments/: with map-read.ts (paths, reading, the parse kept per
 * revision, re-exported here), the only code that touches the maps on disk. This half lists,
 * saves and creates maps: atomic writes, one writer per map, ETag preconditions.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
	parseMap,
	validateMap,
	serializeMap,
	MAX_MAP_BYTES,
	MAP_SIZE_RULE,
	type ArgumentMap,
	type Problem,
	countMap,
	type MapCounts
} from '../model';
import {
	SUFFIX,
	argumentsDir,
	isMapId,
	mapFile,
	forgetParsed,
	loadMap,
	etagOf,
	readMapText
} from './map-read';
import { BAD_MAP_ID } from '../model/ids';
import { MAX_COPY_ATTEMPTS, numberedId, revisionOf, saveRefusal } from '../model/ownership';

export {
	SUFFIX,
	argumentsDir,
	isMapId,
	mapFile,
	forgetParsed,
	readMapFile,
	loadMap,
	etagOf,
	readMapText,
	type LoadResult,
	type MapRead
} from './map-read';

export interface MapSummary {
	id: string;
	file: string;
	title?: string;
	source?: { title: string; author?: string; publication?: string; date?: string };
	counts?: MapCounts;
	problems?: Problem[];
	/** Whose map it is; absent for a shared map. */
	owner?: string;
	/** It carries the text it maps (an exercise can be made of it). */
	hasText?: boolean;
	/**
	 * What it is a copy of: the original's id, its title when it is still here, and whether it
	 * has changed since the copy was made.
	 */
	basedOn?: { id: string; title?: string; changed?: boolean };
}

/** Every map in the folder, valid or not (an invalid one is listed with its problems). */
export async function listMaps(): Promise<MapSummary[]> {
	let names: string[];
	try {
		names = await readdir(argumentsDir());
	} catch {
		return [];
	}
	const ids = names
		.filter((n) => n.endsWith(SUFFIX))
		.map((n) => n.slice(0, -SUFFIX.length))
		.filter(isMapId)
		.sort();
	const loaded = await Promise.all(
		ids.map(async (id) => {
			const r = await loadMap(id);
			if (!r.ok) return { summary: { id, file: r.file, problems: r.problems } as MapSummary };
			const { title, author, publication, date } = r.map.source;
			const summary: MapSummary = {
				id,
				file: r.file,
				title: r.map.title ?? title,
				source: { title, author, publication, date },
				counts: countMap(r.map),
				...(r.map.owner ? { owner: r.map.owner } : {}),
				...(r.map.text ? { hasText: true } : {})
			};
			return { summary, revision: revisionOf(r.etag), basedOn: r.map.basedOn };
		})
	);
	// A copy names its original as it is now: its title, and whether it changed since.
	const byId = new Map(loaded.map((m) => [m.summary.id, m]));
	return loaded.map(({ summary, basedOn }) => {
		if (!basedOn) return summary;
		const original = byId.get(basedOn.id);
		return {
			...summary,
			basedOn: {
				id: basedOn.id,
				...(original?.summary.title ? { title: original.summary.title } : {}),
				...(original?.revision ? { changed: original.revision !== basedOn.revision } : {})
			}
		};
	});
}

/** Test hook: runs after the temporary file is written and before it replaces the map. */
export const testHooks: { beforeRename?: (tmp: string) => Promise<void> | void } = {};

/**
 * Write `text` to `file` atomically: a temporary file in the same folder, flushed to disk, then
 * renamed over the target. A crash at any point leaves either the old file or the new one,
 * never half of one. With `exclusive`, an existing file is never replaced.
 */
export async function writeAtomic(file: string, text: string, exclusive = false): Promise<void> {
	const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
	const handle = await open(tmp, 'wx', 0o644);
	try {
		await handle.writeFile(text, 'utf8');
		await handle.sync();
	} finally {
		await handle.close();
	}
	try {
		await testHooks.beforeRename?.(tmp);
		// link() refuses to replace an existing file; rename() replaces it in one step.
		if (exclusive) {
			await link(tmp, file);
			await unlink(tmp);
		} else await rename(tmp, file);
	} catch (e) {
		await unlink(tmp).catch(() => {});
		throw e;
	}
}

// One save at a time per map, so "check the ETag, then write" cannot interleave.
const locks = new Map<string, Promise<unknown>>();
export async function locked<T>(id: string, fn: () => Promise<T>): Promise<T> {
	const before = locks.get(id) ?? Promise.resolve();
	const run = before.then(fn, fn);
	locks.set(
		id,
		run.catch(() => {})
	);
	return run;
}

export type SaveResult =
	| { ok: true; etag: string; text: string }
	| {
			ok: false;
			status: 400 | 403 | 404 | 409 | 412 | 413 | 422 | 428 | 500;
			message: string;
			problems?: Problem[];
			etag?: string;
	  };

/** What every write checks first: the id, the map (schema and integrity) and its size. */
function prepare(
	id: string,
	value: unknown
): { ok: true; text: string; map: ArgumentMap } | (SaveResult & { ok: false }) {
	if (!isMapId(id)) {
		return {
			ok: false,
			status: 400,
			message: BAD_MAP_ID
		};
	}
	const valid = validateMap(value);
	if (!valid.ok)
		return { ok: false, status: 422, message: 'the map is not valid', problems: valid.problems };
	const text = serializeMap(valid.map);
	if (new TextEncoder().encode(text).length > MAX_MAP_BYTES) {
		return {
			ok: false,
			status: 413,
			message: MAP_SIZE_RULE
		};
	}
	return { ok: true, text, map: valid.map };
}

/**
 * Save a map over an existing file. `ifMatch` must be the ETag the client last saw: a save
 * based on an older version is refused (412) rather than overwriting someone's work. A shared
 * map (one without an owner) is never changed this way, nor a map's owner or origin (403,
 * `model/ownership`): the app saves a reader's work on it as their own copy. The CLI and hand
 * edits write files directly and are not bound by this.
 */
export async function saveMap(
	id: string,
	value: unknown,
	ifMatch: string | null
): Promise<SaveResult> {
	if (!ifMatch && isMapId(id)) {
		return {
			ok: false,
			status: 428,
			message: 'a save must say which version it replaces (If-Match)'
		};
	}
	const ready = prepare(id, value);
	if (!ready.ok) return ready;
	const { text } = ready;
	return locked(id, async (): Promise<SaveResult> => {
		const current = await readMapText(id);
		if (!current) return { ok: false, status: 404, message: `there is no map called "${id}"` };
		if (ifMatch !== '*' && ifMatch !== current.etag) {
			return {
				ok: false,
				status: 412,
				message: 'the map was changed elsewhere since you opened it',
				etag: current.etag
			};
		}
		if (current.text === text) return { ok: true, etag: current.etag, text };
		// A file that does not parse names no owner anyone could keep: a valid save may mend it.
		const saved = parseMap(current.text);
		const refusal = saved.ok ? saveRefusal(id, saved.map, ready.map) : undefined;
		if (refusal) return { ok: false, status: 403, message: refusal };
		await writeAtomic(mapFile(id), text);
		forgetParsed(id);
		return { ok: true, etag: etagOf(text), text };
	});
}

/**
 * Create a new map file; refuses (409) to replace one that exists, and (422) a copy based on a
 * map that is not there.
 */
export async function createMap(id: string, value: unknown): Promise<SaveResult> {
	const ready = prepare(id, value);
	if (!ready.ok) return ready;
	const { text } = ready;
	const original = ready.map.basedOn?.id;
	if (original && !(await exists(original)))
		return {
			ok: false,
			status: 422,
			message: `basedOn.id: there is no map called "${original}" to base a copy on`
		};
	return locked(id, async (): Promise<SaveResult> => {
		try {
			await writeAtomic(mapFile(id), text, true);
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code === 'EEXIST')
				return { ok: false, status: 409, message: `a map called "${id}" already exists` };
			throw e;
		}
		return { ok: true, etag: etagOf(text), text };
	});
}

/** Whether a map file with this id is there now. */
export async function exists(id: string): Promise<boolean> {
	try {
		await stat(mapFile(id));
		return true;
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
		throw e;
	}
}

/** The first id of `base`, `base-2` … `base-20` that no map has, or undefined when all are taken. */
export async function freeMapId(base: string): Promise<string | undefined> {
	if (!isMapId(base)) return undefined;
	for (let n = 1; n <= MAX_COPY_ATTEMPTS; n++) {
		const id = numberedId(base, n);
		if (!(await exists(id))) return id;
	}
	return undefined;
}
