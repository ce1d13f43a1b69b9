/**
 * Format migrations: ordered steps, each taking a document of version n to n + 1.
 * A step works on plain JSON (before zod), so it must not assume the document is valid.
 * Each step is tested with a frozen fixture of the version it reads (tests/fixtures/).
 */
import { CURRENT_VERSION } from './schema';

type Json = Record<string, unknown>;

/**
 * steps[n] migrates version n to n + 1 (each step's reason is beside it).
 * 1 → 2: version 2 adds optional evaluation fields (verdicts, strengths, flags, schemes); a
 * version 1 map has none, so it carries over as it is. The step exists so that a file written by
 * this Warrant is never read by an older one that would drop those fields.
 */
export const steps: Record<number, (doc: Json) => Json> = {
	1: (doc) => ({ ...doc }),
	2: (doc) => ({ ...doc, nodes: stated(doc.nodes), links: stated(doc.links) }),
	/**
	 * 3 → 4: version 4 adds optional fields only (a reader's `questioned` mark, a reader
	 * statement's `sources`, a map's `owner` and `basedOn`); a version 3 map has none and carries
	 * over as it is: a shared map, owned by nobody. The step keeps a file with questions from
	 * being read by a Warrant that would drop them.
	 */
	3: (doc) => ({ ...doc }),
	/**
	 * 4 → 5: version 5 adds an optional field only (the walkthrough's saved order); a version 4
	 * map has none and is presented in the argument's order. The step keeps a file with an order
	 * from being read by a Warrant that would drop it.
	 */
	4: (doc) => ({ ...doc })
};

/**
 * 2 → 3: version 3 asks of every source item whether the text states it or the reconstruction
 * infers it. A version 2 file does not say, and until then the source layer was read as what
 * the text says, so its items become `stated`; reader items stay without. Anchors need no
 * change: `{ paragraph, quote }` is a version 3 anchor whose quote selector has no context and
 * whose position is found when a text is attached. Anything malformed is left for zod to report.
 */
function stated(items: unknown): unknown {
	if (!Array.isArray(items)) return items;
	return items.map((item: unknown) => {
		if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
		const it = item as Json;
		if (it.origin !== 'source' || 'inText' in it) return it;
		return { ...it, inText: 'stated' };
	});
}

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
