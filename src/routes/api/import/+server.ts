import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { problem, readJsonBody } from '$lib/server/http';
import { FAILURE_STATUS, MAX_URL_LENGTH, fetchPage } from '$lib/server/fetch-page';
import { extract } from '$lib/server/extract';
import type { RequestHandler } from './$types';

const body = z.object({ url: z.string().trim().min(1).max(MAX_URL_LENGTH) });

/**
 * Bring a text in from a web page. The body is `{ url }`; the answer is 200 with the article
 * as `ExtractedText` (title, author, publication, date, language, url, blocks), or
 * `{ message, code }`: 400 for a body without an address, 422 for an address Warrant will not
 * fetch (not http(s), private or local), 502 when the page could not be read (unknown host,
 * error status, not HTML or text, over 2 MB, no text in it), 504 when it took too long.
 */
export const POST: RequestHandler = async ({ request }) => {
	const read = await readJsonBody(request);
	if (!read.ok) return read.response;
	const parsed = body.safeParse(read.value);
	if (!parsed.success)
		return problem(
			400,
			`send the page's address as {"url": "https://…"}, at most ${MAX_URL_LENGTH} characters`
		);
	const page = await fetchPage(parsed.data.url);
	if (!page.ok) return problem(FAILURE_STATUS[page.code], page.message, { code: page.code });
	const text = extract(page.text, {
		url: page.url,
		type: page.type === 'text/plain' ? 'text' : 'html',
		language: page.language
	});
	if (text.blocks.length === 0)
		return problem(502, `${new URL(page.url).hostname} sent a page with no text to import.`, {
			code: 'empty'
		});
	return json(text);
};
