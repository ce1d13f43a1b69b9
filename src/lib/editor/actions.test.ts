import { describe, expect, it } from 'vitest';
import { ACTIONS, actionForKey } from './actions';

const k = (
	key: string,
	mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}
) => ({
	key,
	ctrlKey: false,
	metaKey: false,
	shiftKey: false,
	altKey: false,
	...mods
});

describe('keyboard actions', () => {
	it('maps undo, redo and save with Ctrl or Cmd, anywhere', () => {
		expect(actionForKey(k('z', { ctrlKey: true }), false)).toBe('undo');
		expect(actionForKey(k('Z', { metaKey: true, shiftKey: true }), false)).toBe('redo');
		expect(actionForKey(k('y', { ctrlKey: true }), false)).toBe('redo');
		expect(actionForKey(k('s', { ctrlKey: true }), false)).toBe('save');
	});

	it('switches between reconstructing and critiquing with C, anywhere outside a field', () => {
		expect(actionForKey(k('c'), false)).toBe('mode');
		expect(actionForKey(k('C'), true)).toBe('mode');
		expect(actionForKey(k('c', { ctrlKey: true }), false)).toBeUndefined();
	});

	it('presents the map with P, anywhere outside a field, a statement selected or not', () => {
		expect(actionForKey(k('p'), false)).toBe('present');
		expect(actionForKey(k('p'), true)).toBe('present');
		expect(actionForKey(k('p', { ctrlKey: true }), false)).toBeUndefined();
		expect(actionForKey(k('p', { altKey: true }), false)).toBeUndefined();
	});

	it('maps statement keys only when a statement has the focus', () => {
		expect(actionForKey(k('Tab'), true)).toBe('add-reason');
		expect(actionForKey(k('Tab'), false)).toBeUndefined();
		expect(actionForKey(k('Tab', { shiftKey: true }), true)).toBeUndefined();
		expect(actionForKey(k('O', { shiftKey: true }), true)).toBe('add-objection');
		// R is a reason on the map as in the text panel's passage menu, not an objection.
		expect(actionForKey(k('r'), true)).toBe('add-reason');
		expect(actionForKey(k('Enter'), true)).toBe('edit');
		expect(actionForKey(k('Delete'), true)).toBe('delete');
		expect(actionForKey(k('e', { altKey: true }), true)).toBeUndefined();
	});

	it('lists every action once, with its keys', () => {
		expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
		for (const a of ACTIONS) expect(a.keys.length).toBeGreaterThan(0);
	});
});
