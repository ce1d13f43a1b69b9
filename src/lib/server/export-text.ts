/**
 * A saved map as a download in one of the text formats (`/maps/ID/export/argdown`,
 * `/maps/ID/export/aif`): the formats table's printer, a file name that says the format, and the
 * map's ETag so a browser does not fetch it twice.
 */
import { formatById } from '$lib/formats';
import { loadMap } from './store';
import { problem } from './http';

const TYPES = {
	argdown: 'text/plain; charset=utf-8',
	aif: 'application/json; charset=utf-8'
} as const;

export async function textExport(id: string, formatId: keyof typeof TYPES): Promise<Response> {
	const format = formatById(formatId)!;
	const loaded = await loadMap(id);
	if (!loaded.ok)
		return problem(loaded.status, loaded.problems[0]?.message ?? 'the map cannot be read', {
			problems: loaded.problems
		});
	return new Response(format.print!(loaded.map), {
		headers: {
			'Content-Type': TYPES[formatId],
			'Content-Disposition': `attachment; filename="${id}${format.extensions[0]}"`,
			// The map's ETag (quoted), told apart per format.
			ETag: loaded.etag.replace(/^"/, `"${formatId}-`),
			'Cache-Control': 'no-cache'
		}
	});
}
