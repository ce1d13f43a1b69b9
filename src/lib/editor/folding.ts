/**
 * Folding a statement's subtree away, as the editor's view state: which statements are folded,
 * what a fold or an unfold says, and where this browser keeps the folds of each map. Never a
 * content edit (no undo step, not saved in the map file); layout/folding.ts says what is hidden.
 */
import { canFold, foldMap } from '../layout/folding';
import { displayName, indexMap, type MapIndex } from '../model/queries';
import type { ArgumentMap } from '../model/schema';

/** Where the folds of each map are kept between visits (localStorage in the browser). */
export interface FoldStore {
	load(mapId: string): string[];
	save(mapId: string, folded: readonly string[]): void;
}

export type FoldChange =
	{ ok: true; folded: string[]; message: string } | { ok: false; message: string };

/** Fold statement `id` away (`fold` true), unfold it (false), or the other of the two (undefined). */
export function toggleFold(
	map: ArgumentMap,
	index: MapIndex,
	folded: readonly string[],
	id: string,
	fold?: boolean
): FoldChange {
	const node = index.node.get(id);
	if (!node) return { ok: false, message: 'That statement is not on the map shown.' };
	const name = displayName(node, id);
	const now = folded.includes(id);
	const want = fold ?? !now;
	if (want === now) return { ok: false, message: `${name} is already ${now ? 'folded' : 'open'}.` };
	if (!want)
		return {
			ok: true,
			folded: folded.filter((f) => f !== id),
			message: `${name} unfolded: what argues under it is shown again.`
		};
	if (!canFold(index, id))
		return { ok: false, message: `${name} has nothing under it to fold away.` };
	const next = [...folded, id];
	const n = foldMap(map, next, index).counts.get(id) ?? 0;
	return {
		ok: true,
		folded: next,
		message: `${name} folded: ${hiddenWords(n)} under it. Z or its badge unfolds it.`
	};
}

/** "1 statement hidden", "12 statements hidden". */
export const hiddenWords = (n: number) => `${n} statement${n === 1 ? '' : 's'} hidden`;

const key = (mapId: string) => `warrant.folded.${mapId}`;

/**
 * The folds are also sent to the server in a cookie on the map's own path (`/maps/ID`, so no
 * other page carries it): the page then arrives drawn and laid out folded, not unfolded first.
 */
export const FOLD_COOKIE = 'warrant-folded';
/** At most this many folds are read from a cookie (a cookie holds about 4 KB). */
const MAX_COOKIE_FOLDS = 200;

/** The cookie that says a map's folds (one that expires at once when there are none). */
export function foldCookie(mapId: string, folded: readonly string[]): string {
	const value = encodeURIComponent(folded.join(' '));
	const age = folded.length ? 60 * 60 * 24 * 365 : 0;
	return `${FOLD_COOKIE}=${value}; Path=/maps/${mapId}; Max-Age=${age}; SameSite=Lax`;
}

/**
 * The folds a cookie's value asks for, as far as `map` has them: statements of the map with
 * something under them, each once, at most 200. Anything else in the value counts for nothing.
 */
export function foldsFromCookie(value: string | undefined, map: ArgumentMap): string[] {
	if (!value) return [];
	const index = indexMap(map);
	const ids = value.split(' ').filter((id) => index.node.has(id) && canFold(index, id));
	return [...new Set(ids)].slice(0, MAX_COOKIE_FOLDS);
}

/** The folds of each map in this browser's localStorage (nothing kept where storage is refused). */
export function browserFolds(): FoldStore {
	return {
		load(mapId) {
			try {
				const v: unknown = JSON.parse(localStorage.getItem(key(mapId)) ?? '[]');
				return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
			} catch {
				return [];
			}
		},
		save(mapId, folded) {
			try {
				if (folded.length) localStorage.setItem(key(mapId), JSON.stringify(folded));
				else localStorage.removeItem(key(mapId));
			} catch {
				// A private window may refuse storage: the folds then last for this visit.
			}
			document.cookie = foldCookie(mapId, folded);
		}
	};
}
