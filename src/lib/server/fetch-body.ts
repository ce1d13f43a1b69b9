/**
 * The body of a page fetch-page.ts read: its media type checked, decompressed under a size cap
 * while it streams in, and decoded with the charset the page declares.
 */
import type { IncomingMessage } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { PAGE_TYPES, fail, type FetchFailure, type PageType } from './fetch-result';

/** "2 MB", "10 KB". */
const size = (bytes: number) =>
	bytes >= 1024 * 1024
		? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
		: `${Math.round(bytes / 1024)} KB`;

export function mediaType(header: string | undefined): string {
	return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function isPageType(type: string): type is PageType {
	return (PAGE_TYPES as readonly string[]).includes(type);
}

/** The body, decompressed, or a failure once it passes `maxBytes`. */
export async function readBody(
	response: IncomingMessage,
	maxBytes: number,
	hostname: string
): Promise<{ ok: true; bytes: Buffer } | FetchFailure> {
	const tooLarge = () =>
		fail('too-large', `The page at ${hostname} is larger than ${size(maxBytes)}.`);
	if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
		response.destroy();
		return tooLarge();
	}
	const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
	const decoder =
		encoding === 'gzip' || encoding === 'x-gzip'
			? createGunzip()
			: encoding === 'deflate'
				? createInflate()
				: encoding === 'br'
					? createBrotliDecompress()
					: null;
	// The cap counts decompressed bytes: a small compressed body can expand a thousandfold.
	const body: Readable = decoder ? pipeline(response, decoder, () => {}) : response;
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of body) {
		const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
		total += bytes.length;
		if (total > maxBytes) {
			response.destroy();
			body.destroy();
			return tooLarge();
		}
		chunks.push(bytes);
	}
	return { ok: true, bytes: Buffer.concat(chunks) };
}

/** Decode as the page says: byte-order mark, then the header's charset, then `<meta>`. */
export function decodeBody(bytes: Uint8Array, contentType: string, type: PageType): string {
	let label = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
	else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
	else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
	else if (!label && type !== 'text/plain') {
		// Browsers look for the declaration in the first 1024 bytes; so does this.
		const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
		label = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
	}
	let decoder: TextDecoder;
	try {
		decoder = new TextDecoder(label ?? 'utf-8');
	} catch {
		// An unknown label: UTF-8 is what an undeclared page most likely is.
		decoder = new TextDecoder('utf-8');
	}
	return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

/** Windows-1252's 0x80–0x9F (0 where the byte is unassigned and maps to the C1 control). */
const CP1252_HIGH = [
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
	0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
	0x203a, 0x0153, 0, 0x017e, 0x0178
];

/**
 * Node 20's TextDecoder decodes windows-1252 (the label behind "latin1" and "iso-8859-1" too)
 * as ISO-8859-1, so "€" and curly quotes come out as control characters; this does it right.
 */
function decodeWindows1252(bytes: Uint8Array): string {
	const parts: string[] = [];
	for (let start = 0; start < bytes.length; start += 8192) {
		const codes = Array.from(bytes.subarray(start, start + 8192), (b) =>
			b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b
		);
		parts.push(String.fromCharCode(...codes));
	}
	return parts.join('');
}
