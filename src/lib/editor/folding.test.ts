/** Folding as view state in the editor: no undo step, no edit of the map, kept per map. */
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { EMPTY_LAYOUT } from '../../../tests/fixtures/layouts';
import type { LayoutClient } from '../layout/client';
import type { LayoutView } from '../layout/to-elk';
import type { ArgumentMap } from '../model/schema';
import type { MapLayout } from '../layout/types';
import { actionForKey } from './actions';
import { foldCookie, foldsFromCookie, type FoldStore } from './folding';
import { MapEditor } from './map-editor.svelte';

// t ← c1 ← e1, and o1 undercuts the link e1 → c1.
const small: ArgumentMap = loadMap('tests/fixtures/small.map.json');

/** c1's evidence column, folded or not as the view asks. */
const withColumn = (view?: LayoutView): MapLayout => ({
	...EMPTY_LAYOUT,
	columns: [
		{
			id: 'col--c1',
			target: 'c1',
			x: 0,
			y: 0,
			width: 200,
			height: 40,
			items: ['e1'],
			label: 'Evidence · 1',
			collapsed: !!view?.collapsed?.includes('c1'),
			links: ['l2']
		}
	]
});

async function setUp(kept: Record<string, string[]> = {}, laidOut: string[] = []) {
	const views: (LayoutView | undefined)[] = [];
	const layout = {
		layout: async (_map: ArgumentMap, view?: LayoutView) => {
			views.push(view);
			return { ok: true as const, layout: withColumn(view) };
		}
	};
	const folds: FoldStore = {
		load: (id) => kept[id] ?? [],
		save: (id, f) => void (kept[id] = [...f])
	};
	const editor = new MapEditor('m', small, EMPTY_LAYOUT, 'etag', undefined, { folded: laidOut });
	await editor.start({ layout: layout as unknown as LayoutClient, folds });
	return { editor, views, kept };
}

describe('folding a subtree', () => {
	it('folds with Z and unfolds with Z again, as a view: no undo step, the map unchanged', async () => {
		const { editor, views, kept } = await setUp();
		await editor.dispatch({ type: 'select', id: 'c1' });
		const action = actionForKey(
			{ key: 'z', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false },
			true
		);
		expect(action).toBe('fold');
		const statuses = editor.evaluation;
		expect(await editor.dispatch({ type: 'act', action: action! })).toBe(true);
		// The statuses are the map's: folding changes none of them.
		expect(editor.evaluation).toEqual(statuses);
		expect(editor.folded).toEqual(['c1']);
		expect(editor.message?.text).toMatch(/2 statements hidden/);
		expect(views.at(-1)?.folded).toEqual(['c1']);
		expect(kept.m).toEqual(['c1']);
		expect(editor.map).toBe(small);
		expect(editor.dirty).toBe(false);
		expect(editor.undoLabel).toBeUndefined();
		expect(await editor.dispatch({ type: 'act', action: 'fold' })).toBe(true);
		expect(editor.folded).toEqual([]);
		expect(kept.m).toEqual([]);
	});

	it('refuses to fold a statement with nothing under it, and says so', async () => {
		const { editor } = await setUp();
		expect(await editor.dispatch({ type: 'fold', id: 'e1' })).toBe(false);
		expect(editor.folded).toEqual([]);
		expect(editor.message?.text).toMatch(/nothing under it/);
	});

	it('opens a map with the folds this browser kept for it', async () => {
		const { editor, views } = await setUp({ m: ['c1'] });
		expect(editor.folded).toEqual(['c1']);
		expect(views.at(-1)?.folded).toEqual(['c1']);
	});

	it('unfolds the path to a statement that is selected (found, or shown from the text)', async () => {
		const { editor, views } = await setUp({ m: ['c1', 't'] });
		expect(await editor.dispatch({ type: 'select', id: 'o1' })).toBe(true);
		expect(editor.folded).toEqual([]);
		expect(views.at(-1)?.folded).toEqual([]);
	});

	it('selects the folded statement when the selection was folded away under it', async () => {
		const { editor } = await setUp();
		await editor.dispatch({ type: 'select', id: 'e1' });
		await editor.dispatch({ type: 'fold', id: 't' });
		expect(editor.folded).toEqual(['t']);
		expect(editor.selected).toBe('t');
	});

	it('opens a folded evidence column when one of its items is selected', async () => {
		const { editor, views } = await setUp();
		await editor.dispatch({ type: 'toggleColumn', target: 'c1' });
		expect(editor.collapsed).toEqual(['c1']);
		expect(await editor.dispatch({ type: 'select', id: 'e1' })).toBe(true);
		expect(editor.collapsed).toEqual([]);
		expect(views.at(-1)?.collapsed).toEqual([]);
	});

	it('shows what a walkthrough step presents', async () => {
		const { editor } = await setUp({ m: ['c1'] });
		expect(await editor.dispatch({ type: 'reveal', ids: ['t'] })).toBe(false);
		expect(await editor.dispatch({ type: 'reveal', ids: ['e1'] })).toBe(true);
		expect(editor.folded).toEqual([]);
	});

	it('opens a fold when a statement is added under it', async () => {
		const { editor } = await setUp({ m: ['c1'] });
		await editor.dispatch({ type: 'setMode', mode: 'reconstruct' });
		await editor.dispatch({ type: 'select', id: 'c1' });
		expect(await editor.dispatch({ type: 'act', action: 'add-evidence' })).toBe(true);
		await Promise.resolve();
		expect(editor.folded).toEqual([]);
	});

	it('keeps the layout the server made with this browser’s folds; lays out folds it did not know', async () => {
		// The server read the cookie: the folds it laid out are the ones kept here.
		const same = await setUp({ m: ['c1'] }, ['c1']);
		expect(same.editor.folded).toEqual(['c1']);
		expect(same.views).toEqual([]);
		// Folds kept before there was a cookie: laid out here, and saved again (into the cookie).
		const older = await setUp({ m: ['c1'] }, []);
		expect(older.editor.folded).toEqual(['c1']);
		expect(older.views.at(-1)?.folded).toEqual(['c1']);
		expect(older.kept.m).toEqual(['c1']);
	});
});

describe('the folds cookie', () => {
	it('is on the map’s own path, and expires at once when nothing is folded', () => {
		expect(foldCookie('japan-mongolia', ['c1', 'motive-2'])).toBe(
			'warrant-folded=c1%20motive-2; Path=/maps/japan-mongolia; Max-Age=31536000; SameSite=Lax'
		);
		expect(foldCookie('m', [])).toBe('warrant-folded=; Path=/maps/m; Max-Age=0; SameSite=Lax');
	});

	it('is read as far as the map has those statements, with something under them, each once', () => {
		expect(foldsFromCookie('c1 t c1', small)).toEqual(['c1', 't']);
		// e1 has nothing under it; x is no statement; hostile text counts for nothing.
		expect(foldsFromCookie('e1 x <script> ../../etc', small)).toEqual([]);
		expect(foldsFromCookie(undefined, small)).toEqual([]);
		expect(foldsFromCookie(' c1  ', small)).toEqual(['c1']);
	});
});
