/**
 * The file store over arguments/: the only code that touches the disk. Ids are slugs and are
 * checked before any path is built, so no request can reach outside the folder.
 * The folder is `WARRANT_ARGUMENTS_DIR` when set (tests use a temporary copy), else ./arguments.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
	parseMap,
	MAX_MAP_BYTES,
	type ArgumentMap,
	type Problem,
	countMap,
	type MapCounts
} from '../model';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SUFFIX = '.map.json';

export function argumentsDir(): string {
	return resolve(process.env.WARRANT_ARGUMENTS_DIR || 'arguments');
}

export function isMapId(id: string): boolean {
	return id.length <= 64 && ID.test(id);
}

export function mapFile(id: string): string {
	if (!isMapId(id)) throw new Error(`not a map id: ${JSON.stringify(id)}`);
	return join(argumentsDir(), id + SUFFIX);
}

export type LoadResult =
	| { ok: true; id: string; file: string; map: ArgumentMap }
	| {
			ok: false;
			id: string;
			file: string;
			status: 400 | 404 | 413 | 422 | 500;
			problems: Problem[];
	  };

/** Read and validate one map. Never throws. */
export async function loadMap(id: string): Promise<LoadResult> {
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
					message: 'a map id is a slug: lower-case letters, digits and single hyphens'
				}
			]
		};
	}
	const file = mapFile(id);
	const shown = `arguments/${id}${SUFFIX}`;
	try {
		const info = await stat(file);
		if (info.size > MAX_MAP_BYTES) {
			return {
				ok: false,
				id,
				file: shown,
				status: 413,
				problems: [
					{
						code: 'too-large',
						path: [],
						line: 1,
						message: `the file is ${(info.size / 1048576).toFixed(1)} MB; a map may be at most ${MAX_MAP_BYTES / 1048576} MB`
					}
				]
			};
		}
		const text = await readFile(file, 'utf8');
		const parsed = parseMap(text);
		return parsed.ok
			? { ok: true, id, file: shown, map: parsed.map }
			: { ok: false, id, file: shown, status: 422, problems: parsed.problems };
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

export interface MapSummary {
	id: string;
	file: string;
	title?: string;
	source?: { title: string; author?: string; publication?: string; date?: string };
	counts?: MapCounts;
	problems?: Problem[];
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
	return Promise.all(
		ids.map(async (id): Promise<MapSummary> => {
			const r = await loadMap(id);
			if (!r.ok) return { id, file: r.file, problems: r.problems };
			const { title, author, publication, date } = r.map.source;
			return {
				id,
				file: r.file,
				title: r.map.title ?? title,
				source: { title, author, publication, date },
				counts: countMap(r.map)
			};
		})
	);
}
