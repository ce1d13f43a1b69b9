/**
 * The layouts map pages are drawn with, kept per map value and folds: the store hands out one
 * value per file revision (server/store.ts), so a new revision is laid out anew and an old one's
 * layout goes with it. After a save the new revision is laid out at once, in the background,
 * so the next page of it (a reload, a shared link) does not wait for ELK.
 */
import { layoutMap } from '../layout/run';
import type { MapLayout } from '../layout/types';
import type { ArgumentMap } from '../model/schema';
import { loadMap } from './store';

const layouts = new WeakMap<ArgumentMap, Map<string, Promise<MapLayout>>>();

/** The layout of `map` with `folded` folded away, made once per map value and folds. */
export function pageLayout(map: ArgumentMap, folded: readonly string[] = []): Promise<MapLayout> {
	const byFolds = layouts.get(map) ?? new Map<string, Promise<MapLayout>>();
	layouts.set(map, byFolds);
	const key = folded.join(' ');
	let layout = byFolds.get(key);
	if (!layout) {
		layout = layoutMap(map, {}, folded.length ? { folded: [...folded] } : {});
		byFolds.set(key, layout);
		layout.catch(() => byFolds.delete(key));
	}
	return layout;
}

/** Whether a layout of `map` (unfolded) is made or being made. */
export function hasPageLayout(map: ArgumentMap): boolean {
	return !!layouts.get(map)?.has('');
}

/** Lay the map saved under `id` out now, after the answer to the save has gone. */
export function layOutAhead(id: string): void {
	setTimeout(() => {
		void loadMap(id)
			.then((r) => (r.ok ? pageLayout(r.map) : undefined))
			.catch(() => {
				// The page lays it out when it is asked for.
			});
	});
}
