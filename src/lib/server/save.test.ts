import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeMap } from '../model/serialize';
import { createMap, etagOf, listMaps, loadMap, readMapText, saveMap, testHooks } from './store';
import { hasPageLayout, pageLayout } from './page-layouts';
import { PUT, GET } from '../../routes/api/maps/[id]/+server';
import { GET as LIST, POST } from '../../routes/api/maps/+server';

let dir: string;
const before = process.env.WARRANT_ARGUMENTS_DIR;
const file = () => join(dir, 'japan-mongolia.map.json');
const shipped = readFileSync('arguments/japan-mongolia.map.json', 'utf8');
// Saving is tested on a map someone owns: a shared map (no owner) is never saved into (below).
const original = serializeMap({ ...JSON.parse(shipped), owner: 'Ana' });
const edited = () => {
	const m = JSON.parse(original);
	m.nodes[0].text = 'An edited thesis.';
	return m;
};

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'warrant-save-'));
	cpSync('arguments', dir, { recursive: true });
	writeFileSync(file(), original);
	process.env.WARRANT_ARGUMENTS_DIR = dir;
});
afterEach(() => {
	delete testHooks.beforeRename;
});
afterAll(() => {
	if (before === undefined) delete process.env.WARRANT_ARGUMENTS_DIR;
	else process.env.WARRANT_ARGUMENTS_DIR = before;
});

// The endpoint handlers take SvelteKit's event; only params and request are used.
type Event = Parameters<typeof PUT>[0];
const put = (id: string, body: string, headers: Record<string, string> = {}) =>
	PUT({
		params: { id },
		request: new Request(`http://x/api/maps/${id}`, { method: 'PUT', body, headers })
	} as unknown as Event);

describe('saving maps', () => {
	it('saves over the version it names and returns the new ETag', async () => {
		const r = await saveMap('japan-mongolia', edited(), etagOf(original));
		expect(r.ok).toBe(true);
		const text = readFileSync(file(), 'utf8');
		expect(text).toContain('An edited thesis.');
		if (r.ok) expect(r.etag).toBe(etagOf(text));
		// Canonical: only the edited line differs from the original.
		const a = original.split('\n');
		const b = text.split('\n');
		expect(b.filter((l, i) => l !== a[i])).toHaveLength(1);
	});

	it('refuses a save based on an old version (412) and keeps the newer file', async () => {
		const first = await saveMap('japan-mongolia', edited(), etagOf(original));
		expect(first.ok).toBe(true);
		const stale = await saveMap('japan-mongolia', JSON.parse(original), etagOf(original));
		expect(stale).toMatchObject({ ok: false, status: 412 });
		expect(readFileSync(file(), 'utf8')).toContain('An edited thesis.');
		expect(await saveMap('japan-mongolia', edited(), null)).toMatchObject({
			ok: false,
			status: 428
		});
	});

	it('leaves the old file whole when the process dies mid-write, and no temporary file behind', async () => {
		testHooks.beforeRename = () => {
			throw Object.assign(new Error('simulated crash'), { code: 'EIO' });
		};
		await expect(saveMap('japan-mongolia', edited(), etagOf(original))).rejects.toThrow(
			'simulated crash'
		);
		expect(readFileSync(file(), 'utf8')).toBe(original);
		expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});

	it('writes a complete temporary file before it replaces the map', async () => {
		let seen = '';
		testHooks.beforeRename = (tmp) => {
			seen = readFileSync(tmp, 'utf8');
			expect(readFileSync(file(), 'utf8')).toBe(original);
		};
		await saveMap('japan-mongolia', edited(), etagOf(original));
		expect(seen).toBe(readFileSync(file(), 'utf8'));
	});

	it('serialises concurrent saves: one wins, the other is told it is stale', async () => {
		const a = edited();
		const b = edited();
		b.nodes[0].text = 'Another thesis.';
		const results = await Promise.all([
			saveMap('japan-mongolia', a, etagOf(original)),
			saveMap('japan-mongolia', b, etagOf(original))
		]);
		expect(results.map((r) => (r.ok ? 200 : r.status)).sort()).toEqual([200, 412]);
	});

	it('refuses an invalid map (422) and touches no file', async () => {
		const bad = edited();
		bad.links[0].to = 'nowhere';
		const r = await saveMap('japan-mongolia', bad, etagOf(original));
		expect(r).toMatchObject({ ok: false, status: 422 });
		expect(readFileSync(file(), 'utf8')).toBe(original);
	});

	it('creates new maps without ever replacing one', async () => {
		const m = JSON.parse(original);
		expect((await createMap('copy', m)).ok).toBe(true);
		expect(await createMap('copy', m)).toMatchObject({ ok: false, status: 409 });
		expect(await createMap('japan-mongolia', m)).toMatchObject({ ok: false, status: 409 });
		expect(readFileSync(file(), 'utf8')).toBe(original);
	});
});

describe('the HTTP API', () => {
	it('GET returns the file with an ETag, and 304 when unchanged', async () => {
		const g = await GET({
			params: { id: 'japan-mongolia' },
			request: new Request('http://x')
		} as unknown as Event);
		expect(g.status).toBe(200);
		expect(g.headers.get('etag')).toBe(etagOf(original));
		expect(await g.text()).toBe(original);
		const again = await GET({
			params: { id: 'japan-mongolia' },
			request: new Request('http://x', { headers: { 'If-None-Match': etagOf(original) } })
		} as unknown as Event);
		expect(again.status).toBe(304);
	});

	it('PUT saves with If-Match, and answers a stale one with 412 and the current ETag', async () => {
		const ok = await put('japan-mongolia', JSON.stringify(edited()), {
			'If-Match': etagOf(original)
		});
		expect(ok.status).toBe(200);
		const stale = await put('japan-mongolia', JSON.stringify(edited()), {
			'If-Match': etagOf(original)
		});
		expect(stale.status).toBe(412);
		expect(stale.headers.get('etag')).toBe(etagOf(readFileSync(file(), 'utf8')));
	});

	it('lays out a saved revision at once, so its next page does not wait for the layout', async () => {
		const ok = await put('japan-mongolia', JSON.stringify(edited()), {
			'If-Match': etagOf(original)
		});
		expect(ok.status).toBe(200);
		const saved = await loadMap('japan-mongolia');
		expect(saved.ok && saved.map.nodes[0]!.text).toBe('An edited thesis.');
		if (!saved.ok) return;
		for (let i = 0; i < 100 && !hasPageLayout(saved.map); i++)
			await new Promise((r) => setTimeout(r, 50));
		expect(hasPageLayout(saved.map)).toBe(true);
		const layout = await pageLayout(saved.map);
		expect(Object.keys(layout.nodes)).toHaveLength(saved.map.nodes.length);
	});

	it('answers bad ids with 400 and touches no file', async () => {
		const listing = readdirSync(dir).sort();
		for (const id of [
			'..',
			'../arguments/japan-mongolia',
			'%2e%2e',
			'/etc/passwd',
			'C:\\x',
			'ünïcode',
			'a b',
			'UPPER',
			'x'.repeat(65)
		]) {
			const r = await put(id, JSON.stringify(edited()), { 'If-Match': '*' });
			expect(r.status, id).toBe(400);
			expect((await r.json()).message).toMatch(/slug/);
		}
		expect(readdirSync(dir).sort()).toEqual(listing);
		expect(readFileSync(file(), 'utf8')).toBe(original);
	});

	it('answers an oversize body with 413 and bad JSON with 400', async () => {
		const huge = JSON.stringify({ ...edited(), title: 'x' }) + ' '.repeat(6 * 1024 * 1024);
		expect((await put('japan-mongolia', huge, { 'If-Match': etagOf(original) })).status).toBe(413);
		expect(
			(await put('japan-mongolia', '{"nodes": [', { 'If-Match': etagOf(original) })).status
		).toBe(400);
		expect(readFileSync(file(), 'utf8')).toBe(original);
	});

	it('POST creates from a template or as a copy, and never overwrites', async () => {
		const post = (body: unknown) =>
			POST({
				request: new Request('http://x/api/maps', { method: 'POST', body: JSON.stringify(body) })
			} as unknown as Parameters<typeof POST>[0]);
		const t = await post({
			id: 'my-essay',
			source: { title: 'My essay' },
			thesis: 'Cities should ban cars.',
			reasons: 3
		});
		expect(t.status).toBe(201);
		const created = JSON.parse(readFileSync(join(dir, 'my-essay.map.json'), 'utf8'));
		expect(created.nodes).toHaveLength(4);
		expect(created.links.every((l: { to: string }) => l.to === 'thesis')).toBe(true);
		const copy = await post({ id: 'jm-copy', from: 'japan-mongolia' });
		expect(copy.status).toBe(201);
		expect(JSON.parse(readFileSync(join(dir, 'jm-copy.map.json'), 'utf8')).nodes).toHaveLength(75);
		expect((await post({ id: 'jm-copy', from: 'japan-mongolia' })).status).toBe(409);
		expect((await post({ id: '../evil', from: 'japan-mongolia' })).status).toBe(400);
		expect((await readMapText('japan-mongolia'))?.text).toBe(original);
	});

	it('POST with check reads a file to import and makes nothing; a bad file gets its reason', async () => {
		const post = async (body: unknown) => {
			const r = await POST({
				request: new Request('http://x/api/maps', { method: 'POST', body: JSON.stringify(body) })
			} as unknown as Parameters<typeof POST>[0]);
			return { status: r.status, json: await r.json() };
		};
		const listing = readdirSync(dir).sort();
		const aif = readFileSync('tests/fixtures/aif/problems.json', 'utf8');
		const read = await post({ check: true, file: { name: 'cycling.json', text: aif } });
		expect(read.status).toBe(200);
		expect(read.json.map.nodes.length).toBeGreaterThan(1);
		expect(read.json.notes.map((n: { message: string }) => n.message).join('\n')).toMatch(
			/unknown type "XQ"/
		);
		const bad = await post({ check: true, file: { name: 'x.argdown', text: '[a]: _open' } });
		expect(bad.status).toBe(422);
		expect(bad.json.message).toMatch(/^cannot import “x.argdown” as Argdown: line 1/);
		expect((await post({ check: true, file: 'nope' })).status).toBe(400);
		expect(readdirSync(dir).sort()).toEqual(listing);
		// What it read is made, as a whole map, by the ordinary create.
		const made = await post({ id: 'cycling', map: read.json.map });
		expect(made.status).toBe(201);
		expect(JSON.parse(readFileSync(join(dir, 'cycling.map.json'), 'utf8')).nodes).toEqual(
			read.json.map.nodes
		);
	});
});

describe('whose a map is', () => {
	const post = (body: unknown) =>
		POST({
			request: new Request('http://x/api/maps', { method: 'POST', body: JSON.stringify(body) })
		} as unknown as Parameters<typeof POST>[0]);
	/** The shipped map as it is: shared, the class's. */
	const shared = () => writeFileSync(file(), shipped);
	const withCritique = () => {
		const m = JSON.parse(shipped);
		m.nodes.push({
			id: 'objection-ana001',
			kind: 'claim',
			text: 'Budget support is what Mongolia asked for.',
			origin: 'reader',
			author: 'Ana'
		});
		m.links.push({
			id: 'link-ana001',
			from: 'objection-ana001',
			to: 'motive-3',
			relation: 'attacks',
			origin: 'reader',
			author: 'Ana'
		});
		return m;
	};

	it('never saves into a shared map: 403 in plain words, the file byte for byte as it was', async () => {
		shared();
		const r = await put('japan-mongolia', JSON.stringify(withCritique()), {
			'If-Match': etagOf(shipped)
		});
		expect(r.status).toBe(403);
		expect((await r.json()).message).toMatch(
			/“japan-mongolia” is a shared map .* save your work as your own copy/
		);
		// Reconstructing (the source layer alone) is refused too: the class reads that layer.
		expect(await saveMap('japan-mongolia', edited(), etagOf(shipped))).toMatchObject({
			ok: false,
			status: 403
		});
		// Claiming it by naming an owner in a save is no way round.
		expect(
			await saveMap('japan-mongolia', { ...JSON.parse(shipped), owner: 'Ana' }, etagOf(shipped))
		).toMatchObject({ ok: false, status: 403 });
		expect(readFileSync(file(), 'utf8')).toBe(shipped);
		// Saving it unchanged changes nothing and is no error.
		expect(await saveMap('japan-mongolia', JSON.parse(shipped), etagOf(shipped))).toMatchObject({
			ok: true,
			etag: etagOf(shipped)
		});
	});

	it('keeps an owned map’s owner and origin: a save cannot change them', async () => {
		const owned = JSON.parse(original);
		expect(
			await saveMap('japan-mongolia', { ...owned, owner: 'Ben' }, etagOf(original))
		).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/owner .* is Ana/) });
		expect(
			await saveMap(
				'japan-mongolia',
				{ ...owned, basedOn: { id: 'japan-mongolia-critique', revision: 'abc' } },
				etagOf(original)
			)
		).toMatchObject({ ok: false, status: 403 });
		expect(readFileSync(file(), 'utf8')).toBe(original);
		// Its owner's critique is saved in place.
		expect(
			(await saveMap('japan-mongolia', { ...withCritique(), owner: 'Ana' }, etagOf(original))).ok
		).toBe(true);
	});

	it('a copy names its owner and title, and what it is based on at which revision', async () => {
		shared();
		const r = await post({
			id: 'japan-mongolia-critique-by-ana',
			from: 'japan-mongolia',
			title: 'Japan and Mongolia — critique by Ana',
			owner: 'Ana'
		});
		expect(r.status).toBe(201);
		const text = readFileSync(join(dir, 'japan-mongolia-critique-by-ana.map.json'), 'utf8');
		expect(JSON.parse(text)).toMatchObject({
			title: 'Japan and Mongolia — critique by Ana',
			owner: 'Ana',
			basedOn: { id: 'japan-mongolia', revision: etagOf(shipped).slice(1, -1) }
		});
		// Canonical: after the title, in the schema's order, the basedOn keys in theirs.
		expect(text).toMatch(
			/"title": .*\n {2}"owner": "Ana",\n {2}"basedOn": \{\n {4}"id": "japan-mongolia",\n {4}"revision": "[\w-]+"\n {2}\},\n {2}"source"/
		);
		expect(readFileSync(file(), 'utf8')).toBe(shipped);
		// A copy of a copy is based on the copy, and its owner is whoever made it.
		expect((await post({ id: 'second', from: 'japan-mongolia-critique-by-ana' })).status).toBe(201);
		const second = JSON.parse(readFileSync(join(dir, 'second.map.json'), 'utf8'));
		expect(second.owner).toBeUndefined();
		expect(second.basedOn.id).toBe('japan-mongolia-critique-by-ana');
		// A new map from the form is its maker's.
		await post({ id: 'mine', source: { title: 'Mine' }, thesis: 'T.', reasons: 1, owner: 'Bo' });
		expect(JSON.parse(readFileSync(join(dir, 'mine.map.json'), 'utf8')).owner).toBe('Bo');
	});

	it('refuses an owner or origin that is not one, saying where', async () => {
		const m = JSON.parse(shipped);
		for (const [body, where] of [
			[{ id: 'x1', map: { ...m, owner: '' } }, /owner/],
			[{ id: 'x2', map: { ...m, owner: ' Ana' } }, /owner/],
			[{ id: 'x3', map: { ...m, owner: 'x'.repeat(81) } }, /owner/],
			[{ id: 'x4', map: { ...m, basedOn: { id: 'japan-mongolia', revision: 'a b' } } }, /basedOn/],
			[{ id: 'x5', map: { ...m, basedOn: { id: 'Japan', revision: 'abc' } } }, /basedOn/],
			[{ id: 'x6', from: 'japan-mongolia', owner: 7 }, /owner/]
		] as const) {
			const r = await post(body);
			expect(r.status, JSON.stringify(body.id)).toBe(422);
			const reply = await r.json();
			expect(JSON.stringify(reply.problems), body.id).toMatch(where);
		}
		const missing = await post({
			id: 'x7',
			map: { ...m, basedOn: { id: 'not-here', revision: 'abc' } }
		});
		expect(missing.status).toBe(422);
		expect((await missing.json()).message).toMatch(
			/basedOn\.id: there is no map called "not-here"/
		);
		expect(readdirSync(dir).filter((f) => /^x\d/.test(f))).toEqual([]);
	});

	it('proposes free ids, and lists whose each map is and what it is based on', async () => {
		const free = async (id: string) =>
			(await (await LIST({ url: new URL(`http://x/api/maps?free=${id}`) } as never)).json()).id;
		expect(await free('japan-mongolia')).toBe('japan-mongolia-2');
		expect(await free('japan-mongolia-critique-by-ana')).toBe('japan-mongolia-critique-by-ana');
		expect((await LIST({ url: new URL('http://x/api/maps?free=../x') } as never)).status).toBe(400);
		shared();
		await post({ id: 'jm-ana', from: 'japan-mongolia', title: 'Mine', owner: 'Ana' });
		const listed = await listMaps();
		expect(listed.find((m) => m.id === 'jm-ana')).toMatchObject({
			owner: 'Ana',
			basedOn: { id: 'japan-mongolia', title: JSON.parse(shipped).title, changed: false }
		});
		expect(listed.find((m) => m.id === 'japan-mongolia')).not.toHaveProperty('owner');
		// The original changes (by hand): the copy says so.
		writeFileSync(
			file(),
			shipped.replace(/"version": (\d+)/, '"version": $1,\n  "owner": "Teacher"')
		);
		expect((await listMaps()).find((m) => m.id === 'jm-ana')?.basedOn?.changed).toBe(true);
	});
});
