import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { problem, readJsonBody } from '$lib/server/http';
import {
	DEFAULT_MAX_BYTES,
	FAILURE_STATUS,
	MAX_URL_LENGTH,
	fetchPage
} from '$lib/server/fetch-page';
import { extract } from '$lib/server/extract';
import type { RequestHandler } from './$types';

const fromUrl = z.object({ url: z.string().trim().min(1).max(MAX_URL_LENGTH) });
/** A saved page: its HTML, and the address it was saved from when the reader knows it. */
const fromHtml = z.strictObject({
	html: z.string(),
	url: z.string().trim().max(MAX_URL_LENGTH).optional()
});

const encoder = new TextEncoder();

/**
 * Bring a text in from a web page. The body is `{ url }` (the server fetches the page) or
 * `{ html, url? }` (a saved `.html` file, read here with the same extraction; `url` is where it
 * was saved from, kept as the source's address). The answer is 200 with the article as
 * `ExtractedText` (title, author, publication, date, language, url, blocks), or
 * `{ message, code }`: 400 for a body that is neither, 413 for saved HTML over 2 MB (the cap on
 * fetched pages), 422 for an address Warrant will not fetch (not http(s), private or local) or
 * saved HTML with no text in it, 502 when the page could not be read (unknown host, error
 * status, not HTML or text, over 2 MB, no text in it), 504 when it took too long.
 */
export const POST: RequestHandler = async ({ request }) => {
	const read = await readJsonBody(request);
	if (!read.ok) return read.response;
	const saved = fromHtml.safeParse(read.value);
	if (saved.success) return fromSavedPage(saved.data.html, saved.data.url);
	const parsed = fromUrl.safeParse(read.value);
	if (!parsed.success)
		return problem(
			400,
			`send the page's address as {"url": "https://…"} (at most ${MAX_URL_LENGTH} characters), or a saved page as {"html": "…"}`
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

function fromSavedPage(html: string, url: string | undefined): Response {
	// Characters are at most as many as bytes: only a long string needs counting in bytes.
	if (html.length > DEFAULT_MAX_BYTES / 4 && encoder.encode(html).length > DEFAULT_MAX_BYTES)
		return problem(413, 'The saved page is larger than 2 MB.', { code: 'too-large' });
	const text = extract(html, { type: 'html', url: url || undefined });
	if (text.blocks.length === 0)
		return problem(422, 'The saved page has no text to import.', { code: 'empty' });
	return json(text);
}
