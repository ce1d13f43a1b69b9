/**
 * What the intents' handlers (`handle-*.ts`, one module per family of intents) may reach of the
 * `MapEditor` they work for: its state, the map as shown, and the few things only the editor
 * itself does (dispatch, lay out). The editor makes one context and keeps its fields private to
 * everyone else; components never see it.
 */
import type { LayoutClient } from '../layout/client';
import type { MapLayout } from '../layout/types';
import type { Evaluation } from '../model/evaluate';
import type { MapIndex } from '../model/queries';
import type { ArgumentMap } from '../model/schema';
import type { Draft } from './drafts';
import type { FoldStore } from './folding';
import type { Intent } from './intent';
import type { Remote } from './remote';
import type { DocumentState, ViewState } from './state.svelte';

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

/** A statement just added: naming it is the same undo step; untouched, Escape takes it back. */
export interface Fresh {
	id: string;
	text: string;
}

/** The editor's public side, as every reader of it sees it (components read the same). */
export interface EditorReads {
	readonly mapId: string;
	readonly map: ArgumentMap;
	readonly index: MapIndex;
	readonly shown: ArgumentMap;
	readonly shownIndex: MapIndex;
	readonly evaluation: Evaluation;
	readonly savesHere: boolean;
	readonly pendingKey: string;
	dispatch(intent: Intent): Result;
	relayout(): Promise<boolean>;
	name(id: string): string;
}

export interface EditorContext {
	readonly editor: EditorReads;
	readonly doc: DocumentState;
	readonly view: ViewState;
	/** A statement just added (the fresh-statement cycle); only the handlers use it. */
	fresh: Fresh | undefined;
	/** The world as connected now (`start` and `stop` change it). */
	host(): EditorHost;
	/** The layout on the canvas. */
	layout(): MapLayout;
	/** Draw this layout now (a fresh statement, before the worker's answer settles it). */
	paint(layout: MapLayout): void;
	/** The layout running now is over (done, failed or cancelled). */
	settled(): void;
}

type Result = boolean | Promise<boolean>;

/** What one intent does, given the editor's context. */
export type Handler<T extends Intent['type']> = (
	ctx: EditorContext,
	intent: Extract<Intent, { type: T }>
) => Result;

/** A handler for each of the intents `T`: a family's table, or (all of them) the editor's. */
export type Handlers<T extends Intent['type'] = Intent['type']> = { [K in T]: Handler<K> };
