/**
 * The one stateful owner of an open map. Every way in (a key, a toolbar button, a menu item, a
 * panel field, a drag, later a text selection or a text pane) is an `Intent` passed to
 * `dispatch`; the editor applies the rules (layers, who is editing, the fresh-statement cycle),
 * turns the intent into a command, records it for undo, lays the map out again in the worker,
 * keeps a draft, and saves through `Remote`. Components only read and dispatch.
 */
import type { MapLayout } from '../layout/types';
import { keepUnchanged } from '../layout/provisional';
import { WARM_FROM } from '../layout/client';
import { evaluateAfter, type Evaluated, type Evaluation } from '../model/evaluate';
import { asWritten } from '../model/layers';
import { isOwner } from '../model/ownership';
import { childrenOf, displayName, indexMap, parentOf, type MapIndex } from '../model/queries';
import type { ArgumentMap } from '../model/schema';
import { unfoldTo } from '../layout/folding';
import { describeChanges } from './drafts';
import type { EditorContext, EditorHost, Handler, Handlers } from './editor-context';
import { mayAdd } from './editor-steps';
import { actHandlers } from './handle-act';
import { linkHandlers } from './handle-links';
import { savingHandlers } from './handle-saving';
import { sourceHandlers } from './handle-source';
import { textHandlers } from './handle-text';
import { setFolds, viewHandlers } from './handle-view';
import type { Intent } from './intent';
import { DocumentState, ViewState, type Mode } from './state.svelte';

export type { SaveState } from './state.svelte';
export type { DraftStore, EditorHost } from './editor-context';

/** How long a layout may run before the canvas says so and offers to cancel it (issue 12). */
export const SLOW_LAYOUT_MS = 500;

/** Intents that add something of the reader's: not in "As written", and only with a name. */
const READER_ADDS = new Set<Intent['type']>([
	'add',
	'addUndercut',
	'raiseDoubt',
	'askConnect',
	'connect',
	'addFromText',
	'question'
]);

/**
 * What each intent does, by family (handle-*.ts). The type asks for every intent's handler;
 * `handlers.test.ts` checks that no two families claim the same intent.
 */
const HANDLERS: Handlers = {
	...actHandlers,
	...viewHandlers,
	...linkHandlers,
	...textHandlers,
	...sourceHandlers,
	...savingHandlers
};

export class MapEditor {
	readonly mapId: string;
	readonly #doc: DocumentState;
	readonly #view = new ViewState();
	/** The document: the map, its history and its saving. Read only: change it by dispatching. */
	readonly doc: Readonly<DocumentState>;
	/** What this reader is looking at. Read only: change it by dispatching. */
	readonly view: Readonly<ViewState>;

	#layout = $state.raw<MapLayout>() as MapLayout;
	#layingOut = $state(false);
	/** A layout has taken longer than `SLOW_LAYOUT_MS`: the canvas offers to cancel it. */
	#layoutSlow = $state(false);
	#slowTimer: ReturnType<typeof setTimeout> | undefined;
	#layoutError = $state<string | undefined>(undefined);
	#host: EditorHost = {};
	/** What the handlers of intents may reach of this editor (editor-context.ts). */
	readonly #ctx: EditorContext;

	index: MapIndex = $derived(indexMap(this.map));
	/** The map as shown: "As written" hides everything a reader added. */
	shown: ArgumentMap = $derived(
		this.layer === 'written' ? asWritten(this.map, { statedOnly: this.#view.statedOnly }) : this.map
	);
	shownIndex: MapIndex = $derived(this.layer === 'written' ? indexMap(this.shown) : this.index);
	/**
	 * Every statement's status under the reader's verdicts (docs/evaluation.md), evaluated by
	 * what changed since the last version (a statement just added, not yet written, moves no
	 * status: see evaluateAfter).
	 */
	evaluation: Evaluation = $derived.by(() => {
		const map = this.map;
		const evaluation = evaluateAfter(this.#evaluated, map, this.index);
		this.#evaluated = { map, evaluation };
		return evaluation;
	});
	#evaluated: Evaluated | undefined;

	/** The reader's own by where it is (a student's submission): saving always writes here. */
	#owned = false;

	constructor(
		mapId: string,
		map: ArgumentMap,
		layout: MapLayout,
		etag = '',
		host: EditorHost = {},
		opts: { mode?: Mode; owned?: boolean; folded?: string[] } = {}
	) {
		this.mapId = mapId;
		if (opts.mode) this.#view.mode = opts.mode;
		// The statements `layout` was made with folded away (the server knows this browser's).
		if (opts.folded?.length) this.#view.folded = opts.folded;
		this.#owned = !!opts.owned;
		// A map that carries its text opens with the text beside it.
		if (map.text) this.#view.panels = { ...this.#view.panels, source: true };
		this.#doc = new DocumentState(map, etag);
		this.doc = this.#doc;
		this.view = this.#view;
		this.#layout = layout;
		this.#host = host;
		this.#ctx = {
			editor: this,
			doc: this.#doc,
			view: this.#view,
			fresh: undefined,
			host: () => this.#host,
			layout: () => this.#layout,
			paint: (layout) => (this.#layout = layout),
			settled: () => this.#settled()
		};
	}

	// Short names for what components read most.
	get map() {
		return this.#doc.map;
	}
	get layout() {
		return this.#layout;
	}
	get layingOut() {
		return this.#layingOut;
	}
	get layoutError() {
		return this.#layoutError;
	}
	/** True while a layout (an edit's, an import's, a fold's) runs longer than half a second. */
	get layoutSlow() {
		return this.#layoutSlow;
	}
	get selected() {
		return this.#view.selected;
	}
	get selectedLink() {
		return this.#view.selectedLink;
	}
	/** Whether saving writes this map (it is the reader's own) or makes the reader's copy. */
	get savesHere() {
		return this.#owned || isOwner(this.map, this.#view.author);
	}
	get layer() {
		return this.#view.layer;
	}
	get statedOnly() {
		return this.#view.statedOnly;
	}
	get mode() {
		return this.#view.mode;
	}
	get editing() {
		return this.#view.editing;
	}
	get preview() {
		return this.#view.preview;
	}
	get message() {
		return this.#view.message;
	}
	get author() {
		return this.#view.author;
	}
	get dirty() {
		return this.#doc.dirty;
	}
	get save() {
		return this.#doc.save;
	}
	get etag() {
		return this.#doc.etag;
	}
	get undoLabel() {
		return this.#doc.undoLabel;
	}
	get redoLabel() {
		return this.#doc.redoLabel;
	}
	get collapsed() {
		return this.#view.collapsed;
	}
	/** Statements whose subtree is folded away. */
	get folded() {
		return this.#view.folded;
	}

	/** Where edits made while an earlier draft waits for the reader's choice are kept. */
	get pendingKey() {
		return `${this.mapId}~pending`;
	}

	/**
	 * Connect the editor to the world (the browser passes the worker, IndexedDB, localStorage and
	 * the HTTP remote), and offer an earlier unsaved draft. The server's layout stands: it is the
	 * layout of the map as shown unless the view differs (the worker warms itself on a tiny map,
	 * and on this one when it is large). Returns when the draft check is done.
	 */
	async start(host: EditorHost): Promise<void> {
		this.#host = host;
		this.#view.author = host.prefs?.author() ?? this.#view.author;
		// The folds kept in this browser; the layout at hand has the server's, from the cookie
		// that says them. Folds kept before there was a cookie are laid out here, and said in it.
		const laidOut = this.#view.folded;
		const kept = host.folds?.load(this.mapId) ?? laidOut;
		const same = kept.length === laidOut.length && kept.every((id) => laidOut.includes(id));
		if (!same) {
			this.#view.folded = kept;
			host.folds?.save(this.mapId, kept);
		}
		if (this.shown !== this.map || this.#view.collapsed.length || !same) void this.relayout();
		else if (this.shown.nodes.length >= WARM_FROM)
			host.layout?.warm?.(this.shown, { collapsed: this.#view.collapsed, folded: kept });
		const drafts = host.drafts;
		if (!drafts) return;
		const draft = (await drafts.load(this.mapId)) ?? (await drafts.load(this.pendingKey));
		if (!draft) return;
		const changes = describeChanges(this.map, draft.map);
		if (changes.text === 'no changes') {
			await drafts.delete(draft.mapId);
			return;
		}
		this.#view.restore = { draft, summary: changes.text };
	}

	/** Let go of the world: no more layouts, drafts or saves (the page is closing). */
	stop() {
		this.#host = {};
		this.#settled();
	}

	/** Where an arrow key leads from `id` along the map's structure, or undefined. */
	neighbour(
		id: string,
		key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'
	): string | undefined {
		if (key === 'ArrowUp') return parentOf(this.index, id);
		if (key === 'ArrowDown') return childrenOf(this.index, id)[0];
		const parent = parentOf(this.index, id);
		if (!parent) return undefined;
		const siblings = childrenOf(this.index, parent);
		const i = siblings.indexOf(id);
		return siblings[i + (key === 'ArrowRight' ? 1 : -1)];
	}

	/** A statement's name for sentences and dialogs. */
	name(id: string): string {
		return displayName(this.index.node.get(id), id);
	}

	/**
	 * Do what the intent asks. Returns true when it was done; false, with the reason in
	 * `message` when there is one, when it was refused or needs an answer first (a dialog).
	 * Saving, reloading and copying return a promise.
	 */
	dispatch(intent: Intent): boolean | Promise<boolean> {
		if (READER_ADDS.has(intent.type) && !mayAdd(this.#ctx, intent)) return false;
		return (HANDLERS[intent.type] as Handler<Intent['type']>)(this.#ctx, intent);
	}

	/** Lay the shown map out again in the worker (until one is attached the server's layout stands). */
	async relayout(): Promise<boolean> {
		const client = this.#host.layout;
		if (!client) return false;
		this.#layingOut = true;
		// Long work shows itself, with a way to stop it, once it has taken half a second.
		// (Counted from the first of a run of edits: typing on does not put it off.)
		this.#slowTimer ??= setTimeout(() => (this.#layoutSlow = this.#layingOut), SLOW_LAYOUT_MS);
		// What is being edited or selected is never folded away (a statement added under a fold).
		const v = this.#view;
		const open = unfoldTo(this.shown, v.folded, [v.editing, v.selected], this.shownIndex);
		if (open !== v.folded) setFolds(this.#ctx, open);
		const r = await client.layout(this.shown, { collapsed: v.collapsed, folded: v.folded });
		if (r.ok) {
			// What did not move stays the same object: the canvas redraws only what moved.
			this.#layout = keepUnchanged(this.#layout, r.layout);
			this.#layoutError = undefined;
			this.#settled();
			return true;
		}
		if (r.stale) return false;
		this.#layoutError = r.cancelled
			? undefined
			: `The map could not be laid out again: ${r.message}`;
		this.#settled();
		return false;
	}

	#settled() {
		clearTimeout(this.#slowTimer);
		this.#slowTimer = undefined;
		this.#layingOut = false;
		this.#layoutSlow = false;
	}
}
