/**
 * The browser's side of the editor's host: drafts in IndexedDB and the reader's name in
 * localStorage. Kept apart from MapEditor so that the editor runs headless in tests.
 */
import type { DraftStore, EditorHost } from './map-editor.svelte';
import { deleteDraft, loadDraft, saveDraft, type Draft } from './drafts';

/** Where the reader's name is kept in this browser (the New map form fills it in too). */
export const AUTHOR_STORAGE_KEY = 'warrant.author';

/** The reader's name as this browser remembers it, or undefined (none, or storage blocked). */
export function rememberedAuthor(): string | undefined {
	try {
		return localStorage.getItem(AUTHOR_STORAGE_KEY)?.trim() || undefined;
	} catch {
		return undefined;
	}
}

export function browserDrafts(): DraftStore {
	const drafts = coalesceDrafts({ load: loadDraft, save: saveDraft, delete: deleteDraft });
	addEventListener('pagehide', () => void drafts.flush());
	return drafts;
}

/**
 * Draft writes taken off the key press's task and coalesced: a save waits `wait` ms, and saves
 * of the same map meanwhile replace it, so a burst of edits costs one clone and one write. A
 * delete cancels the map's waiting save; a load sees it. Each save's promise settles with the
 * write that carried it (or at once when a later save or a delete replaced it).
 */
export function coalesceDrafts(
	inner: DraftStore,
	wait = 200
): DraftStore & { flush(): Promise<void> } {
	type Waiter = { ok: () => void; fail: (e: unknown) => void };
	const pending = new Map<string, { draft: Draft; waiters: Waiter[] }>();
	let timer: ReturnType<typeof setTimeout> | undefined;

	function write(key: string): Promise<void> {
		const p = pending.get(key);
		if (!p) return Promise.resolve();
		pending.delete(key);
		return inner.save(p.draft).then(
			() => p.waiters.forEach((w) => w.ok()),
			(e: unknown) => p.waiters.forEach((w) => w.fail(e))
		);
	}
	async function flush(): Promise<void> {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		await Promise.all([...pending.keys()].map(write));
	}
	return {
		flush,
		save(draft) {
			return new Promise<void>((ok, fail) => {
				const earlier = pending.get(draft.mapId);
				pending.set(draft.mapId, {
					draft,
					waiters: [...(earlier?.waiters ?? []), { ok, fail }]
				});
				timer ??= setTimeout(() => void flush(), wait);
			});
		},
		async load(key) {
			return pending.get(key)?.draft ?? inner.load(key);
		},
		async delete(key) {
			pending.get(key)?.waiters.forEach((w) => w.ok());
			pending.delete(key);
			await inner.delete(key);
		}
	};
}

export function browserPrefs(): NonNullable<EditorHost['prefs']> {
	return {
		author: rememberedAuthor,
		setAuthor(name) {
			try {
				localStorage.setItem(AUTHOR_STORAGE_KEY, name);
			} catch {
				// Private windows may refuse storage: the name then lasts for this visit only.
			}
		}
	};
}
