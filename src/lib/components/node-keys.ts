/**
 * The keys a statement on the map answers (the canvas's roving focus): arrows step along the
 * argument, Escape lets go, the context-menu key opens the statement's menu, and the editing keys
 * act on the selected statement or link; a click on a line selects its link.
 */
import { GLOBAL_ACTIONS, actionForKey, type ActionId } from '$lib/editor/actions';
import type { MapEditor } from '$lib/editor/map-editor.svelte';
import { focusStatement, statementElement } from '$lib/canvas/statements';
import type { PlacedEdge } from '$lib/layout/types';
import { tick } from 'svelte';

/** Arrow keys step along the argument; at its edge, what the reader is told. */
const LAST_STEP = {
	ArrowUp: 'No conclusion above',
	ArrowDown: 'No reasons below',
	ArrowLeft: 'First sibling',
	ArrowRight: 'Last sibling'
};
const isStep = (key: string): key is keyof typeof LAST_STEP => key in LAST_STEP;

export interface NodeKeyContext {
	editor: MapEditor;
	/** The canvas element the statements are drawn in. */
	host: HTMLElement;
	/** The statement that has the focus when none is selected. */
	focusId: string | undefined;
	focusNode: (id: string) => unknown;
	announce: (text: string) => void;
	oncontext: (id: string, x: number, y: number) => void;
	onaction: (action: ActionId, id: string) => void;
}

/** Answer a key pressed on a statement of the map. */
export function onNodeKey(e: KeyboardEvent, c: NodeKeyContext): void {
	const { editor } = c;
	const id = editor.selected ?? c.focusId;
	if (!id) return;
	if (isStep(e.key)) {
		e.preventDefault();
		const next = editor.neighbour(id, e.key);
		if (next) c.focusNode(next);
		else c.announce(LAST_STEP[e.key]);
	} else if (e.key === 'Escape') {
		// From a link reached from a statement, back to it; else let go of the selection. A line
		// clicked had the keys lent to its statement: they go back to the canvas.
		if (editor.selectedLink && editor.view.linkBack) c.focusNode(editor.view.linkFrom ?? id);
		else {
			const fromLine = !!editor.selectedLink;
			editor.dispatch({ type: 'select', id: undefined });
			if (fromLine) c.host.focus();
		}
	} else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
		e.preventDefault();
		const el = statementElement(c.host, id)?.getBoundingClientRect();
		if (el) c.oncontext(id, el.left + 16, el.bottom - 8);
	} else {
		// Editing keys act on a selected statement only. Tabbing past a statement that merely has
		// the focus moves on through the page, so the map never traps the keyboard.
		if (!editor.selected && !editor.selectedLink) return;
		const a = actionForKey(e, true);
		if (!a || GLOBAL_ACTIONS.has(a)) return;
		e.preventDefault();
		// K steps through the statement's links; a selected link takes U and Delete itself.
		if (a === 'next-link' || editor.selectedLink)
			editor.dispatch({
				type: 'act',
				action: a,
				target: editor.selectedLink ? undefined : id,
				back: e.shiftKey
			});
		else c.onaction(a, id);
	}
}

/**
 * A line was clicked: select its link (a column's line carries several: ask which). The keys
 * (U, Delete, K, Escape) are then taken by the statement the link leaves from.
 */
export async function selectEdge(e: PlacedEdge, editor: MapEditor, host: ParentNode) {
	if (e.links.length > 1) {
		editor.dispatch({ type: 'chooseLink', links: e.links });
		return;
	}
	const id = e.links[0];
	if (!id || !editor.dispatch({ type: 'selectLink', id })) return;
	await tick();
	focusStatement(host, editor.view.linkFrom ?? '');
}
