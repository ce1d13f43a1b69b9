import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, parsePageUrl, settingsFromEnv, type FetchResult } from './fetch-page';

const article = readFileSync('tests/fixtures/import/article.html');
const MB = 1024 * 1024;

/** The pages the tests fetch: one route a behaviour. */
function handle(path: string, headers: Record<string, string | string[] | undefined>) {
	return (res: import('node:http').ServerResponse) => {
		const html = (body: string | Buffer, extra: Record<string, string> = {}) => {
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...extra });
			res.end(body);
		};
		// /r/N redirects N times before it reaches /page.
		const hop = /^\/r\/(\d+)$/.exec(path);
		if (hop) {
			const n = Number(hop[1]);
			res.writeHead(302, { Location: n <= 1 ? '/page' : `/r/${n - 1}` });
			return res.end();
		}
		const [route, query = ''] = path.split('?');
		switch (route) {
			case '/page':
				return html(article);
			case '/text':
				res.writeHead(200, { 'Content-Type': 'text/plain' });
				return res.end('One.\n\nTwo.');
			case '/to':
				res.writeHead(301, { Location: decodeURIComponent(query) });
				return res.end();
			case '/no-location':
				res.writeHead(302);
				return res.end();
			case '/host':
				res.writeHead(200, { 'Content-Type': 'text/plain' });
				return res.end(`host=${headers.host}`);
			case '/missing':
				res.writeHead(404, { 'Content-Type': 'text/html' });
				return res.end('<p>gone</p>');
			case '/png':
				res.writeHead(200, { 'Content-Type': 'image/png' });
				return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
			case '/untyped':
				res.writeHead(200);
				return res.end('<p>what am I</p>');
			case '/declared-large':
				res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(3 * MB) });
				return res.write('<p>');
			case '/streamed-large': {
				res.writeHead(200, { 'Content-Type': 'text/html' });
				const chunk = `<p>${'x'.repeat(64 * 1024)}</p>`;
				for (let i = 0; i < 40; i++) res.write(chunk);
				return res.end();
			}
			case '/gzip':
				return html(gzipSync(article), { 'Content-Encoding': 'gzip' });
			case '/gzip-bomb':
				return html(gzipSync(Buffer.alloc(3 * MB, 0x20)), { 'Content-Encoding': 'gzip' });
			case '/latin1':
				// "café €“”": é is the same in ISO-8859-1, the euro and the quotes are not.
				res.writeHead(200, { 'Content-Type': 'text/html; charset=windows-1252' });
				return res.end(
					Buffer.from([0x3c, 0x70, 0x3e, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x93, 0x94])
				);
			case '/meta-charset':
				res.writeHead(200, { 'Content-Type': 'text/html' });
				return res.end(
					Buffer.concat([
						Buffer.from('<meta charset="iso-8859-1"><p>na'),
						Buffer.from([0xef, 0x76, 0x65])
					])
				);
			case '/silent':
				return; // never answers
			case '/trickle': {
				res.writeHead(200, { 'Content-Type': 'text/html' });
				const timer = setInterval(() => res.write('<p>more</p>'), 50);
				res.on('close', () => clearInterval(timer));
				return;
			}
			default:
				res.writeHead(404);
				return res.end();
		}
	};
}

let server: Server;
let origin: string;
let port: number;
/** A port nothing listens on: bound once, then released. */
let closedPort: number;

beforeAll(async () => {
	server = createServer((req, res) => handle(req.url ?? '/', req.headers)(res));
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	port = (server.address() as AddressInfo).port;
	origin = `http://127.0.0.1:${port}`;
	const spare = createServer();
	await new Promise<void>((done) => spare.listen(0, '127.0.0.1', done));
	closedPort = (spare.address() as AddressInfo).port;
	await new Promise((done) => spare.close(done));
});
afterAll(() => {
	server.closeAllConnections();
	server.close();
});

/** Fetch with the test server's origin allowed, as the e2e server is configured. */
const get = (path: string, options: Parameters<typeof fetchPage>[1] = {}) =>
	fetchPage(`${origin}${path}`, { allowOrigins: [origin], ...options });

function failure(r: FetchResult) {
	if (r.ok) throw new Error(`expected a failure, got ${r.url}`);
	return r;
}

describe('which addresses may be fetched', () => {
	it.each([
		['file:///etc/passwd', 'file:'],
		['data:text/html,<script>alert(1)</script>', 'data:'],
		['javascript:alert(1)', 'javascript:'],
		['ftp://example.org/file.txt', 'ftp:'],
		['gopher://example.org/', 'gopher:'],
		['ws://example.org/socket', 'ws:'],
		['blob:https://example.org/1234', 'blob:']
	])('refuses %s: only http(s)', async (url, scheme) => {
		const r = failure(await fetchPage(url));
		expect(r.code).toBe('scheme');
		expect(r.message).toBe(
			`Only web addresses (http:// or https://) can be imported, not ${scheme} addresses.`
		);
		// The address itself is not repeated back: a javascript: or data: URL is not a message.
		expect(r.message).not.toContain('alert');
	});

	it('refuses what is not an address at all, and long ones', async () => {
		expect(failure(await fetchPage('https://exa mple.org')).code).toBe('bad-url');
		expect(failure(await fetchPage('http://')).code).toBe('bad-url');
		const long = failure(await fetchPage(`https://example.org/${'a'.repeat(2000)}`));
		expect(long.message).toBe('The address is longer than 2000 characters.');
	});

	it('refuses addresses with a user name or password', async () => {
		const r = failure(await fetchPage('https://me:secret@example.org/page'));
		expect(r.code).toBe('credentials');
		expect(r.message).toContain('example.org');
		expect(r.message).not.toContain('secret');
	});

	it('takes an address without a scheme as https', () => {
		const r = parsePageUrl('  example.org/op-ed?id=3 ');
		expect(r.ok && r.url.href).toBe('https://example.org/op-ed?id=3');
	});

	it.each([
		['http://127.0.0.1/', '127.0.0.1 is a private or local address (loopback).'],
		['http://127.000.000.001:80/', '127.0.0.1 is a private or local address (loopback).'],
		['http://2130706433/', '127.0.0.1 is a private or local address (loopback).'],
		['http://0x7f.1/', '127.0.0.1 is a private or local address (loopback).'],
		['http://0.0.0.0:8080/', '0.0.0.0 is a private or local address (unspecified).'],
		['http://10.0.0.8/admin', '10.0.0.8 is a private or local address (private network).'],
		['http://192.168.1.1/', '192.168.1.1 is a private or local address (private network).'],
		['http://172.20.0.1/', '172.20.0.1 is a private or local address (private network).'],
		[
			'http://169.254.169.254/latest/meta-data/',
			'169.254.169.254 is a private or local address (link-local).'
		],
		[
			'http://100.64.1.1/',
			'100.64.1.1 is a private or local address (shared (carrier-grade NAT)).'
		],
		['http://[::1]:4173/', '[::1] is a private or local address (loopback).'],
		['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1] is a private or local address (loopback).'],
		['http://[fd00::5]/', '[fd00::5] is a private or local address (unique-local).'],
		['http://[fe80::1]/', '[fe80::1] is a private or local address (link-local).'],
		['http://[ff02::1]/', '[ff02::1] is a private or local address (multicast).']
	])('refuses %s before connecting', async (url, sentence) => {
		const r = failure(await fetchPage(url, { allowOrigins: [] }));
		expect(r.code).toBe('local-address');
		expect(r.message).toBe(`${sentence} Warrant imports pages from public addresses only.`);
	});

	it('refuses the local test server when its origin is not the allowed one', async () => {
		const r = failure(await fetchPage(`${origin}/page`, { allowOrigins: [] }));
		expect(r.message).toMatch(/^127\.0\.0\.1 is a private or local address \(loopback\)/);
		// The same server under another origin (port) is another origin: refused too.
		const other = failure(
			await fetchPage(`${origin}/page`, { allowOrigins: [`http://127.0.0.1:${closedPort}`] })
		);
		expect(other.code).toBe('local-address');
		// A prefix of the origin is not the origin.
		const prefix = failure(
			await fetchPage(`${origin}/page`, { allowOrigins: [`http://127.0.0.1:${port}0`] })
		);
		expect(prefix.code).toBe('local-address');
	});

	it('checks the addresses a name resolves to, every one of them', async () => {
		const resolve = async (name: string) =>
			name === 'evil.example' ? ['127.0.0.1'] : ['93.184.215.14', '10.0.0.1'];
		const loop = failure(await fetchPage('http://evil.example/', { resolve }));
		expect(loop.message).toBe(
			'evil.example resolves to 127.0.0.1, a private or local address (loopback). Warrant imports pages from public addresses only.'
		);
		const mixed = failure(await fetchPage('https://mixed.example/', { resolve }));
		expect(mixed.message).toMatch(/^mixed\.example resolves to 10\.0\.0\.1, a private/);
		const localhost = failure(await fetchPage(`http://localhost:${port}/page`));
		expect(localhost.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a private/);
	});

	it('says so when a name cannot be found', async () => {
		const resolve = async () => {
			throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
		};
		const r = failure(await fetchPage('https://no-such-host.example/', { resolve }));
		expect(r).toEqual({
			ok: false,
			code: 'unknown-host',
			message: 'no-such-host.example could not be found; check the address.'
		});
	});

	it('connects to the address it checked, under the name it was given', async () => {
		// pages.example exists only in this resolver: had the request looked the name up again,
		// it could not have connected. The Host header still carries the name.
		let lookups = 0;
		const resolve = async () => {
			lookups++;
			return ['127.0.0.1'];
		};
		const r = await fetchPage(`http://pages.example:${port}/host`, {
			resolve,
			allowOrigins: [`http://pages.example:${port}`]
		});
		expect(r.ok && r.text).toBe(`host=pages.example:${port}`);
		expect(lookups).toBe(1);
	});
});

describe('fetching', () => {
	it('reads a page from the allowed origin', async () => {
		const r = await get('/page');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.type).toBe('text/html');
		expect(r.url).toBe(`${origin}/page`);
		expect(r.text).toContain('Open the library on Sundays');
	});

	it('reads plain text', async () => {
		const r = await get('/text');
		expect(r.ok && [r.type, r.text]).toEqual(['text/plain', 'One.\n\nTwo.']);
	});

	it('follows up to 5 redirects and names where it ended', async () => {
		const r = await get('/r/5');
		expect(r.ok && r.url).toBe(`${origin}/page`);
		const six = failure(await get('/r/6'));
		expect(six).toEqual({
			ok: false,
			code: 'redirects',
			message: '127.0.0.1 redirected more than 5 times; the page could not be reached.'
		});
		expect(failure(await get('/r/2', { maxRedirects: 1 })).code).toBe('redirects');
	});

	it('checks every hop of a redirect by the same rules', async () => {
		const local = failure(
			await get(`/to?${encodeURIComponent(`http://127.0.0.1:${closedPort}/secret`)}`)
		);
		expect(local.code).toBe('local-address');
		const metadata = failure(
			await get(`/to?${encodeURIComponent('http://169.254.169.254/latest/')}`)
		);
		expect(metadata.message).toMatch(/^169\.254\.169\.254 is a private or local address/);
		const file = failure(await get(`/to?${encodeURIComponent('file:///etc/passwd')}`));
		expect(file).toEqual({
			ok: false,
			code: 'scheme',
			message:
				'127.0.0.1 redirected to a file: address; only http:// and https:// addresses are followed.'
		});
		const noWhere = failure(await get('/no-location'));
		expect(noWhere.message).toBe('127.0.0.1 answered 302 but did not say where the page is.');
	});

	it('says what the server answered', async () => {
		expect(failure(await get('/missing'))).toEqual({
			ok: false,
			code: 'status',
			message: '127.0.0.1 answered 404 (Not Found); the page could not be read.'
		});
	});

	it('takes only web pages and plain text', async () => {
		expect(failure(await get('/png')).message).toBe(
			'127.0.0.1 sent image/png; only web pages (HTML) and plain text can be imported.'
		);
		expect(failure(await get('/untyped')).code).toBe('content-type');
	});

	it('refuses pages over the size cap, declared or streamed, compressed or not', async () => {
		expect(failure(await get('/declared-large'))).toEqual({
			ok: false,
			code: 'too-large',
			message: 'The page at 127.0.0.1 is larger than 2 MB.'
		});
		// No Content-Length: counted while the body streams in.
		expect(failure(await get('/streamed-large')).message).toBe(
			'The page at 127.0.0.1 is larger than 2 MB.'
		);
		// 3 MB of spaces compress to a few kilobytes; the cap counts what they expand to.
		expect(failure(await get('/gzip-bomb')).code).toBe('too-large');
		expect(failure(await get('/page', { maxBytes: 2 * 1024 })).message).toBe(
			'The page at 127.0.0.1 is larger than 2 KB.'
		);
	});

	it('decompresses and decodes as the page declares', async () => {
		const gz = await get('/gzip');
		expect(gz.ok && gz.text).toBe(article.toString('utf8'));
		const latin = await get('/latin1');
		expect(latin.ok && latin.text).toBe('<p>café €“”');
		const meta = await get('/meta-charset');
		expect(meta.ok && meta.text).toBe('<meta charset="iso-8859-1"><p>naïve');
	});

	it('gives up after the time-out, whether the server is silent or slow', async () => {
		const started = Date.now();
		expect(failure(await get('/silent', { timeoutMs: 300 }))).toEqual({
			ok: false,
			code: 'timeout',
			message: '127.0.0.1 took longer than 0.3 s to send the page.'
		});
		// The limit is for the whole exchange, not for each chunk.
		expect(failure(await get('/trickle', { timeoutMs: 400 })).message).toBe(
			'127.0.0.1 took longer than 0.4 s to send the page.'
		);
		expect(Date.now() - started).toBeLessThan(2000);
	});

	it('says so when nothing listens', async () => {
		const closed = `http://127.0.0.1:${closedPort}`;
		expect(failure(await fetchPage(`${closed}/`, { allowOrigins: [closed] }))).toEqual({
			ok: false,
			code: 'unreachable',
			message: '127.0.0.1 refused the connection.'
		});
	});
});

describe('settings from the environment', () => {
	it('reads allowed origins and the time-out, with defaults', () => {
		expect(
			settingsFromEnv({
				WARRANT_IMPORT_ALLOW: 'http://127.0.0.1:4173, http://localhost:4173',
				WARRANT_IMPORT_TIMEOUT_MS: '1500'
			})
		).toEqual({
			allowOrigins: ['http://127.0.0.1:4173', 'http://localhost:4173'],
			timeoutMs: 1500
		});
		expect(settingsFromEnv({})).toEqual({ allowOrigins: [], timeoutMs: 10_000 });
		expect(settingsFromEnv({ WARRANT_IMPORT_TIMEOUT_MS: 'soon' }).timeoutMs).toBe(10_000);
	});
});
