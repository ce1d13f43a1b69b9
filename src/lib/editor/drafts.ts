/**
 * Drafts: every edit of an open map is kept in the browser's IndexedDB until it is saved, so a
 * crash, a closed tab or a lost connection loses nothing. One record per map, keyed by its id.
 *
 * The records are plain data (a JSON clone of the map), and what comes back is validated like
 * any other boundary: a draft written by an older Warrant, or damaged, is dropped rather than
 * opened.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { diffMaps } from '$lib/model/diff';
import { validateMap } from '$lib/model/parse';
import type { ArgumentMap } from '$lib/model/schema';

export interface Draft {
	/** The map's id (also the record's key). */
	mapId: string;
	/** The ETag of the saved file the draft started from: saving it sends this as If-Match. */
	baseEtag: string;
	map: ArgumentMap;
	/** When the draft was written, in ms since the epoch (`Date.now()`). */
	savedAt: number;
}

/**
 * The `drafts` store of the `warrant` database. idb-keyval creates the object store only when it
 * creates the database, so this database must hold no other store: put other data elsewhere.
 * idb-keyval opens the database on first use, so creating the handle here is safe on the server.
 */
const store: UseStore = createStore('warrant', 'drafts');

function available(): boolean {
	return typeof indexedDB !== 'undefined';
}

/**
 * Keep a draft, replacing the map's previous one. The map is JSON-cloned first: Svelte state
 * proxies cannot be structured-cloned into IndexedDB.
 * Rejects when the draft cannot be kept (no IndexedDB, quota exceeded), so the caller can tell
 * the person that unsaved edits are not protected.
 */
export async function saveDraft(d: Draft): Promise<void> {
	if (!available()) throw new Error('drafts cannot be kept: this browser offers no IndexedDB');
	const record: Draft = {
		mapId: d.mapId,
		baseEtag: d.baseEtag,
		map: JSON.parse(JSON.stringify(d.map)) as ArgumentMap,
		savedAt: d.savedAt
	};
	await set(d.mapId, record, store);
}

/**
 * The map's draft, or undefined when there is none. A record that is malformed or whose map does
 * not validate is deleted. Never throws: without IndexedDB there are simply no drafts.
 */
export async function loadDraft(mapId: string): Promise<Draft | undefined> {
	if (!available()) return undefined;
	let value: unknown;
	try {
		value = await get(mapId, store);
	} catch {
		return undefined;
	}
	if (value === undefined) return undefined;
	const draft = readDraft(mapId, value);
	if (!draft) await deleteDraft(mapId);
	return draft;
}

/** Forget the map's draft (after a save, or when the person discards it). Never throws. */
export async function deleteDraft(mapId: string): Promise<void> {
	if (!available()) return;
	try {
		await del(mapId, store);
	} catch {
		// Nothing to do: a draft that cannot be deleted is checked again when it is loaded.
	}
}

function readDraft(mapId: string, value: unknown): Draft | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const r = value as Record<string, unknown>;
	if (r.mapId !== mapId || typeof r.baseEtag !== 'string') return undefined;
	if (typeof r.savedAt !== 'number' || !Number.isFinite(r.savedAt)) return undefined;
	const valid = validateMap(r.map);
	if (!valid.ok) return undefined;
	return { mapId, baseEtag: r.baseEtag, map: valid.map, savedAt: r.savedAt };
}

export interface ChangeSummary {
	/** Nodes and links present only in `after`. */
	added: number;
	/** Nodes and links present only in `before`. */
	removed: number;
	/** Nodes and links with the same id whose content differs. */
	changed: number;
	/** A short sentence: "3 statements added, 1 statement edited, 2 links added". */
	text: string;
}

/**
 * What a draft changes compared with the saved map (`diffMaps`): nodes ("statements") and links,
 * matched by id. Key order and the order of items do not count as a change. The counts cover
 * nodes and links only; an edit of the map's title or source adds "source details edited".
 *
 * ```ts
 * describeChanges(saved, draft).text; // "2 statements added, 1 statement edited, 1 link removed"
 * ```
 */
export function describeChanges(before: ArgumentMap, after: ArgumentMap): ChangeSummary {
	const { nodes, links, source, fields } = diffMaps(before, after);
	const parts = [
		count(nodes.added.length, 'statement', 'added'),
		count(nodes.changed.length, 'statement', 'edited'),
		count(nodes.removed.length, 'statement', 'removed'),
		count(links.added.length, 'link', 'added'),
		count(links.changed.length, 'link', 'edited'),
		count(links.removed.length, 'link', 'removed')
	].filter((p): p is string => p !== undefined);
	if (source.length || fields.length) parts.push('source details edited');
	return {
		added: nodes.added.length + links.added.length,
		removed: nodes.removed.length + links.removed.length,
		changed: nodes.changed.length + links.changed.length,
		text: parts.length ? parts.join(', ') : 'no changes'
	};
}

function count(n: number, noun: string, verb: string): string | undefined {
	return n ? `${n} ${noun}${n === 1 ? '' : 's'} ${verb}` : undefined;
}
