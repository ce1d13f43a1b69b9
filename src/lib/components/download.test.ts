import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchExport, fileNameOf } from './download';

describe('fileNameOf', () => {
	it('reads the name a server gives, and never a path', () => {
		expect(fileNameOf('attachment; filename="japan-mongolia@2x.png"')).toBe(
			'japan-mongolia@2x.png'
		);
		expect(fileNameOf('attachment; filename=map.svg')).toBe('map.svg');
		expect(fileNameOf('attachment; filename="../../etc/passwd"')).toBeUndefined();
		expect(fileNameOf(null)).toBeUndefined();
	});
});

describe('fetchExport', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('gives the file under the server’s name', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(
				async () =>
					new Response('<svg/>', {
						headers: { 'content-disposition': 'attachment; filename="m.svg"' }
					})
			)
		);
		const r = await fetchExport('/x', 'fallback.svg', new AbortController().signal);
		expect(r.ok && r.name).toBe('m.svg');
		expect(r.ok && (await r.blob.text())).toBe('<svg/>');
	});

	it('says the server’s refusal in its own words', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(
				async () =>
					new Response('scale must be 1, 2 or 3, not "4"', {
						status: 400,
						headers: { 'content-type': 'text/plain; charset=utf-8' }
					})
			)
		);
		const r = await fetchExport('/x', 'f', new AbortController().signal);
		expect(r).toEqual({ ok: false, cancelled: false, message: 'scale must be 1, 2 or 3, not "4"' });
	});

	it('stops waiting when cancelled, and says so', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(
				(_: string, init: RequestInit) =>
					new Promise((_resolve, reject) =>
						init.signal!.addEventListener('abort', () =>
							reject(new DOMException('aborted', 'AbortError'))
						)
					)
			)
		);
		const stop = new AbortController();
		const pending = fetchExport('/x', 'f', stop.signal);
		stop.abort();
		expect(await pending).toEqual({ ok: false, cancelled: true, message: 'Export cancelled.' });
	});
});
