/**
 * The editor's state, in two parts: the document (the map, its history and its saving) and the
 * view (what this reader is looking at). A peer editing the same map would share the first and
 * never the second. Only MapEditor writes them; components read them through `Readonly` types.
 */
import { History } from '../commands/history';
import type { Status } from '../model/evaluate';
import type { Layer } from '../model/layers';
import type { ArgumentMap, Verdict } from '../model/schema';
import type { Draft } from './drafts';
import type { Dialog, Mode, Panel } from './intent';

export type { Mode };

export type SaveState =
	| { kind: 'saved' }
	| { kind: 'unsaved' }
	| { kind: 'saving' }
	| { kind: 'conflict'; serverEtag?: string }
	| { kind: 'error'; message: string };

export class DocumentState {
	map = $state.raw<ArgumentMap>() as ArgumentMap;
	readonly history = new History();
	/** The history's stamp now and at the last save: equal means nothing to save. */
	stamp = $state(0);
	savedStamp = $state(0);
	/** The ETag of the saved file this document is based on (If-Match on save). */
	etag = $state('');
	save = $state<SaveState>({ kind: 'saved' });
	undoLabel = $state<string | undefined>(undefined);
	redoLabel = $state<string | undefined>(undefined);
	dirty = $derived(this.stamp !== this.savedStamp);

	constructor(map: ArgumentMap, etag: string) {
		this.map = map;
		this.etag = etag;
		this.stamp = this.savedStamp = this.history.stamp;
	}

	/** Read the history's labels and stamp after it changed. */
	sync() {
		this.stamp = this.history.stamp;
		this.undoLabel = this.history.undoLabel;
		this.redoLabel = this.history.redoLabel;
	}
}

export interface Preview {
	id: string;
	verdict: Verdict | undefined;
	changes: { id: string; from: Status; to: Status }[];
}

export interface Message {
	text: string;
	tone: 'info' | 'error';
}

export class ViewState {
	mode = $state<Mode>('critique');
	#selected = $state<string | undefined>(undefined);
	#selectedLink = $state<string | undefined>(undefined);
	/** The selected statement. Selecting one lets go of a selected link. */
	get selected() {
		return this.#selected;
	}
	set selected(id: string | undefined) {
		this.#selected = id;
		if (id) this.#selectedLink = undefined;
	}
	/** The selected link (its actions act on it). Selecting one lets go of a selected statement. */
	get selectedLink() {
		return this.#selectedLink;
	}
	set selectedLink(id: string | undefined) {
		this.#selectedLink = id;
		if (id) this.#selected = undefined;
	}
	/** The statement a selected link was reached from (or else leaves from): it keeps the keys. */
	linkFrom = $state<string | undefined>(undefined);
	/**
	 * Whether Escape goes back to `linkFrom`: the link was reached from that statement (K, its
	 * details). A line clicked on the map was reached from nothing: Escape lets go of it.
	 */
	linkBack = $state(false);
	/** Which layer is shown: the source alone, with the reader's critique, or the critique emphasised. */
	layer = $state<Layer>('critique');
	/** In "As written": only what the text states, without what the reconstruction infers. */
	statedOnly = $state(false);
	/** Claims whose evidence column is folded to a count. */
	collapsed = $state.raw<string[]>([]);
	/** Statements whose subtree is folded away (editor/folding.ts): kept per map in this browser. */
	folded = $state.raw<string[]>([]);
	/** The statement whose text is being edited in place, if any. */
	editing = $state<string | undefined>(undefined);
	/** A verdict being considered: what would change, shown on the map before it is applied. */
	preview = $state<Preview | undefined>(undefined);
	/** The dialog or menu the view should show, if any. */
	dialog = $state<Dialog | undefined>(undefined);
	panels = $state<Record<Panel, boolean>>({ follows: false, source: false, argdown: false });
	/** The last refusal or notice, shown in the status line. */
	message = $state<Message | undefined>(undefined);
	/** An unsaved draft from an earlier visit, waiting for the reader to restore or discard it. */
	restore = $state<{ draft: Draft; summary: string } | undefined>(undefined);
	/** The walkthrough is open over the map (a presentation, step by step). */
	presenting = $state(false);
	/** Who is editing: reader items carry this name. */
	author = $state<string | undefined>(undefined);
}
