import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '../../routes/api/import/+server';
import { testPage } from './test-pages';
import { ARTICLE_BLOCKS, ARTICLE_SOURCE } from '../../../tests/fixtures/import/expected';

// The endpoint takes SvelteKit's event; only the request is used.
type Event = Parameters<typeof POST>[0];
const post = async (body: string) => {
	const response = await POST({
		request: new Request('http://x/api/import', { method: 'POST', body })
	} as unknown as Event);
	return { status: response.status, json: await response.json() };
};

let server: Server;
let origin: string;
const before = process.env.WARRANT_IMPORT_ALLOW;
const pagesBefore = process.env.WARRANT_TEST_PAGES_DIR;

beforeAll(async () => {
	const article = readFileSync('tests/fixtures/import/article.html');
	server = createServer((req, res) => {
		res.writeHead(200, { 'Content-Type': 'text/html' });
		res.end(req.url === '/empty' ? '<html><body><nav></nav></body></html>' : article);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
	if (before === undefined) delete process.env.WARRANT_IMPORT_ALLOW;
	else process.env.WARRANT_IMPORT_ALLOW = before;
	if (pagesBefore === undefined) delete process.env.WARRANT_TEST_PAGES_DIR;
	else process.env.WARRANT_TEST_PAGES_DIR = pagesBefore;
});
afterAll(() => server.close());

describe('POST /api/import', () => {
	it('answers the extracted text for a page it may fetch', async () => {
		process.env.WARRANT_IMPORT_ALLOW = origin;
		const { status, json } = await post(JSON.stringify({ url: `${origin}/op-ed` }));
		expect(status).toBe(200);
		expect(json).toMatchObject({ ...ARTICLE_SOURCE, url: `${origin}/op-ed` });
		expect(json.blocks).toHaveLength(ARTICLE_BLOCKS);
	});

	it('refuses a local address that is not the allowed origin, with a 422', async () => {
		delete process.env.WARRANT_IMPORT_ALLOW;
		const { status, json } = await post(JSON.stringify({ url: `${origin}/op-ed` }));
		expect(status).toBe(422);
		expect(json).toEqual({
			code: 'local-address',
			message:
				'127.0.0.1 is a private or local address (loopback). Warrant imports pages from public addresses only.'
		});
	});

	it('refuses file: addresses', async () => {
		const { status, json } = await post(JSON.stringify({ url: 'file:///etc/passwd' }));
		expect([status, json.code]).toEqual([422, 'scheme']);
		expect(json.message).toBe(
			'Only web addresses (http:// or https://) can be imported, not file: addresses.'
		);
	});

	it('says when a page has no text', async () => {
		process.env.WARRANT_IMPORT_ALLOW = origin;
		const { status, json } = await post(JSON.stringify({ url: `${origin}/empty` }));
		expect([status, json]).toEqual([
			502,
			{ code: 'empty', message: '127.0.0.1 sent a page with no text to import.' }
		]);
	});

	it.each([['not json'], ['{}'], ['{"url": 42}'], ['{"url": "   "}'], ['[]']])(
		'answers 400 to the body %s',
		async (body) => {
			const { status, json } = await post(body);
			expect(status).toBe(400);
			expect(typeof json.message).toBe('string');
		}
	);
});

describe('POST /api/import with a saved page', () => {
	const html = readFileSync('tests/fixtures/import/article.html', 'utf8');

	it('reads a saved .html file with the same extraction as a fetched page', async () => {
		const { status, json } = await post(JSON.stringify({ html }));
		expect(status).toBe(200);
		// No address given: the page's own canonical address is the source's.
		expect(json).toMatchObject({
			...ARTICLE_SOURCE,
			url: 'https://ledger.example/opinion/library-sundays'
		});
		expect(json.blocks).toHaveLength(ARTICLE_BLOCKS);
	});

	it('keeps the address the page was saved from, when it is a web address', async () => {
		const from = 'https://example.org/saved';
		expect((await post(JSON.stringify({ html, url: from }))).json.url).toBe(from);
		const local = await post(JSON.stringify({ html, url: 'file:///home/me/page.html' }));
		expect(local.json.url).toBe('https://ledger.example/opinion/library-sundays');
	});

	it('refuses saved pages over 2 MB, counted in bytes, as fetched pages are', async () => {
		// 700,000 three-byte characters: under 2 MB as characters, over it as UTF-8.
		const big = `<p>${'€'.repeat(700_000)}</p>`;
		expect(big.length).toBeLessThan(2 * 1024 * 1024);
		expect(await post(JSON.stringify({ html: big }))).toEqual({
			status: 413,
			json: { code: 'too-large', message: 'The saved page is larger than 2 MB.' }
		});
		const fits = `<p>${'a'.repeat(2 * 1024 * 1024 - 200)}</p>`;
		expect((await post(JSON.stringify({ html: fits }))).status).toBe(200);
	});

	it('says when a saved page has no text', async () => {
		expect(await post(JSON.stringify({ html: '<html><body><nav></nav></body></html>' }))).toEqual({
			status: 422,
			json: { code: 'empty', message: 'The saved page has no text to import.' }
		});
	});

	it("never runs or returns the page's markup", async () => {
		const hostile = readFileSync('tests/fixtures/import/hostile.html', 'utf8');
		const { status, json } = await post(JSON.stringify({ html: hostile }));
		expect(status).toBe(200);
		expect(JSON.stringify(json.blocks)).not.toMatch(/<script|javascript:|onerror/i);
	});

	it.each([['{"html": 42}'], ['{"html": "<p>x</p>", "url": 7}'], ['{"text": "plain"}']])(
		'answers 400 to the body %s',
		async (body) => {
			expect((await post(body)).status).toBe(400);
		}
	);
});

describe('test pages', () => {
	const at = (path: string) => new URL(`http://x/test-pages/${path}`);

	it('do not exist unless the e2e server turns them on', async () => {
		delete process.env.WARRANT_TEST_PAGES_DIR;
		for (const name of ['article', 'large', 'slow', 'redirect'])
			expect(await testPage(name, at(`${name}?to=/`))).toBeNull();
	});

	it('serve the fixture folder by slug only', async () => {
		process.env.WARRANT_TEST_PAGES_DIR = 'tests/fixtures/import';
		const page = await testPage('article', at('article'));
		expect(page?.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(await page?.text()).toContain('Open the library on Sundays');
		expect((await testPage('plain', at('plain')))?.headers.get('content-type')).toMatch(
			/^text\/plain/
		);
		for (const name of ['../../package', 'Article', 'no-such-page'])
			expect(await testPage(name, at(name))).toBeNull();
	});
});
