import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesceDrafts } from './browser';
import type { Draft } from './drafts';
import type { DraftStore } from './map-editor.svelte';
import { syntheticWarmup } from '$lib/layout/warmup';

function memory() {
	const store = new Map<string, Draft>();
	const writes: string[] = [];
	const inner: DraftStore = {
		load: async (k) => store.get(k),
		save: async (d) => {
			writes.push(d.mapId);
			store.set(d.mapId, d);
		},
		delete: async (k) => void store.delete(k)
	};
	return { store, writes, inner };
}
const draft = (mapId: string, savedAt: number): Draft => ({
	mapId,
	baseEtag: '"e"',
	map: syntheticWarmup(),
	savedAt
});

describe('coalesceDrafts', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('writes nothing in the key press task, then one write for a burst of saves', async () => {
		const { store, writes, inner } = memory();
		const drafts = coalesceDrafts(inner, 200);
		const saved = [1, 2, 3].map((t) => drafts.save(draft('m', t)));
		expect(writes).toEqual([]);
		// A load meanwhile sees the newest draft.
		expect((await drafts.load('m'))?.savedAt).toBe(3);
		await vi.advanceTimersByTimeAsync(200);
		await Promise.all(saved);
		expect(writes).toEqual(['m']);
		expect(store.get('m')?.savedAt).toBe(3);
	});

	it('a delete cancels the waiting save, so the draft does not come back', async () => {
		const { store, writes, inner } = memory();
		const drafts = coalesceDrafts(inner, 200);
		const saved = drafts.save(draft('m', 1));
		await drafts.delete('m');
		await saved;
		await vi.advanceTimersByTimeAsync(500);
		expect(writes).toEqual([]);
		expect(store.has('m')).toBe(false);
	});

	it('flush writes at once, and a failed write rejects its saves', async () => {
		const { inner } = memory();
		const failing = coalesceDrafts({
			...inner,
			save: async () => Promise.reject(new Error('quota'))
		});
		const saved = failing.save(draft('m', 1));
		await failing.flush();
		await expect(saved).rejects.toThrow('quota');
	});
});
