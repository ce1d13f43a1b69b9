/**
 * The browser's side of the editor's host: drafts in IndexedDB and the reader's name in
 * localStorage. Kept apart from MapEditor so that the editor runs headless in tests.
 */
import type { DraftStore, EditorHost } from './map-editor.svelte';
import { deleteDraft, loadDraft, saveDraft } from './drafts';

/** Where the reader's name is kept in this browser (the New map form fills it in too). */
export const AUTHOR_STORAGE_KEY = 'warrant.author';

export function browserDrafts(): DraftStore {
	return { load: loadDraft, save: saveDraft, delete: deleteDraft };
}

export function browserPrefs(): NonNullable<EditorHost['prefs']> {
	return {
		author() {
			try {
				return localStorage.getItem(AUTHOR_STORAGE_KEY) ?? undefined;
			} catch {
				return undefined;
			}
		},
		setAuthor(name) {
			try {
				localStorage.setItem(AUTHOR_STORAGE_KEY, name);
			} catch {
				// Private windows may refuse storage: the name then lasts for this visit only.
			}
		}
	};
}
