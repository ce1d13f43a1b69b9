/**
 * Pages for the end-to-end tests of URL import, served by the app itself so no test needs
 * the internet. They exist only when `WARRANT_TEST_PAGES_DIR` names a folder of fixture pages
 * (scripts/e2e-server.mjs sets it); otherwise every name is a 404, so a real server has none.
 *
 * - `<name>`: `<name>.html` (or `.txt`) from that folder;
 * - `large`: an HTML page of 2.5 MB, streamed without a Content-Length, over the import cap;
 * - `slow`: a page that trickles in for 20 s, past the import time-out;
 * - `redirect?to=…`: a 302 to `to`, for following redirects and checking every hop.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isSlug } from '../model/ids';

const encoder = new TextEncoder();
const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

function stream(next: () => Promise<string | null>): ReadableStream<Uint8Array> {
	return new ReadableStream({
		async pull(controller) {
			const chunk = await next();
			if (chunk === null) controller.close();
			else controller.enqueue(encoder.encode(chunk));
		}
	});
}

const html = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };

function large(): Response {
	const paragraph = `<p>${'A sentence that pads the page well past the size limit. '.repeat(20)}</p>\n`;
	let left = 2.5 * 1024 * 1024;
	return new Response(
		stream(async () => {
			if (left <= 0) return null;
			left -= paragraph.length * 50;
			return paragraph.repeat(50);
		}),
		{ headers: html }
	);
}

function slow(): Response {
	let part = 0;
	return new Response(
		stream(async () => {
			if (part === 0) return `<!DOCTYPE html><title>Slow</title><p>Part ${++part}.</p>\n`;
			await delay(250);
			return part++ < 80 ? `<p>Part ${part}, still loading.</p>\n` : null;
		}),
		{ headers: html }
	);
}

/** The test page called `name`, or null (a 404) when there is none or test pages are off. */
export async function testPage(name: string, url: URL): Promise<Response | null> {
	const dir = process.env.WARRANT_TEST_PAGES_DIR;
	if (!dir || !isSlug(name)) return null;
	if (name === 'large') return large();
	if (name === 'slow') return slow();
	if (name === 'redirect') {
		const to = url.searchParams.get('to');
		return to ? new Response(null, { status: 302, headers: { Location: to } }) : null;
	}
	for (const [extension, type] of [
		['.html', 'text/html; charset=utf-8'],
		['.txt', 'text/plain; charset=utf-8']
	] as const) {
		try {
			const body = await readFile(join(resolve(dir), name + extension));
			return new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'no-store' } });
		} catch {
			// Not this extension; try the next.
		}
	}
	return null;
}
