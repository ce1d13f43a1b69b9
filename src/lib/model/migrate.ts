/**
 * Format migrations: ordered steps, each taking a document of version n to n + 1.
 * A step works on plain JSON (before zod), so it must not assume the document is valid.
 * Each step is tested with a frozen fixture of the version it reads (tests/fixtures/).
 */
import { CURRENT_VERSION } from './schema';

type Json = Record<string, unknown>;

/** steps[n] migrates version n to n + 1. Version 1 is the first: nothing to migrate yet. */
export const steps: Record<number, (doc: Json) => Json> = {};

export type MigrateResult = { ok: true; doc: Json; from: number } | { ok: false; message: string };

export function migrate(doc: Json): MigrateResult {
	const version = doc.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return { ok: false, message: `must be a whole number from 1 to ${CURRENT_VERSION}` };
	}
	if (version > CURRENT_VERSION) {
		return {
			ok: false,
			message: `this map is format version ${version}, made by a newer Warrant; this one reads up to version ${CURRENT_VERSION}`
		};
	}
	let current = doc;
	for (let v = version; v < CURRENT_VERSION; v++) {
		const step = steps[v];
		if (!step) return { ok: false, message: `no migration from version ${v}` };
		current = { ...step(current), version: v + 1 };
	}
	return { ok: true, doc: current, from: version };
}
