/**
 * Reading maps from arguments/ (store.ts writes them): paths, one read of a file per request,
 * and the parse and validation, kept per file revision. Ids are slugs and are checked before any
 * path is built, so no request can reach outside the folder. The folder is
 * `WARRANT_ARGUMENTS_DIR` when set (tests use a temporary copy), else ./arguments.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseMap, MAX_MAP_BYTES, tooLargeProblem, type ArgumentMap, type Problem } from '../model';
import { BAD_MAP_ID, isSlug } from '../model/ids';
import { KnownParts } from '../model/known-parts';

export const SUFFIX = '.map.json';

export function argumentsDir(): string {
	return resolve(process.env.WARRANT_ARGUMENTS_DIR || 'arguments');
}

export function isMapId(id: string): boolean {
	return isSlug(id);
}

export function mapFile(id: string): string {
	if (!isMapId(id)) throw new Error(`not a map id: ${JSON.stringify(id)}`);
	return join(argumentsDir(), id + SUFFIX);
}

export type LoadResult =
	| { ok: true; id: string; file: string; map: ArgumentMap; etag: string }
	| {
			ok: false;
			id: string;
			file: string;
			status: 400 | 404 | 413 | 422 | 500;
			problems: Problem[];
	  };

/**
 * Maps parsed and validated, by file, with the ETag of the bytes they came from: a request for
 * an unchanged file skips the parse. A map is an immutable value, so callers may share it.
 */
const parsedMaps = new Map<string, { etag: string; map: ArgumentMap }>();
/** Statements and links validated before, by their text: a new revision re-checks only what changed. */
const knownParts = new KnownParts();

/** Drop the parsed copy of a map whose file went away. */
export function forgetParsed(id: string): void {
	parsedMaps.delete(mapFile(id));
}
const PARSED_MAX = 64;

/**
 * A map file's bytes as read once for one request: the page hook reads them to know the
 * revision it may answer from its cache, and hands them to the page's load (no second read).
 */
export interface MapRead {
	id: string;
	/** The file's text; absent when the file is larger than a map may be. */
	text?: string;
	size: number;
	etag?: string;
}

/** Files up to this size are read at once (a few tens of µs), larger ones off the main thread. */
const READ_AT_ONCE = 1024 * 1024;

/**
 * Read a map's file, its size checked first. A small file is read synchronously: the 4–6 trips
 * through the thread pool that an asynchronous read costs (open, stat, read, close) took longer
 * than reading it. Throws what the file system throws (ENOENT for a missing map).
 */
export async function readMapFile(id: string): Promise<MapRead> {
	const file = mapFile(id);
	const size = statSync(file).size;
	if (size > MAX_MAP_BYTES) return { id, size };
	const text = size <= READ_AT_ONCE ? readFileSync(file, 'utf8') : await readFile(file, 'utf8');
	return { id, size, text, etag: etagOf(text) };
}

/**
 * Read and validate one map (or reuse the map of the same bytes read before). Never throws.
 * `read`: the file as this request already read it (readMapFile), when it is this map's.
 */
export async function loadMap(id: string, read?: MapRead): Promise<LoadResult> {
	if (!isMapId(id)) {
		return {
			ok: false,
			id,
			file: '',
			status: 400,
			problems: [
				{
					code: 'io',
					path: [],
					message: BAD_MAP_ID
				}
			]
		};
	}
	const file = mapFile(id);
	const shown = `arguments/${id}${SUFFIX}`;
	try {
		const { size, text, etag } = read?.id === id ? read : await readMapFile(id);
		if (text === undefined || etag === undefined) {
			return {
				ok: false,
				id,
				file: shown,
				status: 413,
				problems: [tooLargeProblem(size)]
			};
		}
		const known = parsedMaps.get(file);
		if (known?.etag === etag) return { ok: true, id, file: shown, map: known.map, etag };
		const parsed = parseMap(text, knownParts);
		if (!parsed.ok) return { ok: false, id, file: shown, status: 422, problems: parsed.problems };
		parsedMaps.delete(file);
		parsedMaps.set(file, { etag, map: parsed.map });
		if (parsedMaps.size > PARSED_MAX) parsedMaps.delete(parsedMaps.keys().next().value!);
		return { ok: true, id, file: shown, map: parsed.map, etag };
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		return {
			ok: false,
			id,
			file: shown,
			status: code === 'ENOENT' ? 404 : 500,
			problems: [
				{
					code: 'io',
					path: [],
					message:
						code === 'ENOENT' ? `there is no map called "${id}"` : 'the map file could not be read'
				}
			]
		};
	}
}

/** A strong ETag of a file's exact bytes. */
export function etagOf(text: string): string {
	return `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
}

/** The current text and ETag of a map file, or undefined when there is none. */
export async function readMapText(id: string): Promise<{ text: string; etag: string } | undefined> {
	try {
		const text = await readFile(mapFile(id), 'utf8');
		return { text, etag: etagOf(text) };
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw e;
	}
}
