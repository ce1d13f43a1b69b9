import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
	chooseEncoding,
	compressAhead,
	compressed,
	LruCache,
	MIN_BYTES,
	toResponse
} from './page-cache';

describe('chooseEncoding', () => {
	it('prefers brotli, then gzip, and honours q=0', () => {
		expect(chooseEncoding('gzip, deflate, br')).toBe('br');
		expect(chooseEncoding('gzip;q=0.8, br;q=0')).toBe('gzip');
		expect(chooseEncoding('deflate')).toBeUndefined();
		expect(chooseEncoding(null)).toBeUndefined();
		expect(chooseEncoding('*')).toBe('br');
	});
});

const html = (body: string, headers: Record<string, string> = {}) =>
	new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });
const page = '<p>' + 'An argument map page. '.repeat(200) + '</p>';

describe('compressed', () => {
	it('brotli-compresses a page the client accepts, and it decodes to the same text', async () => {
		const r = await compressed(html(page), 'br');
		expect(r).toBeDefined();
		const headers = new Headers(r!.headers);
		expect(headers.get('content-encoding')).toBe('br');
		expect(headers.get('vary')).toBe('Accept-Encoding');
		expect(r!.body.byteLength).toBeLessThan(page.length / 5);
		expect(brotliDecompressSync(r!.body).toString()).toBe(page);
		expect(await toResponse(r!).arrayBuffer()).toHaveProperty('byteLength', r!.body.byteLength);
	});

	it('gzips for a client without brotli', async () => {
		const r = await compressed(html(page), 'gzip');
		expect(gunzipSync(r!.body).toString()).toBe(page);
	});

	it('leaves small bodies as they are, but still says the answer varies', async () => {
		const r = await compressed(html('<p>short</p>'), 'br');
		expect(MIN_BYTES).toBeGreaterThan(12);
		expect(new Headers(r!.headers).has('content-encoding')).toBe(false);
		expect(new Headers(r!.headers).get('vary')).toBe('Accept-Encoding');
	});

	it('passes through what it must not touch', async () => {
		expect(await compressed(html(page), undefined)).toBeUndefined();
		expect(
			await compressed(new Response(page, { headers: { 'content-type': 'image/png' } }), 'br')
		).toBeUndefined();
		expect(await compressed(html(page, { 'content-encoding': 'gzip' }), 'br')).toBeUndefined();
	});
});

describe('compressed ahead', () => {
	it('a whole rendered page (it has an ETag) is sent as compressed ahead, in its encoding', async () => {
		const ahead = compressAhead(page, 'br');
		// The response's body is not read: the bytes compressed ahead are the page's.
		const r = await compressed(html('not read', { etag: '"x"' }), 'br', ahead);
		expect(brotliDecompressSync(r!.body).toString()).toBe(page);
		expect(new Headers(r!.headers).get('content-length')).toBe(String(r!.body.byteLength));
	});

	it('any other response is compressed from its own body', async () => {
		const ahead = compressAhead(page, 'br');
		const other = 'Another answer. '.repeat(100);
		// Streamed (no ETag), not HTML, or another encoding than the one begun.
		for (const [response, encoding] of [
			[html(other), 'br'],
			[new Response(other, { headers: { 'content-type': 'text/plain', etag: '"x"' } }), 'br'],
			[html(other, { etag: '"x"' }), 'gzip']
		] as const) {
			const r = await compressed(response, encoding, ahead);
			const text = encoding === 'br' ? brotliDecompressSync(r!.body) : gunzipSync(r!.body);
			expect(text.toString()).toBe(other);
		}
	});

	it('a small page is sent as it is', async () => {
		const r = await compressed(
			html('x', { etag: '"x"' }),
			'br',
			compressAhead('<p>short</p>', 'br')
		);
		expect(new Headers(r!.headers).has('content-encoding')).toBe(false);
		expect(new TextDecoder().decode(r!.body)).toBe('<p>short</p>');
	});
});

describe('LruCache', () => {
	it('drops the least recently used entry past its size', () => {
		const c = new LruCache<number>(2);
		c.set('a', 1);
		c.set('b', 2);
		expect(c.get('a')).toBe(1);
		c.set('c', 3);
		expect(c.get('b')).toBeUndefined();
		expect(c.get('a')).toBe(1);
		expect(c.size).toBe(2);
	});
});
