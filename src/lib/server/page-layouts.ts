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
import { LruCache } from './page-cache';

const layouts = new WeakMap<ArgumentMap, Map<string, Promise<MapLayout>>>();

/**
 * Layouts by the statements and links they were made from. A layout depends on a map's
 * statements, links and folds only, and the store hands out the same frozen statement and link
 * values for every revision that repeats them (model/known-parts.ts). A new revision that only
 * changed the map's own fields (a title, a verdict elsewhere) or only trailing white space gets the
 * same layout without building ELK's graph to look it up in the layout memo (0.6 ms on the
 * article map). Only frozen parts are keyed by identity: a part that could change in place
 * (a hand-formatted file's, parsed the slow way) is laid out by value as before.
 */
const byParts = new LruCache<Promise<MapLayout>>(16);
const partNumbers = new WeakMap<object, number>();
let parts = 0;

function partNumber(part: object): number {
	let n = partNumbers.get(part);
	if (n === undefined) partNumbers.set(part, (n = parts++));
	return n;
}

/** The key of a map's statements and links, as values, folds after them; none unless all are frozen. */
function partsKey(map: ArgumentMap, folds: string): string | undefined {
	if (!map.nodes.every(Object.isFrozen) || !map.links.every(Object.isFrozen)) return undefined;
	return `${map.nodes.map(partNumber).join(',')}|${map.links.map(partNumber).join(',')}|${folds}`;
}

/** The layout of `map` with `folded` folded away, made once per map value and folds. */
export function pageLayout(map: ArgumentMap, folded: readonly string[] = []): Promise<MapLayout> {
	const byFolds = layouts.get(map) ?? new Map<string, Promise<MapLayout>>();
	layouts.set(map, byFolds);
	const key = folded.join(' ');
	let layout = byFolds.get(key);
	if (!layout) {
		const same = partsKey(map, key);
		const made =
			(same && byParts.get(same)) ||
			layoutMap(map, {}, folded.length ? { folded: [...folded] } : {});
		layout = made;
		if (same) byParts.set(same, made);
		byFolds.set(key, made);
		made.catch(() => {
			if (byFolds.get(key) === made) byFolds.delete(key);
			if (same && byParts.get(same) === made) byParts.delete(same);
		});
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
