/**
 * Links as first-class selections: selecting one (and letting go of the statement), stepping
 * through a statement's links with K, and the link's own actions (U undercuts it, Delete
 * removes it), each undone as usual.
 */
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { EMPTY_LAYOUT } from '../../../tests/fixtures/layouts';
import type { ArgumentMap } from '../model/schema';
import { MapEditor } from './map-editor.svelte';

const small: ArgumentMap = loadMap('tests/fixtures/small.map.json');

function open() {
	const editor = new MapEditor('m', small, EMPTY_LAYOUT, '', {}, { mode: 'critique' });
	editor.dispatch({ type: 'setAuthor', name: 'Ana' });
	return editor;
}

describe('MapEditor: selecting links', () => {
	it('selects a link and lets go of the statement, and the other way round', () => {
		const editor = open();
		editor.dispatch({ type: 'select', id: 'c1' });
		expect(editor.dispatch({ type: 'selectLink', id: 'l2' })).toBe(true);
		expect(editor.selectedLink).toBe('l2');
		expect(editor.selected).toBeUndefined();
		// Reached from nowhere (a line clicked): its statement has the keys, Escape lets go.
		expect(editor.view.linkFrom).toBe('e1');
		expect(editor.view.linkBack).toBe(false);
		// Reached from a statement (K): Escape goes back to it.
		editor.dispatch({ type: 'selectLink', id: 'l2', from: 'c1' });
		expect(editor.view.linkFrom).toBe('c1');
		expect(editor.view.linkBack).toBe(true);
		editor.dispatch({ type: 'select', id: 'e1' });
		expect(editor.selectedLink).toBeUndefined();
		expect(editor.selected).toBe('e1');
		expect(editor.dispatch({ type: 'selectLink', id: 'nope' })).toBe(false);
		expect(editor.selectedLink).toBeUndefined();
	});

	it('asks which link a line with several links means, and selects the one chosen', () => {
		const editor = open();
		expect(editor.dispatch({ type: 'chooseLink', links: ['l1', 'l2', 'gone'] })).toBe(true);
		expect(editor.view.dialog).toEqual({ kind: 'chooseLink', links: ['l1', 'l2'] });
		expect(editor.selectedLink).toBeUndefined();
		// One link (or one still shown) needs no question.
		editor.dispatch({ type: 'closeDialog' });
		expect(editor.dispatch({ type: 'chooseLink', links: ['l2', 'gone'] })).toBe(true);
		expect(editor.view.dialog).toBeUndefined();
		expect(editor.selectedLink).toBe('l2');
	});

	it('steps through a statement’s outgoing then incoming links with K, round, and back with Shift', () => {
		const editor = open();
		editor.dispatch({ type: 'select', id: 'c1' });
		editor.dispatch({ type: 'act', action: 'next-link' });
		expect(editor.selectedLink).toBe('l1');
		expect(editor.view.linkFrom).toBe('c1');
		editor.dispatch({ type: 'act', action: 'next-link' });
		expect(editor.selectedLink).toBe('l2');
		editor.dispatch({ type: 'act', action: 'next-link' });
		expect(editor.selectedLink).toBe('l1');
		editor.dispatch({ type: 'act', action: 'next-link', back: true });
		expect(editor.selectedLink).toBe('l2');
		// The statement it was reached from stays the anchor, not the link's own source.
		expect(editor.view.linkFrom).toBe('c1');
	});

	it('says so when a statement has no links', () => {
		const editor = open();
		editor.dispatch({ type: 'delete', id: 'e1' });
		editor.dispatch({ type: 'delete', id: 'c1' });
		editor.dispatch({ type: 'select', id: 't' });
		expect(editor.dispatch({ type: 'act', action: 'next-link' })).toBe(false);
		expect(editor.message?.text).toMatch(/has no links/);
	});

	it('U undercuts the selected link, not the first step of its statement; undo takes it back', () => {
		const editor = open();
		// e1 supports c1 and the thesis: U on e1 itself would ask which step.
		editor.dispatch({ type: 'connect', from: 'e1', to: 't', relation: 'supports' });
		const second = editor.map.links.find((l) => l.from === 'e1' && l.to === 't')!;
		const before = editor.map;
		editor.dispatch({ type: 'selectLink', id: second.id });
		expect(editor.dispatch({ type: 'act', action: 'undercut' })).toBe(true);
		expect(editor.view.dialog).toBeUndefined();
		const cut = editor.map.links.at(-1)!;
		expect(cut).toMatchObject({ relation: 'undercuts', to: second.id, author: 'Ana' });
		// The new undercut is selected (and opened for its text); the link is let go.
		expect(editor.selected).toBe(cut.from);
		expect(editor.selectedLink).toBeUndefined();
		editor.dispatch({ type: 'cancelText', id: cut.from });
		expect(editor.map).toEqual(before);
	});

	it('Delete removes the selected link, not a statement, and goes back to its statement', () => {
		const editor = open();
		editor.dispatch({ type: 'select', id: 'c1' });
		editor.dispatch({ type: 'act', action: 'next-link' });
		editor.dispatch({ type: 'act', action: 'next-link' });
		expect(editor.selectedLink).toBe('l2');
		expect(editor.dispatch({ type: 'act', action: 'delete' })).toBe(true);
		expect(editor.map.nodes).toEqual(small.nodes);
		expect(editor.map.links.some((l) => l.id === 'l2')).toBe(false);
		expect(editor.selectedLink).toBeUndefined();
		expect(editor.selected).toBe('c1');
		expect(editor.message?.text).toMatch(/Link removed/);
		editor.dispatch({ type: 'undo' });
		expect(editor.map).toEqual(small);
	});

	it('other statement actions on a selected link say what a link takes', () => {
		const editor = open();
		editor.dispatch({ type: 'selectLink', id: 'l1' });
		expect(editor.dispatch({ type: 'act', action: 'add-reason' })).toBe(false);
		expect(editor.map).toBe(small);
		expect(editor.message?.text).toMatch(/U undercuts it, Delete removes it/);
	});

	it('lets go of a link that an undo removes', () => {
		const editor = open();
		editor.dispatch({ type: 'connect', from: 'o1', to: 'c1', relation: 'attacks' });
		const added = editor.map.links.find((l) => l.from === 'o1' && l.to === 'c1')!;
		expect(editor.dispatch({ type: 'selectLink', id: added.id })).toBe(true);
		editor.dispatch({ type: 'undo' });
		expect(editor.selectedLink).toBeUndefined();
	});
});
