/**
 * Paint first, settle after (issue 12): a statement just added is drawn at once, before the
 * worker's layout comes; the layout then changes only what moved; a layout that takes long
 * says so and can be cancelled, leaving the map at its last layout.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { syntheticMap } from '../../../tests/fixtures/synthetic';
import { WARM_FROM, type LayoutClient, type LayoutOutcome } from '../layout/client';
import { layoutMap } from '../layout/run';
import type { ArgumentMap } from '../model/schema';
import { MapEditor, SLOW_LAYOUT_MS } from './map-editor.svelte';

/** A layout client whose answers the test releases, and which can be cancelled. */
function heldLayout() {
	const waiting: { map: ArgumentMap; resolve: (o: LayoutOutcome) => void }[] = [];
	let cancelled = 0;
	return {
		waiting,
		cancelled: () => cancelled,
		layout: (map: ArgumentMap) =>
			new Promise<LayoutOutcome>((resolve) => void waiting.push({ map, resolve })),
		cancel() {
			if (!waiting.length) return false;
			for (const w of waiting.splice(0))
				w.resolve({ ok: false, stale: false, message: 'cancelled', cancelled: true });
			cancelled++;
			return true;
		},
		/** Lay out the newest request for real and answer it. */
		async release() {
			const w = waiting.pop()!;
			w.resolve({ ok: true, layout: await layoutMap(w.map) });
		}
	};
}

async function open(map: ArgumentMap) {
	const layout = heldLayout();
	const editor = new MapEditor('m', map, await layoutMap(map), '');
	await editor.start({
		layout: layout as unknown as LayoutClient,
		prefs: { author: () => 'Ana', setAuthor: () => {} }
	});
	return { editor, layout };
}

afterEach(() => void vi.useRealTimers());

describe('paint first, settle after', () => {
	it('draws a new reason at once beside its siblings, editable, before the layout comes', async () => {
		const { editor, layout } = await open(loadMap('tests/fixtures/small.map.json'));
		const before = editor.layout;
		expect(editor.dispatch({ type: 'add', parent: 't', role: 'reason' })).toBe(true);
		const id = editor.editing!;
		const placed = editor.layout.nodes[id]!;
		const parent = editor.layout.nodes['t']!;
		const sibling = editor.layout.nodes['c1']!;
		expect(layout.waiting).toHaveLength(1); // the worker has not answered yet
		expect(placed.box.lines.length).toBeGreaterThan(0);
		expect(placed.y).toBe(sibling.y);
		expect(placed.x).toBeGreaterThanOrEqual(sibling.x + sibling.width);
		expect(placed.y).toBeGreaterThan(parent.y + parent.height);
		// A line to its parent is drawn with it; nothing else changed.
		expect(editor.layout.edges.some((e) => e.to === 't' && e.id.includes('provisional'))).toBe(
			true
		);
		for (const [nid, n] of Object.entries(before.nodes)) expect(editor.layout.nodes[nid]).toBe(n);

		await layout.release();
		await vi.waitFor(() => expect(editor.layingOut).toBe(false));
		expect(editor.layout.nodes[id]).toBeDefined();
		expect(editor.layout.edges.some((e) => e.id.includes('provisional'))).toBe(false);

		// Undo takes the statement back: no trace of it once the layout comes.
		editor.dispatch({ type: 'undo' });
		await layout.release();
		await vi.waitFor(() => expect(editor.layout.nodes[id]).toBeUndefined());
	});

	it('appends new evidence to the foot of its claim’s column', async () => {
		const map = syntheticMap(40);
		const { editor } = await open(map);
		const column = editor.layout.columns.find((c) => !c.collapsed && c.items.length >= 2)!;
		expect(editor.dispatch({ type: 'add', parent: column.target, role: 'evidence' })).toBe(true);
		const id = editor.editing!;
		const placed = editor.layout.nodes[id]!;
		const grown = editor.layout.columns.find((c) => c.id === column.id)!;
		const foot = Math.max(
			...column.items.map((i) => editor.layout.nodes[i]!).map((n) => n.y + n.height)
		);
		expect(placed.column).toBe(column.id);
		expect(placed.y).toBeGreaterThan(foot);
		expect(grown.items.at(-1)).toBe(id);
		expect(grown.y + grown.height).toBeGreaterThanOrEqual(placed.y + placed.height);
	});

	it('keeps what did not move the same object when the layout comes', async () => {
		const { editor, layout } = await open(syntheticMap(60));
		const before = editor.layout;
		// A verdict changes the map but no box: the new layout equals the old one.
		const n = editor.map.nodes.find((x) => x.kind === 'evidence')!;
		expect(editor.dispatch({ type: 'setVerdict', id: n.id, verdict: 'rejected' })).toBe(true);
		await layout.release();
		await vi.waitFor(() => expect(editor.layingOut).toBe(false));
		expect(editor.layout).toBe(before);
	});

	it('says when a layout takes long, and Cancel keeps the last layout', async () => {
		const { editor, layout } = await open(loadMap('tests/fixtures/small.map.json'));
		vi.useFakeTimers();
		editor.dispatch({ type: 'add', parent: 't', role: 'reason' });
		const shown = editor.layout;
		vi.advanceTimersByTime(SLOW_LAYOUT_MS - 50);
		expect(editor.layoutSlow).toBe(false);
		vi.advanceTimersByTime(100);
		expect(editor.layoutSlow).toBe(true);
		expect(editor.dispatch({ type: 'cancelLayout' })).toBe(true);
		await vi.advanceTimersByTimeAsync(0);
		expect(editor.layingOut).toBe(false);
		expect(layout.cancelled()).toBe(1);
		expect(editor.layoutSlow).toBe(false);
		expect(editor.layoutError).toBeUndefined();
		expect(editor.layout).toBe(shown);
		expect(editor.message?.text).toMatch(/cancelled/);
		// Nothing under way: nothing to cancel.
		expect(editor.dispatch({ type: 'cancelLayout' })).toBe(false);
		// The next change lays the map out again.
		editor.dispatch({ type: 'undo' });
		expect(layout.waiting).toHaveLength(1);
	});

	it('warms the layout worker on a large map when it opens, not on a small one', async () => {
		const warmed: number[] = [];
		for (const map of [syntheticMap(WARM_FROM), loadMap('tests/fixtures/small.map.json')]) {
			const layout = { ...heldLayout(), warm: (m: ArgumentMap) => warmed.push(m.nodes.length) };
			const editor = new MapEditor('m', map, await layoutMap(map), '');
			await editor.start({ layout: layout as unknown as LayoutClient });
			// Nothing to wait for: the page's layout stands.
			expect(layout.waiting).toHaveLength(0);
			expect(editor.layingOut).toBe(false);
		}
		expect(warmed).toEqual([WARM_FROM]);
	});
});
