/**
 * Undo and redo, unlimited within a session. An entry keeps both directions, so undo and redo
 * are plain applications. Entries with the same merge key in a row become one step (typing in
 * one field; adding a statement and then naming it).
 */
import { apply, type Command } from './commands';
import type { ArgumentMap } from '../model/schema';

export interface Entry {
	label: string;
	forward: Command;
	inverse: Command;
	mergeKey?: string;
}

export class History {
	private done: Entry[] = [];
	private undone: Entry[] = [];

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

	record(entry: Entry) {
		this.undone = [];
		const last = this.done.at(-1);
		if (entry.mergeKey && last?.mergeKey === entry.mergeKey) {
			this.done[this.done.length - 1] = {
				label: last.label,
				mergeKey: entry.mergeKey,
				forward: { type: 'batch', commands: [last.forward, entry.forward] },
				inverse: { type: 'batch', commands: [entry.inverse, last.inverse] }
			};
		} else this.done.push(entry);
	}

	/** Close the current merge group: the next entry starts a step of its own. */
	seal() {
		const last = this.done.at(-1);
		if (last) delete last.mergeKey;
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

	clear() {
		this.done = [];
		this.undone = [];
	}
}
