import { error } from '@sveltejs/kit';
import { layoutMap } from '$lib/layout/run';
import { loadMap } from '$lib/server/store';
import type { ArgumentMap } from '$lib/model/schema';
import type { MapLayout } from '$lib/layout/types';
import { withoutBoxes } from '$lib/layout/payload';
import type { PageServerLoad } from './$types';

/** Layouts by map value: the store hands out the same value while the file is unchanged. */
const layouts = new WeakMap<ArgumentMap, Promise<MapLayout>>();

export const load: PageServerLoad = async ({ params }) => {
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
	// Laid out on the server, so the first paint already shows the map.
	let layout = layouts.get(r.map);
	if (!layout) {
		layout = layoutMap(r.map);
		layouts.set(r.map, layout);
		layout.catch(() => layouts.delete(r.map));
	}
	// Sent without the statements' box geometry: the page measures it again (layout/payload.ts).
	return { id: r.id, map: r.map, layout: withoutBoxes(await layout), etag: r.etag };
};
