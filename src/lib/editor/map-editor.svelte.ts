/**
 * The one stateful owner of an open map: the map value, its index and layout, the selection,
 * the undo history and the saving state. Components read from it and call its methods; they
 * never change a map themselves. Every change goes through `run` (a command) so that it can be
 * undone, is laid out again in the worker, and is kept as a draft until saved.
 */
import { apply, type Command } from '../commands/commands';
import { History } from '../commands/history';
import type { Built } from '../commands/intents';
import { childrenOf, indexMap, parentOf, type MapIndex } from '../model/queries';
import type { ArgumentMap } from '../model/schema';
import type { MapLayout } from '../layout/types';
import type { LayoutClient } from '../layout/client';
import { evaluate, whatIf, type Evaluation, type Status } from '../model/evaluate';
import { asWritten, type Layer } from '../model/layers';
import type { Verdict } from '../model/schema';

export type SaveState =
	| { kind: 'saved' }
	| { kind: 'unsaved' }
	| { kind: 'saving' }
	| { kind: 'conflict'; serverEtag?: string }
	| { kind: 'error'; message: string };

/** Where drafts go; the browser passes IndexedDB-backed functions, tests pass fakes or nothing. */
export interface DraftSink {
	save(mapId: string, baseEtag: string, map: ArgumentMap): Promise<void> | void;
	clear(mapId: string): Promise<void> | void;
}

export class MapEditor {
	map = $state.raw<ArgumentMap>() as ArgumentMap;
	layout = $state.raw<MapLayout>() as MapLayout;
	selected = $state<string | undefined>(undefined);
	index: MapIndex = $derived(indexMap(this.map));
	/** Which layer is shown: the source alone, with the reader's critique, or the critique emphasised. */
	layer = $state<Layer>('critique');
	/** The map as shown: "As written" hides everything a reader added. */
	shown: ArgumentMap = $derived(this.layer === 'written' ? asWritten(this.map) : this.map);
	shownIndex: MapIndex = $derived(this.layer === 'written' ? indexMap(this.shown) : this.index);
	/** Every statement's status under the reader's verdicts (docs/evaluation.md). */
	evaluation: Evaluation = $derived(evaluate(this.map));
	/** A verdict being considered: what would change, shown on the map before it is applied. */
	preview = $state<
		| {
				id: string;
				verdict: Verdict | undefined;
				changes: { id: string; from: Status; to: Status }[];
		  }
		| undefined
	>(undefined);
	/** Claims whose evidence column is folded to a count. */
	collapsed = $state.raw<string[]>([]);
	/** Set while a layout is being computed; a layout failure is kept as a sentence. */
	layingOut = $state(false);
	layoutError = $state<string | undefined>(undefined);

	/** The statement whose text is being edited in place, if any. */
	editing = $state<string | undefined>(undefined);
	/** The last refusal or notice, shown in the status line. */
	message = $state<{ text: string; tone: 'info' | 'error' } | undefined>(undefined);
	/** Who is editing: reader items carry this name. */
	author = $state<string | undefined>(undefined);

	readonly mapId: string;
	etag = $state('');
	save = $state<SaveState>({ kind: 'saved' });
	/** Bumped on every change; the saved version is remembered to tell "unsaved". */
	version = $state(0);
	savedVersion = $state(0);
	dirty = $derived(this.version !== this.savedVersion);

	private history = new History();
	/** Reactive mirrors of the history, for buttons. */
	undoLabel = $state<string | undefined>(undefined);
	redoLabel = $state<string | undefined>(undefined);

	private client: LayoutClient | undefined;
	private drafts: DraftSink | undefined;

	constructor(mapId: string, map: ArgumentMap, layout: MapLayout, etag = '') {
		this.mapId = mapId;
		this.map = map;
		this.layout = layout;
		this.etag = etag;
	}

	/** Later layouts run in the worker; until one is attached the server's layout stands. */
	useLayoutClient(client: LayoutClient | undefined) {
		this.client = client;
	}

	useDrafts(drafts: DraftSink | undefined) {
		this.drafts = drafts;
	}

	async relayout() {
		if (!this.client) return;
		this.layingOut = true;
		const r = await this.client.layout(this.shown, { collapsed: this.collapsed });
		if (r.ok) {
			this.layout = r.layout;
			this.layoutError = undefined;
			this.layingOut = false;
		} else if (!r.stale) {
			this.layoutError = `The map could not be laid out again: ${r.message}`;
			this.layingOut = false;
		}
	}

	toggleColumn(target: string) {
		this.collapsed = this.collapsed.includes(target)
			? this.collapsed.filter((t) => t !== target)
			: [...this.collapsed, target];
		return this.relayout();
	}

	/** Fold (or unfold) every evidence column: an overview of the argument's structure. */
	collapseAll(fold: boolean) {
		this.collapsed = fold ? this.layout.columns.map((c) => c.target) : [];
		return this.relayout();
	}

	select(id: string | undefined) {
		this.selected = id && this.shownIndex.node.has(id) ? id : undefined;
	}

	setLayer(layer: Layer) {
		if (this.layer === layer) return;
		this.layer = layer;
		if (this.selected && !this.shownIndex.node.has(this.selected)) this.selected = undefined;
		void this.relayout();
	}

	/** Show what setting `verdict` on `id` would change, without changing anything. */
	previewVerdict(id: string, verdict: Verdict | undefined) {
		const { changes } = whatIf(this.map, { [id]: verdict }, this.evaluation);
		this.preview = { id, verdict, changes };
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

	/**
	 * Apply a built command as one undoable step. With `mergeKey`, consecutive steps with the
	 * same key merge (typing in one field). Returns false, with the reason in `message`, when
	 * the edit was refused; the map is then unchanged.
	 */
	run(built: Built, opts: { mergeKey?: string; select?: string } = {}): boolean {
		if (!built.ok) {
			if (built.reason !== 'unchanged') this.message = { text: built.reason, tone: 'error' };
			return false;
		}
		return this.runCommand(built.command, built.label, opts);
	}

	runCommand(
		command: Command,
		label: string,
		opts: { mergeKey?: string; select?: string } = {}
	): boolean {
		const r = apply(this.map, command);
		if (!r.ok) {
			this.message = { text: `${label}: ${r.reason}`, tone: 'error' };
			return false;
		}
		this.history.record({ label, forward: command, inverse: r.inverse, mergeKey: opts.mergeKey });
		this.message = undefined;
		this.changed(r.map);
		if (opts.select) this.select(opts.select);
		return true;
	}

	/** End a merge group (a field lost focus): the next edit is a step of its own. */
	seal() {
		this.history.seal();
	}

	undo() {
		const r = this.history.undo(this.map);
		if (!r) return;
		this.message = { text: `Undone: ${r.entry.label}`, tone: 'info' };
		this.changed(r.map);
	}

	redo() {
		const r = this.history.redo(this.map);
		if (!r) return;
		this.message = { text: `Redone: ${r.entry.label}`, tone: 'info' };
		this.changed(r.map);
	}

	private changed(map: ArgumentMap) {
		this.map = map;
		this.preview = undefined;
		this.version++;
		this.undoLabel = this.history.undoLabel;
		this.redoLabel = this.history.redoLabel;
		if (this.selected && !this.shownIndex.node.has(this.selected)) this.selected = undefined;
		if (this.save.kind === 'saved') this.save = { kind: 'unsaved' };
		void this.drafts?.save(this.mapId, this.etag, map);
		void this.relayout();
	}

	/** Replace the whole map as one undoable step (restoring a draft). */
	replaceAll(map: ArgumentMap, label: string): boolean {
		const command: Command = {
			type: 'batch',
			commands: [
				{
					type: 'remove',
					nodes: this.map.nodes.map((n) => n.id),
					links: this.map.links.map((l) => l.id)
				},
				{
					type: 'insert',
					nodes: map.nodes.map((node, at) => ({ at, node })),
					links: map.links.map((link, at) => ({ at, link }))
				},
				{ type: 'updateSource', patch: map.source, title: map.title ?? null }
			]
		};
		return this.runCommand(command, label);
	}

	/**
	 * Save to the server, over the version this editor started from. A conflict (someone saved
	 * in between) is never overwritten silently: `save` becomes `conflict` and the UI asks.
	 */
	async saveNow(opts: { overwrite?: boolean } = {}): Promise<boolean> {
		if (this.save.kind === 'saving') return false;
		const version = this.version;
		this.save = { kind: 'saving' };
		try {
			let ifMatch = this.etag || '*';
			if (opts.overwrite) {
				const head = await fetch(`/api/maps/${this.mapId}`, {
					method: 'GET',
					headers: { Accept: 'application/json' }
				});
				ifMatch = head.headers.get('etag') ?? ifMatch;
			}
			const res = await fetch(`/api/maps/${this.mapId}`, {
				method: 'PUT',
				headers: { 'Content-Type': 'application/json', 'If-Match': ifMatch },
				body: JSON.stringify(this.map)
			});
			if (res.status === 412) {
				this.save = { kind: 'conflict', serverEtag: res.headers.get('etag') ?? undefined };
				return false;
			}
			const body = (await res.json().catch(() => ({}))) as { etag?: string; message?: string };
			if (!res.ok) {
				this.save = { kind: 'error', message: body.message ?? `the server answered ${res.status}` };
				return false;
			}
			this.etag = body.etag ?? res.headers.get('etag') ?? this.etag;
			this.savedVersion = version;
			this.save = this.version === version ? { kind: 'saved' } : { kind: 'unsaved' };
			if (this.version === version) void this.drafts?.clear(this.mapId);
			return true;
		} catch {
			this.save = {
				kind: 'error',
				message: 'the server could not be reached; your changes are kept in this browser'
			};
			return false;
		}
	}

	/** Save this map under a new id (the way out of a conflict without losing either side). */
	async saveAsCopy(): Promise<string | undefined> {
		for (let n = 1; n <= 20; n++) {
			const id = `${this.mapId}-${n === 1 ? 'mine' : `mine-${n}`}`;
			try {
				const res = await fetch('/api/maps', {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ id, map: this.map })
				});
				if (res.status === 409) continue;
				if (!res.ok) {
					const body = (await res.json().catch(() => ({}))) as { message?: string };
					this.save = {
						kind: 'error',
						message: body.message ?? `the server answered ${res.status}`
					};
					return undefined;
				}
				void this.drafts?.clear(this.mapId);
				this.savedVersion = this.version;
				return id;
			} catch {
				this.save = {
					kind: 'error',
					message: 'the server could not be reached; your changes are kept in this browser'
				};
				return undefined;
			}
		}
		this.save = { kind: 'error', message: 'no free id for a copy' };
		return undefined;
	}

	/** Mark the current state as the saved one (after loading or reloading from the server). */
	markSaved(etag: string) {
		this.etag = etag;
		this.savedVersion = this.version;
		this.save = { kind: 'saved' };
	}

	/** Throw away local changes: back to the server's map, history cleared. */
	reset(map: ArgumentMap, etag: string) {
		this.history.clear();
		this.undoLabel = undefined;
		this.redoLabel = undefined;
		this.map = map;
		this.version++;
		this.markSaved(etag);
		if (this.selected && !this.index.node.has(this.selected)) this.selected = undefined;
		void this.drafts?.clear(this.mapId);
		void this.relayout();
	}
}
