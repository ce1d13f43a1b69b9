/**
 * Deleting a map without losing it: the file moves aside into `arguments/.deleted/` and comes
 * back under its id on request (the list's Undo).
 */
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
	SUFFIX,
	argumentsDir,
	exists,
	forgetParsed,
	isMapId,
	locked,
	mapFile,
	readMapText
} from './store';

/** Where deleted maps wait to be restored: a hidden folder no route lists or serves. */
const DELETED_DIR = '.deleted';
/** A deleted map's key: its id and the moment it was deleted. */
const DELETED_KEY = /^([a-z0-9][a-z0-9-]{0,79})\.(\d{13})$/;

export type DeleteResult =
	{ ok: true; restore: string } | { ok: false; status: 404 | 412; message: string; etag?: string };

/**
 * Delete a map: its file moves (one rename, nothing half-done) into `arguments/.deleted/`, from
 * where `restoreMap` brings it back. `ifMatch`, when given, must be the map's current ETag, so a
 * map changed since the reader looked is not deleted unseen.
 */
export async function deleteMap(id: string, ifMatch: string | null): Promise<DeleteResult> {
	return locked(id, async (): Promise<DeleteResult> => {
		const current = await readMapText(id);
		if (!current) return { ok: false, status: 404, message: `there is no map called "${id}"` };
		if (ifMatch && ifMatch !== '*' && ifMatch !== current.etag)
			return {
				ok: false,
				status: 412,
				message: 'the map was changed elsewhere since you opened it',
				etag: current.etag
			};
		const key = `${id}.${String(Date.now()).padStart(13, '0')}`;
		await mkdir(join(argumentsDir(), DELETED_DIR), { recursive: true });
		await rename(mapFile(id), join(argumentsDir(), DELETED_DIR, `${key}${SUFFIX}`));
		forgetParsed(id);
		return { ok: true, restore: key };
	});
}

/** Bring a deleted map back under its id; refused when the key is unknown or the id was taken since. */
export async function restoreMap(
	key: string
): Promise<{ ok: true; id: string } | { ok: false; status: 400 | 404 | 409; message: string }> {
	const m = DELETED_KEY.exec(key);
	if (!m || !isMapId(m[1]!)) return { ok: false, status: 400, message: 'not a deleted map' };
	const id = m[1]!;
	return locked(id, async () => {
		if (await exists(id))
			return {
				ok: false as const,
				status: 409 as const,
				message: `a map called "${id}" exists again, so the deleted one cannot take its place`
			};
		try {
			await rename(join(argumentsDir(), DELETED_DIR, `${key}${SUFFIX}`), mapFile(id));
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code === 'ENOENT')
				return { ok: false as const, status: 404 as const, message: 'that deleted map is gone' };
			throw e;
		}
		return { ok: true as const, id };
	});
}
