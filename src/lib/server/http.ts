/** HTTP helpers shared by the API endpoints: JSON errors and a size-limited body read. */
import { json } from '@sveltejs/kit';
import { MAP_SIZE_RULE, MAX_MAP_BYTES, type Problem } from '../model';

export function problem(
	status: number,
	message: string,
	extra: { problems?: Problem[]; etag?: string; code?: string } = {}
) {
	return json({ message, ...extra }, { status, headers: extra.etag ? { ETag: extra.etag } : {} });
}

/** The request body as JSON, refusing bodies over the map size limit (413) and bad JSON (400). */
export async function readJsonBody(
	request: Request
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > MAX_MAP_BYTES)
		return {
			ok: false,
			response: problem(413, MAP_SIZE_RULE)
		};
	let text: string;
	try {
		text = await request.text();
	} catch {
		return {
			ok: false,
			response: problem(413, MAP_SIZE_RULE)
		};
	}
	if (text.length > MAX_MAP_BYTES)
		return {
			ok: false,
			response: problem(413, MAP_SIZE_RULE)
		};
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, response: problem(400, 'the body is not valid JSON') };
	}
}
