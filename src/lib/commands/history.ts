/**
 * Undo and redo, unlimited within a session. An entry keeps both directions, so undo and redo
 * are plain applications. Entries with the same merge key in a row become one step (typing in
 * one field; adding a statement and then naming it).
 *
 * Every state the history can be in has a stamp (as tldraw marks its stacks): the stamp of the
 * newest applied entry, or of the start. Remembering the stamp of the saved state tells whether
 * the map differs from it, so undoing back to what was saved is "saved" again.
 */
import { apply, type Command } from './commands';
import type { ArgumentMap } from '../model/schema';

export interface Entry {
	label: string;
	forward: Command;
	inverse: Command;
	mergeKey?: string;
}

interface Stamped extends Entry {
	stamp: number;
}

let stamps = 0;

export class History {
	private done: Stamped[] = [];
	private undone: Stamped[] = [];
	private base = ++stamps;

	get canUndo() {
		return this.done.length > 0;
	}
	get canRedo() {
		return this.undone.length > 0;
	}
	get undoLabel() {
		return this.done.at(-1)?.label;
	}
	get redoLabel() {
		return this.undone.at(-1)?.label;
	}
	/** Names the current state: equal stamps mean the same map (see the module comment). */
	get stamp(): number {
		return this.done.at(-1)?.stamp ?? this.base;
	}

	record(entry: Entry) {
		this.undone = [];
		const last = this.done.at(-1);
		if (entry.mergeKey && last?.mergeKey === entry.mergeKey) {
			// A merged step is a new state: a save in between must not make it look saved.
			this.done[this.done.length - 1] = {
				label: last.label,
				mergeKey: entry.mergeKey,
				forward: { type: 'batch', commands: [last.forward, entry.forward] },
				inverse: { type: 'batch', commands: [entry.inverse, last.inverse] },
				stamp: ++stamps
			};
		} else this.done.push({ ...entry, stamp: ++stamps });
	}

	/** Close the current merge group: the next entry starts a step of its own. */
	seal() {
		const last = this.done.at(-1);
		if (last) delete last.mergeKey;
	}

	/** The key of the open merge group, if any. */
	get openMerge(): string | undefined {
		return this.done.at(-1)?.mergeKey;
	}

	undo(map: ArgumentMap): { map: ArgumentMap; entry: Entry } | undefined {
		const entry = this.done.at(-1);
		if (!entry) return undefined;
		const r = apply(map, entry.inverse);
		if (!r.ok) return undefined;
		this.done.pop();
		this.undone.push(entry);
		return { map: r.map, entry };
	}

	redo(map: ArgumentMap): { map: ArgumentMap; entry: Entry } | undefined {
		const entry = this.undone.at(-1);
		if (!entry) return undefined;
		const r = apply(map, entry.forward);
		if (!r.ok) return undefined;
		this.undone.pop();
		this.done.push(entry);
		return { map: r.map, entry };
	}

	/** Forget every step: the current map becomes a new starting state. */
	clear() {
		this.done = [];
		this.undone = [];
		this.base = ++stamps;
	}
}
