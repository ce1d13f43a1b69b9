import {
	closeSync,
	cpSync,
	ftruncateSync,
	mkdtempSync,
	openSync,
	readFileSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tooLargeProblem } from '../model';
import { isMapId, listMaps, loadMap } from './store';
import { deleteMap, restoreMap } from './trash';

let dir: string;
const before = process.env.WARRANT_ARGUMENTS_DIR;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'warrant-store-'));
	cpSync('arguments', dir, { recursive: true });
	writeFileSync(
		join(dir, 'broken.map.json'),
		'{"format": "warrant-map",\n "version": 1,\n "nodes": []}'
	);
	writeFileSync(join(dir, 'Not-A-Slug.map.json'), '{}');
	process.env.WARRANT_ARGUMENTS_DIR = dir;
});
afterAll(() => {
	if (before === undefined) delete process.env.WARRANT_ARGUMENTS_DIR;
	else process.env.WARRANT_ARGUMENTS_DIR = before;
});

describe('file store', () => {
	it('lists every map file, valid ones with counts and broken ones with problems', async () => {
		const maps = await listMaps();
		expect(maps.map((m) => m.id)).toEqual(['broken', 'japan-mongolia', 'japan-mongolia-critique']);
		expect(maps[1]!.counts).toMatchObject({ nodes: 75, links: 85 });
		expect(maps[0]!.problems?.length).toBeGreaterThan(0);
	});

	it('loads a map and reports missing and broken ones with a status', async () => {
		expect((await loadMap('japan-mongolia')).ok).toBe(true);
		expect(await loadMap('missing')).toMatchObject({ ok: false, status: 404 });
		const broken = await loadMap('broken');
		expect(broken).toMatchObject({ ok: false, status: 422 });
	});

	it('reuses the parsed map while the file is unchanged, and reads a changed file anew', async () => {
		const first = await loadMap('japan-mongolia');
		const again = await loadMap('japan-mongolia');
		if (!first.ok || !again.ok) throw new Error('the article map should load');
		expect(again.map).toBe(first.map);
		const file = join(dir, 'japan-mongolia.map.json');
		const text = readFileSync(file, 'utf8');
		writeFileSync(file, text.replace(first.map.nodes[0]!.text, 'A changed thesis.'));
		const changed = await loadMap('japan-mongolia');
		writeFileSync(file, text);
		if (!changed.ok) throw new Error('the changed map should load');
		expect(changed.map).not.toBe(first.map);
		expect(changed.etag).not.toBe(first.etag);
		expect(changed.map.nodes[0]!.text).toBe('A changed thesis.');
	});

	it('refuses a map file over the size limit without reading it (413)', async () => {
		// A folder of its own, so the other tests' listing stays as it is.
		const big = mkdtempSync(join(tmpdir(), 'warrant-store-big-'));
		const fd = openSync(join(big, 'huge.map.json'), 'w');
		ftruncateSync(fd, 6 * 1048576);
		closeSync(fd);
		process.env.WARRANT_ARGUMENTS_DIR = big;
		try {
			expect(await loadMap('huge')).toMatchObject({
				ok: false,
				status: 413,
				problems: [tooLargeProblem(6 * 1048576)]
			});
		} finally {
			process.env.WARRANT_ARGUMENTS_DIR = dir;
		}
	});

	it('never builds a path from an id that is not a slug', async () => {
		for (const id of [
			'../package',
			'..',
			'%2e%2e',
			'/etc/passwd',
			'a/b',
			'Ünïcode',
			'a\u0000b',
			''
		]) {
			expect(isMapId(id), id).toBe(false);
			expect(await loadMap(id), id).toMatchObject({ ok: false, status: 400 });
		}
	});
});

describe('deleting a map', () => {
	it('moves the file out of the list in one step, and restores it under its id', async () => {
		const text = readFileSync(join(dir, 'japan-mongolia.map.json'), 'utf8');
		writeFileSync(join(dir, 'to-delete.map.json'), text);
		const stale = await deleteMap('to-delete', '"not-its-etag"');
		expect(stale).toMatchObject({ ok: false, status: 412 });
		expect((await listMaps()).some((m) => m.id === 'to-delete')).toBe(true);

		const gone = await deleteMap('to-delete', null);
		expect(gone.ok).toBe(true);
		if (!gone.ok) return;
		expect((await listMaps()).some((m) => m.id === 'to-delete')).toBe(false);
		expect(await loadMap('to-delete')).toMatchObject({ ok: false, status: 404 });
		expect(await deleteMap('to-delete', null)).toMatchObject({ ok: false, status: 404 });

		expect(await restoreMap(gone.restore)).toEqual({ ok: true, id: 'to-delete' });
		expect(readFileSync(join(dir, 'to-delete.map.json'), 'utf8')).toBe(text);
		// Once back, the same key restores nothing.
		expect(await restoreMap(gone.restore)).toMatchObject({ ok: false, status: 409 });
	});

	it('does not restore over a map made since under the same id, nor from a made-up key', async () => {
		writeFileSync(join(dir, 'twice.map.json'), readFileSync(join(dir, 'broken.map.json')));
		const gone = await deleteMap('twice', null);
		if (!gone.ok) throw new Error('expected the delete to succeed');
		writeFileSync(join(dir, 'twice.map.json'), '{}');
		expect(await restoreMap(gone.restore)).toMatchObject({ ok: false, status: 409 });
		expect(readFileSync(join(dir, 'twice.map.json'), 'utf8')).toBe('{}');
		for (const key of ['../../etc/passwd', 'twice', 'twice.123', 'Twice.1764547200000'])
			expect(await restoreMap(key)).toMatchObject({ ok: false, status: 400 });
		expect(await restoreMap('nowhere.0000000000001')).toMatchObject({ ok: false, status: 404 });
	});
});
