import { error } from '@sveltejs/kit';
import { layoutMap } from '$lib/layout/run';
import { loadMap } from '$lib/server/store';
import type { ArgumentMap } from '$lib/model/schema';
import type { MapLayout } from '$lib/layout/types';
import { withoutBoxes } from '$lib/layout/payload';
import { FOLD_COOKIE, foldsFromCookie } from '$lib/editor/folding';
import type { PageServerLoad } from './$types';

/**
 * Layouts by map value and folds: the store hands out the same value while the file is
 * unchanged; the folds are this browser's (its cookie), most often none.
 */
const layouts = new WeakMap<ArgumentMap, Map<string, Promise<MapLayout>>>();

export const load: PageServerLoad = async ({ params, cookies }) => {
	const r = await loadMap(params.id);
	if (!r.ok) {
		const message =
			r.status === 404
				? `There is no map called "${params.id}".`
				: r.status === 400
					? 'That is not a map id.'
					: `The map file ${r.file} cannot be opened.`;
		error(r.status, {
			message,
			problems: r.status === 404 || r.status === 400 ? undefined : r.problems,
			file: r.file
		});
	}
	// Laid out on the server, so the first paint already shows the map, folded as this browser
	// left it (editor/folding.ts: the cookie on the map's path).
	const folded = foldsFromCookie(cookies.get(FOLD_COOKIE), r.map);
	const byFolds = layouts.get(r.map) ?? new Map<string, Promise<MapLayout>>();
	layouts.set(r.map, byFolds);
	const key = folded.join(' ');
	let layout = byFolds.get(key);
	if (!layout) {
		layout = layoutMap(r.map, {}, folded.length ? { folded } : {});
		byFolds.set(key, layout);
		layout.catch(() => byFolds.delete(key));
	}
	// Sent without the statements' box geometry: the page measures it again (layout/payload.ts).
	return { id: r.id, map: r.map, layout: withoutBoxes(await layout), etag: r.etag, folded };
};
