import { error } from '@sveltejs/kit';
import { loadMap } from '$lib/server/store';
import { pageLayout } from '$lib/server/page-layouts';
import { withoutBoxes } from '$lib/layout/payload';
import { JsonPayload } from '$lib/transport/json-payload';
import { PagePayloads } from '$lib/transport/page-payloads';
import { FOLD_COOKIE, foldsFromCookie } from '$lib/editor/folding';
import { CANVAS_COOKIE, sizeFromCookie } from '$lib/canvas/canvas-size';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, locals, isDataRequest }) => {
	const r = await loadMap(params.id, locals.mapRead);
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
	locals.mapRevision = r.etag;
	const folded = foldsFromCookie(cookies.get(FOLD_COOKIE), r.map);
	const layout = await pageLayout(r.map, folded);
	// Sent without the statements' box geometry: the page measures it again (layout/payload.ts);
	// map and layout as JSON text, not written out by devalue (transport/json-payload.ts); in a
	// server-rendered page, in script elements of their own.
	const page = isDataRequest ? undefined : (locals.pagePayloads ??= new PagePayloads());
	return {
		id: r.id,
		map: new JsonPayload(r.map, page),
		layout: new JsonPayload(withoutBoxes(layout), page),
		etag: r.etag,
		folded,
		// The first view is drawn for this browser's canvas (canvas/canvas-size.ts).
		canvas: sizeFromCookie(cookies.get(CANVAS_COOKIE))
	};
};
