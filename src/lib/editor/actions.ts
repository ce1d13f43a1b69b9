/**
 * The editing actions, their keys and their names: one list for the keyboard, the toolbar,
 * the context menu and the shortcut sheet, so that they can never disagree.
 */
export type ActionId =
	| 'edit'
	| 'add-reason'
	| 'add-objection'
	| 'add-evidence'
	| 'add-assumption'
	| 'undercut'
	| 'next-link'
	| 'question'
	| 'link'
	| 'move'
	| 'delete'
	| 'fold'
	| 'undo'
	| 'redo'
	| 'save'
	| 'mode'
	| 'present'
	| 'shortcuts';

export interface ActionInfo {
	id: ActionId;
	label: string;
	/** The toolbar's word where room is short (a part of `label`, which stays the name). */
	short?: string;
	/** Shown in menus and the sheet. */
	keys: string;
	/** Needs a selected statement. */
	needsSelection: boolean;
	/** In the context menu and the sheet, not the toolbar (its name changes with the statement). */
	menuOnly?: true;
	help: string;
}

export const ACTIONS: ActionInfo[] = [
	{
		id: 'edit',
		label: 'Edit text',
		keys: 'Enter',
		needsSelection: true,
		help: 'Edit the statement in place; Enter keeps, Escape cancels.'
	},
	{
		id: 'add-reason',
		label: 'Add reason',
		short: 'Reason',
		keys: 'Tab or R',
		needsSelection: true,
		help: 'A new statement supporting the selected one.'
	},
	{
		id: 'add-objection',
		label: 'Add objection',
		short: 'Objection',
		keys: 'O',
		needsSelection: true,
		help: 'A statement attacking the selected one (on an objection: a rebuttal).'
	},
	{
		id: 'add-evidence',
		label: 'Add evidence',
		short: 'Evidence',
		keys: 'E',
		needsSelection: true,
		help: 'A fact, figure or example supporting the selected statement.'
	},
	{
		id: 'add-assumption',
		label: 'Add hidden assumption',
		short: 'Assumption',
		keys: 'A',
		needsSelection: true,
		help: 'The unstated premise the selected reason needs, joined to it.'
	},
	{
		id: 'undercut',
		label: 'Undercut its link',
		short: 'Undercut',
		keys: 'U',
		needsSelection: true,
		help: '“True, but it does not show that”: attack the step from the selected statement to its conclusion (or the selected link).'
	},
	{
		id: 'next-link',
		label: 'Select its links',
		keys: 'K',
		// A key only (not in the toolbar or the menu): a link is clicked on the map.
		needsSelection: false,
		help: 'Select the statement’s links one by one, outgoing then incoming (Shift+K goes back): U then undercuts the selected link, Delete removes it, Escape goes back to the statement.'
	},
	{
		id: 'question',
		label: 'Question it',
		short: 'Question',
		keys: 'Q',
		needsSelection: true,
		help: '“Show me”: ask for a reason without claiming it is false. A questioned statement holds only with a standing reason (Q again withdraws the question).'
	},
	{
		id: 'link',
		label: 'Link to…',
		short: 'Link…',
		keys: 'L',
		needsSelection: true,
		help: 'Connect the selected statement to another as a reason or an objection.'
	},
	{
		id: 'move',
		label: 'Move under…',
		short: 'Move…',
		keys: 'M',
		needsSelection: true,
		help: 'Make the selected statement argue about another conclusion.'
	},
	{
		id: 'delete',
		label: 'Delete',
		keys: 'Delete',
		needsSelection: true,
		help: 'Delete the statement and its links; on a selected link, remove just the link (undo brings them back).'
	},
	{
		id: 'fold',
		label: 'Fold / unfold',
		keys: 'Z',
		needsSelection: true,
		menuOnly: true,
		help: 'Fold away everything that argues under the selected statement, to see the rest of the map; it shows “+N hidden” (its badge unfolds it, as does Z again). Only this view changes: the map, its statuses and its exports stay whole.'
	},
	{
		id: 'undo',
		label: 'Undo',
		keys: 'Ctrl+Z',
		needsSelection: false,
		help: 'Undo the last change.'
	},
	{
		id: 'redo',
		label: 'Redo',
		keys: 'Ctrl+Shift+Z',
		needsSelection: false,
		help: 'Redo (also Ctrl+Y).'
	},
	{
		id: 'save',
		label: 'Save',
		keys: 'Ctrl+S',
		needsSelection: false,
		help: 'Save the map to its file.'
	},
	{
		id: 'mode',
		label: 'Reconstruct / critique',
		keys: 'C',
		needsSelection: false,
		help: 'Switch between reconstructing the text (what you add is the text’s argument) and critiquing it (what you add is yours, with your name).'
	},
	{
		id: 'present',
		label: 'Present',
		keys: 'P',
		needsSelection: false,
		help: 'Walk through the map step by step in the full window, for a projector: → or Space goes on, ← goes back, Escape leaves. The steps can be reordered there and saved with the map.'
	},
	{
		id: 'shortcuts',
		label: 'Keyboard shortcuts',
		keys: '?',
		needsSelection: false,
		help: 'Show this sheet.'
	}
];

export const action = (id: ActionId) => ACTIONS.find((a) => a.id === id)!;

/** Actions that add something: refused while "As written" shows the text alone and one critiques. */
export const ADD_ACTIONS: ReadonlySet<ActionId> = new Set<ActionId>([
	'add-reason',
	'add-objection',
	'add-evidence',
	'add-assumption',
	'undercut',
	'link'
]);

/** Actions that act on the whole map, whatever has the focus (never on one statement). */
export const GLOBAL_ACTIONS: ReadonlySet<ActionId> = new Set([
	'undo',
	'redo',
	'save',
	'mode',
	'present',
	'shortcuts'
]);

/** The action a key press asks for, if any. `onStatement`: a statement has the focus. */
export function actionForKey(
	e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
	onStatement: boolean
): ActionId | undefined {
	const mod = e.ctrlKey || e.metaKey;
	const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
	if (mod && !e.altKey) {
		if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
		if (key === 'y') return 'redo';
		if (key === 's') return 'save';
		return undefined;
	}
	if (e.altKey) return undefined;
	if (e.key === '?') return 'shortcuts';
	if (key === 'c' && !e.shiftKey) return 'mode';
	if (key === 'p' && !e.shiftKey) return 'present';
	if (!onStatement) return undefined;
	if (e.shiftKey && e.key === 'Tab') return undefined;
	const plain: Record<string, ActionId> = {
		Enter: 'edit',
		F2: 'edit',
		Tab: 'add-reason',
		o: 'add-objection',
		// R is a reason, as it is for a passage selected in the text panel.
		r: 'add-reason',
		e: 'add-evidence',
		a: 'add-assumption',
		u: 'undercut',
		k: 'next-link',
		q: 'question',
		l: 'link',
		m: 'move',
		Delete: 'delete',
		Backspace: 'delete',
		z: 'fold'
	};
	return plain[key];
}
