/**
 * The one stateful owner of an open map. Every way in (a key, a toolbar button, a menu item, a
 * panel field, a drag, later a text selection or a text pane) is an `Intent` passed to
 * `dispatch`; the editor applies the rules (layers, who is editing, the fresh-statement cycle),
 * turns the intent into a command, records it for undo, lays the map out again in the worker,
 * keeps a draft, and saves through `Remote`. Components only read and dispatch.
 */
import { apply, type Command } from '../commands/commands';
import { commandBetween } from '../commands/from-diff';
import {
	addChild,
	addUndercut,
	connect,
	deleteNode,
	editText,
	moveUnder,
	raiseDoubt,
	removeLink,
	setInText,
	setOrigin,
	setQuestion,
	setRelation,
	setVerdict,
	updateFields,
	updateLinkFields,
	walkthroughOrder,
	type Built,
	type Provenance
} from '../commands/intents';
import type { LayoutClient } from '../layout/client';
import type { MapLayout } from '../layout/types';
import { keepUnchanged, withProvisional } from '../layout/provisional';
import { evaluateAfter, whatIf, type Evaluated, type Evaluation } from '../model/evaluate';
import { asWritten } from '../model/layers';
import {
	MAX_COPY_ATTEMPTS,
	basedOn,
	isOwner,
	numberOf,
	numberedId,
	ownCopy,
	ownCopyId,
	ownCopyTitle
} from '../model/ownership';
import { childrenOf, displayName, indexMap, parentOf, type MapIndex } from '../model/queries';
import { cycleLink, linksAt } from '../model/link-words';
import type { ArgumentMap, Block, Source } from '../model/schema';
import { ADD_ACTIONS, type ActionId } from './actions';
import { unfoldTo } from '../layout/folding';
import { toggleFold, type FoldStore } from './folding';
import { describeChanges, type Draft } from './drafts';
import type { Intent } from './intent';
import { checkMapId, checkTitle } from './new-map';
import type { Remote } from './remote';
import { DocumentState, ViewState, type Mode } from './state.svelte';

export type { SaveState } from './state.svelte';

/** Where drafts are kept: IndexedDB in the browser, a Map in tests. */
export interface DraftStore {
	load(key: string): Promise<Draft | undefined>;
	save(draft: Draft): Promise<void>;
	delete(key: string): Promise<void>;
}

/** What the editor needs from the world around it; every part may be absent (headless). */
export interface EditorHost {
	remote?: Remote;
	layout?: LayoutClient;
	drafts?: DraftStore;
	/** The reader's name, remembered between visits. */
	prefs?: { author(): string | undefined; setAuthor(name: string): void };
	/** Open another page (a saved copy), with a notice to show there. */
	navigate?(path: string, notice?: string): void;
	/** Where this browser keeps each map's folded statements (a view state, not the map's). */
	folds?: FoldStore;
}

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
	/** A statement just added: naming it is the same undo step; untouched, Escape takes it back. */
	#fresh: { id: string; text: string } | undefined;

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
	 * layout of the map as shown unless the view differs (the worker warms itself on a tiny map).
	 * Returns when the draft check is done.
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
		const v = this.#view;
		if (READER_ADDS.has(intent.type) && !this.#mayAdd(intent)) return false;
		switch (intent.type) {
			case 'act':
				return this.#act(intent.action, intent.target, intent.back);
			case 'select':
				v.selected = intent.id && this.shownIndex.node.has(intent.id) ? intent.id : undefined;
				v.selectedLink = undefined;
				// A statement folded away is shown: the path to it unfolds.
				this.#reveal([v.selected]);
				return v.selected === intent.id;
			case 'chooseLink': {
				const shown = intent.links.filter((id) => this.shownIndex.link.has(id));
				if (shown.length <= 1) return this.dispatch({ type: 'selectLink', id: shown[0] });
				v.dialog = { kind: 'chooseLink', links: shown };
				return true;
			}
			case 'selectLink': {
				const link = intent.id ? this.shownIndex.link.get(intent.id) : undefined;
				v.selectedLink = link?.id;
				v.linkFrom = link ? (intent.from ?? link.from) : undefined;
				return !!link;
			}
			case 'setMode':
				if (v.mode === intent.mode) return false;
				v.mode = intent.mode;
				v.message = {
					text:
						intent.mode === 'reconstruct'
							? 'Reconstructing: what you add is the text’s argument (the source layer). C switches back to critique.'
							: 'Critiquing: what you add is your own, with your name. C switches to reconstructing the text.',
					tone: 'info'
				};
				return true;
			case 'setLayer':
				if (v.layer === intent.layer) return false;
				v.layer = intent.layer;
				if (v.selected && !this.shownIndex.node.has(v.selected)) v.selected = undefined;
				void this.relayout();
				return true;
			case 'toggleColumn':
				v.collapsed = v.collapsed.includes(intent.target)
					? v.collapsed.filter((t) => t !== intent.target)
					: [...v.collapsed, intent.target];
				return this.relayout();
			case 'foldAll':
				v.collapsed = intent.fold ? this.#layout.columns.map((c) => c.target) : [];
				return this.relayout();
			case 'fold':
				return this.#fold(intent.id, intent.fold);
			case 'reveal':
				return this.#reveal(intent.ids);
			case 'statedOnly':
				if (v.statedOnly === intent.on) return false;
				v.statedOnly = intent.on;
				if (v.selected && !this.shownIndex.node.has(v.selected)) v.selected = undefined;
				return v.layer === 'written' ? this.relayout() : true;
			case 'togglePanel': {
				const open = intent.open ?? !v.panels[intent.panel];
				v.panels = { ...v.panels, [intent.panel]: open };
				// The text and the Argdown pane share the left side: one at a time.
				const other = { source: 'argdown', argdown: 'source' } as const;
				if (open && intent.panel !== 'follows') v.panels[other[intent.panel]] = false;
				return true;
			}
			case 'openMenu':
				this.dispatch({ type: 'select', id: intent.id });
				v.dialog = { kind: 'menu', id: intent.id, x: intent.x, y: intent.y };
				return true;
			case 'closeDialog':
				v.dialog = undefined;
				return true;
			case 'dismissMessage':
				v.message = undefined;
				return true;
			case 'notify':
				v.message = { text: intent.text, tone: intent.tone };
				return true;
			case 'previewVerdict': {
				const { changes } = whatIf(this.map, { [intent.id]: intent.verdict }, this.evaluation);
				v.preview = { id: intent.id, verdict: intent.verdict, changes };
				return true;
			}
			case 'endPreview':
				v.preview = undefined;
				return true;
			case 'present':
				if (v.presenting === intent.open) return false;
				v.presenting = intent.open;
				if (intent.open) v.dialog = v.editing = undefined;
				return true;
			case 'setWalkthrough':
				return this.#run(walkthroughOrder(this.map, intent.order));
			case 'add':
				return this.#addFresh(addChild(this.map, intent.parent, intent.role, this.#who()));
			case 'addUndercut': {
				const built = addUndercut(this.map, intent.from, {
					linkId: intent.link,
					...this.#who()
				});
				if (!built.ok && built.reason === 'choose' && 'links' in built) {
					v.dialog = { kind: 'chooseStep', from: intent.from, links: built.links.map((l) => l.id) };
					return false;
				}
				return this.#addFresh(built as Built);
			}
			case 'raiseDoubt':
				return this.#addFresh(
					raiseDoubt(this.map, intent.link, intent.question, this.#view.author)
				);
			case 'askConnect':
				v.dialog = { kind: 'connect', from: intent.from, to: intent.to };
				return true;
			case 'connect':
				v.dialog = undefined;
				return this.#run(connect(this.map, intent.from, intent.to, intent.relation, this.#who()));
			case 'moveUnder':
				v.dialog = undefined;
				return this.#run(moveUnder(this.map, intent.id, intent.to));
			case 'delete': {
				if (!this.#run(deleteNode(this.map, intent.id))) return false;
				v.message = { text: 'Deleted. Undo (Ctrl+Z) brings it back.', tone: 'info' };
				if (v.selected === intent.id) v.selected = undefined;
				return true;
			}
			case 'removeLink': {
				const chosen = v.selectedLink === intent.id ? v.linkFrom : undefined;
				if (!this.#run(removeLink(this.map, intent.id))) return false;
				v.message = { text: 'Link removed. Undo (Ctrl+Z) brings it back.', tone: 'info' };
				// The removed link was selected: back to the statement it was reached from.
				if (chosen && this.shownIndex.node.has(chosen)) v.selected = chosen;
				return true;
			}
			case 'setRelation':
				return this.#run(setRelation(this.map, intent.link, intent.relation));
			case 'startEdit':
				if (!this.index.node.has(intent.id)) return false;
				this.dispatch({ type: 'select', id: intent.id });
				v.editing = intent.id;
				return true;
			case 'commitText':
				return this.#commitText(intent.id, intent.text);
			case 'cancelText': {
				if (v.editing === intent.id) v.editing = undefined;
				// Escape on a statement just added, still unwritten, takes the addition back.
				const node = this.index.node.get(intent.id);
				const untouched = this.#fresh?.id === intent.id && node?.text === this.#fresh.text;
				this.#fresh = undefined;
				if (untouched) this.#takeBack(intent.id);
				this.#doc.history.seal();
				return untouched;
			}
			case 'setText':
				return this.#run(editText(this.map, intent.id, intent.text), `text:${intent.id}`);
			case 'setFields':
				return this.#run(
					updateFields(this.map, intent.id, intent.patch, intent.what),
					intent.merge ? `${intent.what}:${intent.id}` : undefined
				);
			case 'setLinkFields':
				return this.#run(updateLinkFields(this.map, intent.id, intent.patch, intent.what));
			case 'setVerdict':
				return this.#run(setVerdict(this.map, intent.id, intent.verdict));
			case 'setOrigin':
				return this.#run(
					setOrigin(this.map, intent.id, intent.origin, this.#view.author, intent.inText)
				);
			case 'setInText':
				return this.#run(
					setInText(
						this.map,
						intent.on === 'node' ? { node: intent.id } : { link: intent.id },
						intent.inText
					)
				);
			case 'question': {
				const note = intent.note?.trim();
				const question = intent.withdraw
					? undefined
					: {
							...(this.#view.author ? { author: this.#view.author } : {}),
							...(note ? { note } : {})
						};
				return this.#run(setQuestion(this.map, intent.id, question));
			}
			case 'seal':
				this.#doc.history.seal();
				return true;
			case 'cancelLayout':
				return this.#cancelLayout();
			case 'replace':
				return this.#replace(intent.map, intent.label);
			case 'attachText':
				return this.#attachText(intent.blocks, intent.autoSkip ?? false, intent.source);
			case 'addFromText':
				return this.#addFromText(intent);
			case 'anchorHere':
				return this.#anchorHere(intent.id ?? v.selected, intent.start, intent.end);
			case 'undo':
				return this.#undo();
			case 'redo': {
				const r = this.#doc.history.redo(this.map);
				if (!r) return false;
				v.message = { text: `Redone: ${r.entry.label}`, tone: 'info' };
				this.#changed(r.map);
				return true;
			}
			case 'save':
				return this.#save(intent.overwrite ?? false);
			case 'saveAsCopy':
				return this.#saveAsCopy();
			case 'saveOwnCopy':
				return this.#saveOwnCopy(intent.id, intent.title);
			case 'reload':
				return this.#reload();
			case 'keepEditing':
				if (this.#doc.save.kind === 'conflict') this.#doc.save = { kind: 'unsaved' };
				return true;
			case 'restoreDraft':
				return this.#restoreDraft();
			case 'discardDraft':
				return this.#discardDraft();
			case 'setAuthor': {
				const name = intent.name.trim().slice(0, 80);
				if (!name) return false;
				v.author = name;
				this.#host.prefs?.setAuthor(name);
				const then = v.dialog?.kind === 'name' ? v.dialog.then : undefined;
				v.dialog = undefined;
				if (then) void this.dispatch(then);
				return true;
			}
		}
	}

	/**
	 * Keep the text typed in place. Returns true when the editing is over (kept, or nothing
	 * changed, or an emptied fresh statement taken back), false when the text was refused: the
	 * editing stays open with the reason in `message`, so nothing typed is lost.
	 */
	#commitText(id: string, text: string): boolean {
		const v = this.#view;
		const fresh = this.#fresh?.id === id;
		const built = editText(this.map, id, text);
		if (!built.ok && built.reason !== 'unchanged') {
			if (fresh && !text.trim()) {
				// Emptying a statement just added means not adding it.
				v.editing = undefined;
				this.#fresh = undefined;
				this.#takeBack(id);
				this.#doc.history.seal();
				return true;
			}
			v.message = { text: `${built.reason}. Edit it, or press Escape to cancel.`, tone: 'error' };
			return false;
		}
		const ok = !built.ok || this.#run(built, fresh ? `new:${id}` : undefined);
		if (!ok) return false;
		if (v.editing === id) v.editing = undefined;
		this.#fresh = undefined;
		this.#doc.history.seal();
		return true;
	}

	/** Undo the addition of fresh statement `id`, and select what it was added to. */
	#takeBack(id: string) {
		const parent = parentOf(this.index, id);
		this.#undo();
		this.#view.message = undefined;
		if (parent && this.shownIndex.node.has(parent)) this.#view.selected = parent;
	}

	/** Give the map its text; every anchor is found in it again, and the count is reported. */
	async #attachText(blocks: Block[], autoSkip: boolean, source?: Partial<Source>) {
		// The text tools load when a text is first used: most maps are read without one.
		const { withText } = await import('./passage');
		const r = withText(this.map, blocks, autoSkip, source);
		if (!r.ok) return this.#run(r);
		if (!this.#replace(r.map, r.label)) return false;
		this.#view.message = { text: r.message, tone: r.orphans ? 'error' : 'info' };
		return true;
	}

	/** A statement made from a passage, under the selection (or the thesis), opened for its text. */
	async #addFromText(intent: Extract<Intent, { type: 'addFromText' }>): Promise<boolean> {
		const { passageAt, statementFromPassage } = await import('./passage');
		const at = passageAt(this.map, intent.start, intent.end);
		if (!at.ok) return this.#run(at);
		const thesis = this.index.thesis?.id;
		const selected = this.#view.selected;
		const parent = intent.as === 'thesis' || !selected ? thesis : selected;
		if (!parent) return false;
		const built = statementFromPassage(this.map, at, { ...intent, parent, who: this.#who() });
		if (intent.as !== 'thesis') {
			if (!this.#addFresh(built)) return false;
			// Made on purpose from a passage, anchored and pre-filled: Escape closes the editor and
			// keeps it (Undo takes it back), unlike a blank "New objection".
			this.#fresh = undefined;
			return true;
		}
		if (!this.#run(built)) return false;
		this.#view.selected = this.#view.editing = parent;
		return true;
	}

	/** Anchor a statement at a passage. */
	async #anchorHere(id: string | undefined, start: number, end: number): Promise<boolean> {
		const { anchorAtPassage, passageAt } = await import('./passage');
		if (!id) return this.#run({ ok: false, reason: 'Select the statement to anchor first.' });
		const at = passageAt(this.map, start, end);
		return this.#run(at.ok ? anchorAtPassage(this.map, id, at) : at);
	}

	/** A named action (a key, a toolbar button, a menu item) on `target` or the selection. */
	#act(a: ActionId, target = this.#view.selected, back = false): boolean | Promise<boolean> {
		const v = this.#view;
		if (a === 'undo') return this.dispatch({ type: 'undo' });
		if (a === 'redo') return this.dispatch({ type: 'redo' });
		if (a === 'save') return this.dispatch({ type: 'save' });
		if (a === 'mode')
			return this.dispatch({
				type: 'setMode',
				mode: v.mode === 'critique' ? 'reconstruct' : 'critique'
			});
		if (a === 'present') return this.dispatch({ type: 'present', open: true });
		if (a === 'shortcuts') {
			v.dialog = { kind: 'shortcuts' };
			return true;
		}
		if (ADD_ACTIONS.has(a) && !this.#mayAdd({ type: 'act', action: a, target })) return false;
		if (!target && v.selectedLink) return this.#actOnLink(a, v.selectedLink, back);
		if (!target || !this.index.node.has(target)) {
			v.message = {
				text: 'Select a statement first (click it, or Tab into the map).',
				tone: 'info'
			};
			return false;
		}
		switch (a) {
			case 'edit':
				return this.dispatch({ type: 'startEdit', id: target });
			case 'add-reason':
				return this.dispatch({ type: 'add', role: 'reason', parent: target });
			case 'add-objection':
				return this.dispatch({ type: 'add', role: 'objection', parent: target });
			case 'add-evidence':
				return this.dispatch({ type: 'add', role: 'evidence', parent: target });
			case 'add-assumption':
				return this.dispatch({ type: 'add', role: 'assumption', parent: target });
			case 'undercut':
				return this.dispatch({ type: 'addUndercut', from: target });
			case 'next-link':
				return this.#nextLink(target, back);
			case 'question':
				return this.dispatch({
					type: 'question',
					id: target,
					withdraw: !!this.index.node.get(target)?.questioned
				});
			case 'link':
			case 'move':
				v.dialog = { kind: 'pick', mode: a, id: target };
				return true;
			case 'delete':
				return this.dispatch({ type: 'delete', id: target });
			case 'fold':
				return this.dispatch({ type: 'fold', id: target });
		}
		return false;
	}

	/** Fold a statement's subtree away or back (a view state: no undo step, not saved in the map). */
	#fold(id: string, fold?: boolean): boolean {
		const v = this.#view;
		const r = toggleFold(this.shown, this.shownIndex, v.folded, id, fold);
		v.message = { text: r.message, tone: 'info' };
		if (!r.ok) return false;
		this.#setFolds(r.folded);
		// What was selected under the fold gives way to the folded statement.
		if (v.selected && !unfoldTo(this.shown, r.folded, [v.selected]).includes(id)) v.selected = id;
		void this.relayout();
		return true;
	}

	/** Unfold what hides `ids` (folded statements, folded evidence columns); true when something was. */
	#reveal(ids: (string | undefined)[]): boolean {
		const v = this.#view;
		const next = unfoldTo(this.shown, v.folded, ids, this.shownIndex);
		const columns = this.#layout.columns
			.filter((c) => c.collapsed && ids.some((id) => id && c.items.includes(id)))
			.map((c) => c.target);
		if (next === v.folded && !columns.length) return false;
		if (next !== v.folded) this.#setFolds(next);
		if (columns.length) v.collapsed = v.collapsed.filter((t) => !columns.includes(t));
		void this.relayout();
		return true;
	}

	#setFolds(folded: readonly string[]) {
		// A statement deleted since it was folded is forgotten.
		this.#view.folded = folded.filter((id) => this.index.node.has(id));
		this.#host.folds?.save(this.mapId, this.#view.folded);
	}

	/** A named action with a link selected: undercut it, remove it, or step to the next link. */
	#actOnLink(a: ActionId, id: string, back: boolean): boolean | Promise<boolean> {
		const v = this.#view;
		const link = this.index.link.get(id);
		if (!link) return false;
		if (a === 'undercut') return this.dispatch({ type: 'addUndercut', from: link.from, link: id });
		if (a === 'delete') return this.dispatch({ type: 'removeLink', id });
		if (a === 'next-link') return this.#nextLink(v.linkFrom ?? link.from, back);
		v.message = {
			text: 'A link is selected: U undercuts it, Delete removes it, Escape goes back to its statement.',
			tone: 'info'
		};
		return false;
	}

	/** Select the next of statement `id`'s links (K), or say it has none. */
	#nextLink(id: string, back = false): boolean | Promise<boolean> {
		const ids = linksAt(this.shownIndex, id).map((l) => l.id);
		const next = cycleLink(ids, this.#view.selectedLink, back);
		if (!next) {
			this.#view.message = { text: `${this.name(id)} has no links yet.`, tone: 'info' };
			return false;
		}
		return this.dispatch({ type: 'selectLink', id: next, from: id });
	}

	/**
	 * The rules for adding: while reconstructing, what is added is the text's (no name needed,
	 * and "As written" shows it). While critiquing it is the reader's own: not while "As
	 * written" shows the text alone, and only once the reader has given a name (asked once; the
	 * intent goes on afterwards).
	 */
	#mayAdd(intent: Intent): boolean {
		const v = this.#view;
		if (v.mode === 'reconstruct') return true;
		if (v.layer === 'written') {
			v.message = {
				text: '“As written” shows the text alone: switch to “With critique” to add your own statements, or press C to reconstruct the text.',
				tone: 'info'
			};
			return false;
		}
		if (!v.author) {
			v.dialog = { kind: 'name', then: intent };
			return false;
		}
		return true;
	}

	/** Whose the next added item is: the text's while reconstructing, else this reader's. */
	#who(): Provenance {
		if (this.#view.mode === 'reconstruct') return { origin: 'source' };
		return { origin: 'reader', ...(this.#view.author ? { author: this.#view.author } : {}) };
	}

	/** Add a statement and open its text in place: naming it is part of the same undo step. */
	#addFresh(built: Built): boolean {
		if (!built.ok || !built.nodeId) return this.#run(built);
		const id = built.nodeId;
		if (!this.#run(built, `new:${id}`)) return false;
		// Paint first: drawn now where it most likely stays, editable at once; the worker's
		// layout settles it (and whatever else must move) when it comes.
		const first = this.#host.layout && withProvisional(this.#layout, this.shownIndex, id);
		if (first) this.#layout = first;
		this.#view.selected = id;
		this.#fresh = { id, text: this.index.node.get(id)?.text ?? '' };
		this.#view.editing = id;
		// Added under a folded statement: the fold opens to show it.
		this.#reveal([id]);
		return true;
	}

	/**
	 * Apply a built command as one undoable step. With `mergeKey`, consecutive steps with the same
	 * key merge (typing in one field). A refusal leaves the map unchanged and says why.
	 */
	#run(built: Built, mergeKey?: string): boolean {
		if (!built.ok) {
			if (built.reason !== 'unchanged') this.#view.message = { text: built.reason, tone: 'error' };
			return false;
		}
		return this.#runCommand(built.command, built.label, mergeKey);
	}

	#runCommand(command: Command, label: string, mergeKey?: string): boolean {
		const r = apply(this.map, command);
		if (!r.ok) {
			this.#view.message = { text: `${label}: ${r.reason}`, tone: 'error' };
			return false;
		}
		this.#doc.history.record({ label, forward: command, inverse: r.inverse, mergeKey });
		this.#view.message = undefined;
		this.#changed(r.map);
		return true;
	}

	#undo(): boolean {
		const r = this.#doc.history.undo(this.map);
		if (!r) return false;
		this.#view.message = { text: `Undone: ${r.entry.label}`, tone: 'info' };
		this.#changed(r.map);
		return true;
	}

	#changed(map: ArgumentMap) {
		const doc = this.#doc;
		const v = this.#view;
		doc.map = map;
		doc.sync();
		v.preview = undefined;
		if (v.selected && !this.shownIndex.node.has(v.selected)) v.selected = undefined;
		if (v.selectedLink && !this.shownIndex.link.has(v.selectedLink)) v.selectedLink = undefined;
		if (v.editing && !this.index.node.has(v.editing)) v.editing = undefined;
		if (doc.save.kind === 'saved' || doc.save.kind === 'unsaved')
			doc.save = doc.dirty ? { kind: 'unsaved' } : { kind: 'saved' };
		this.#keepDraft();
		void this.relayout();
	}

	/** Keep unsaved edits in this browser; back at the saved state there is nothing to keep. */
	#keepDraft() {
		const drafts = this.#host.drafts;
		if (!drafts) return;
		if (!this.dirty) {
			void drafts.delete(this.mapId);
			return;
		}
		const key = this.#view.restore ? this.pendingKey : this.mapId;
		drafts
			.save({ mapId: key, baseEtag: this.etag, map: this.map, savedAt: Date.now() })
			.catch((e: unknown) => {
				this.#view.message = {
					text: `Your changes could not be kept in this browser (${e instanceof Error ? e.message : 'storage refused'}): save soon.`,
					tone: 'error'
				};
			});
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
		if (open !== v.folded) this.#setFolds(open);
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

	/** Stop a long layout: the map stays usable at its last layout; the next edit lays it out. */
	#cancelLayout(): boolean {
		if (!this.#host.layout?.cancel()) return false;
		this.#settled();
		this.#view.message = {
			text: 'Layout cancelled: the map shows its last layout until the next change.',
			tone: 'info'
		};
		return true;
	}

	/**
	 * A whole new version from elsewhere (a restored draft, an import, later a text pane or a
	 * peer) as one undoable step: only what differs changes (model/diff → commands/from-diff).
	 */
	#replace(incoming: ArgumentMap, label: string): boolean {
		// Whose the map is and what it is based on stay: they are not content an import brings.
		const { owner: _owner, basedOn: _basedOn, ...content } = incoming;
		const { owner, basedOn: from } = this.map;
		const map = { ...content, ...(owner ? { owner } : {}), ...(from ? { basedOn: from } : {}) };
		const c = commandBetween(this.map, map);
		if (c.kind === 'unchanged') return false;
		return this.#runCommand(c.command, label);
	}

	#restoreDraft(): boolean {
		const offer = this.#view.restore;
		if (!offer) return false;
		this.#view.restore = undefined;
		void this.#host.drafts?.delete(this.pendingKey);
		// Saving goes over the version the draft was made from (set before the change is kept as
		// a draft again): if the file changed since, the save reports a conflict, never overwrites.
		const etag = this.#doc.etag;
		this.#doc.etag = offer.draft.baseEtag;
		if (!this.#replace(offer.draft.map, 'Restore unsaved changes')) {
			this.#doc.etag = etag;
			return false;
		}
		return true;
	}

	#discardDraft(): boolean {
		const offer = this.#view.restore;
		this.#view.restore = undefined;
		const drafts = this.#host.drafts;
		if (offer) void drafts?.delete(offer.draft.mapId);
		void drafts?.delete(this.pendingKey);
		// Edits made meanwhile become the draft.
		if (this.dirty) this.#keepDraft();
		return true;
	}

	/**
	 * Save over the version this editor started from. A conflict (someone saved in between) is
	 * never overwritten silently: `save` becomes `conflict` and the view asks.
	 */
	async #save(overwrite: boolean): Promise<boolean> {
		const doc = this.#doc;
		const remote = this.#host.remote;
		if (doc.save.kind === 'saving' || !remote) return false;
		// The app saves into a map only for its owner: anyone else's work becomes their own copy.
		if (doc.dirty && !this.savesHere) return this.#offerOwnCopy();
		const stamp = doc.stamp;
		const map = this.map;
		doc.save = { kind: 'saving' };
		let ifMatch = doc.etag || '*';
		if (overwrite) ifMatch = (await remote.currentEtag(this.mapId)) ?? ifMatch;
		const r = await remote.save(this.mapId, map, ifMatch);
		if (!r.ok) {
			doc.save = r.conflict
				? { kind: 'conflict', serverEtag: r.serverEtag }
				: { kind: 'error', message: r.message };
			return false;
		}
		doc.etag = r.etag;
		doc.savedStamp = stamp;
		doc.save = doc.dirty ? { kind: 'unsaved' } : { kind: 'saved' };
		if (!doc.dirty) void this.#host.drafts?.delete(this.mapId);
		return true;
	}

	/**
	 * Saving work on a map that is not this reader's (a shared map, or someone else's): ask the
	 * name if it is not known yet, then offer their own copy under a free id they may change.
	 */
	async #offerOwnCopy(): Promise<boolean> {
		const v = this.#view;
		const name = v.author;
		if (!name) {
			v.dialog = { kind: 'name', then: { type: 'save' } };
			return false;
		}
		const base = ownCopyId(this.mapId, name);
		const id = (await this.#host.remote?.freeId(base)) ?? base;
		v.dialog = {
			kind: 'ownCopy',
			id,
			base,
			title: ownCopyTitle(this.map, name),
			owner: this.map.owner
		};
		return false;
	}

	/**
	 * Create this reader's own copy, with everything done so far, and move to it. The original is
	 * never written. A taken id gets the next free one (`-2`, `-3` …); a refusal keeps the dialog
	 * open with the reason, and the work stays here and in this browser's draft.
	 */
	async #saveOwnCopy(askedId: string, askedTitle: string): Promise<boolean> {
		const v = this.#view;
		const doc = this.#doc;
		const name = v.author;
		const asked = v.dialog?.kind === 'ownCopy' ? v.dialog : undefined;
		if (!name || !asked || doc.save.kind === 'saving') return false;
		const id = askedId.trim();
		const title = askedTitle.trim().replace(/\s+/g, ' ');
		const problem = checkMapId(id) ?? checkTitle(title);
		if (problem) {
			v.dialog = { ...asked, error: problem };
			return false;
		}
		const stamp = doc.stamp;
		const copy = ownCopy(this.map, { title, owner: name, basedOn: basedOn(this.mapId, doc.etag) });
		doc.save = { kind: 'saving' };
		// The proposed id, if it was taken meanwhile, goes on from its base: `-2` is followed by
		// `-3`. An id the reader typed is tried as it is, then with `-2` …
		const from = id === asked.id ? numberOf(asked.base, id) : undefined;
		const r = await this.#createNumbered(from ? asked.base : id, () => copy, from);
		if (!r.ok) {
			doc.save = { kind: 'error', message: r.message };
			v.dialog = {
				...asked,
				error: `Your copy could not be saved: ${r.message}. Nothing is lost: your changes are still here, and kept in this browser.`
			};
			return false;
		}
		v.dialog = undefined;
		const whose = asked.owner ? `${asked.owner}’s map` : 'The class map';
		this.#leaveFor(
			r.id,
			stamp,
			`Saved as your own copy, “${title}”. ${whose} is unchanged.`,
			this.#view.mode === 'reconstruct' ? '?mode=reconstruct' : ''
		);
		return true;
	}

	/** Save this map under a new id (the way out of a conflict without losing either side). */
	async #saveAsCopy(): Promise<boolean> {
		const doc = this.#doc;
		const stamp = doc.stamp;
		const name = this.#view.author;
		const from = basedOn(this.mapId, doc.etag);
		// A copy says what it is, as Duplicate's copies do: "Title (copy: id)".
		const base = (this.map.title ?? this.map.source.title).replace(/ \(copy: [a-z0-9-]+\)$/, '');
		const r = await this.#createNumbered(`${this.mapId}-mine`, (id) =>
			ownCopy(this.map, {
				title: `${base} (copy: ${id})`.slice(0, 300),
				owner: name,
				basedOn: from
			})
		);
		if (!r.ok) {
			doc.save = { kind: 'error', message: r.message };
			return false;
		}
		this.#leaveFor(
			r.id,
			stamp,
			`Your changes were saved as this copy; “${this.mapId}” was left as the other person saved it.`
		);
		return true;
	}

	/** Create map `made(id)` under the first free id of `base`, `base-2` … (from the `start`-th). */
	async #createNumbered(
		base: string,
		made: (id: string) => ArgumentMap,
		start = 1
	): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
		const remote = this.#host.remote;
		if (!remote) return { ok: false, message: 'there is no server to save to' };
		for (let n = start; n <= MAX_COPY_ATTEMPTS; n++) {
			const id = numberedId(base, n);
			const r = await remote.create(id, { map: made(id) });
			if (r.ok) return { ok: true, id };
			if (!r.taken) return { ok: false, message: r.message };
		}
		return {
			ok: false,
			message: `${base} to ${numberedId(base, MAX_COPY_ATTEMPTS)} are all taken: choose another id`
		};
	}

	/**
	 * The work up to `stamp` is saved in copy `id`: this map's draft goes (unless something was
	 * done meanwhile, which the draft keeps), and the page moves.
	 */
	#leaveFor(id: string, stamp: number, notice: string, query = '') {
		const doc = this.#doc;
		doc.savedStamp = stamp;
		doc.save = doc.dirty ? { kind: 'unsaved' } : { kind: 'saved' };
		if (!doc.dirty) void this.#host.drafts?.delete(this.mapId);
		this.#host.navigate?.(`/maps/${id}${query}`, notice);
	}

	/** Throw away local changes: back to the server's map, history cleared. */
	async #reload(): Promise<boolean> {
		const remote = this.#host.remote;
		if (!remote) return false;
		const r = await remote.load(this.mapId);
		if (!r.ok) {
			this.#doc.save = { kind: 'error', message: r.message };
			return false;
		}
		const doc = this.#doc;
		doc.history.clear();
		doc.map = r.map;
		doc.etag = r.etag;
		doc.sync();
		doc.savedStamp = doc.stamp;
		doc.save = { kind: 'saved' };
		this.#fresh = undefined;
		const v = this.#view;
		if (v.selected && !this.index.node.has(v.selected)) v.selected = undefined;
		v.editing = undefined;
		void this.#host.drafts?.delete(this.mapId);
		void this.relayout();
		return true;
	}
}
