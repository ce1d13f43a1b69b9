import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseMap } from '$lib/model/parse';
import type { ArgumentMap, MapLink, MapNode } from '$lib/model/schema';
import { deleteDraft, describeChanges, loadDraft, saveDraft, type Draft } from './drafts';

const parsed = parseMap(readFileSync('arguments/japan-mongolia.map.json', 'utf8'));
if (!parsed.ok) throw new Error('arguments/japan-mongolia.map.json does not parse');
const original: ArgumentMap = parsed.map;
const copy = (): ArgumentMap => structuredClone(original);

const evidence = (id: string): MapNode => ({
	id,
	kind: 'evidence',
	text: `Evidence ${id}`,
	origin: 'reader',
	author: 'Test'
});
const support = (from: string, to: string): MapLink => ({
	id: `s-${from}-to-${to}`,
	from,
	to,
	relation: 'supports',
	origin: 'reader',
	author: 'Test'
});

describe('describeChanges', () => {
	it('says "no changes" for the same map', () => {
		expect(describeChanges(original, copy())).toEqual({
			added: 0,
			removed: 0,
			changed: 0,
			text: 'no changes'
		});
	});

	it('does not count key order or the order of nodes and links as a change', () => {
		const after = copy();
		after.nodes = after.nodes
			.map((n) => Object.fromEntries(Object.entries(n).reverse()) as MapNode)
			.reverse();
		after.links = [...after.links].reverse();
		expect(describeChanges(original, after).text).toBe('no changes');
	});

	it('counts statements and links added and edited, in one sentence', () => {
		const after = copy();
		const target = after.nodes.find((n) => n.kind === 'claim')!;
		after.nodes.push(evidence('new-a'), evidence('new-b'), evidence('new-c'));
		after.links.push(support('new-a', target.id), support('new-b', target.id));
		after.nodes[0] = { ...after.nodes[0]!, text: 'A rewritten thesis.' };
		expect(describeChanges(original, after)).toEqual({
			added: 5,
			removed: 0,
			changed: 1,
			text: '3 statements added, 1 statement edited, 2 links added'
		});
	});

	it('counts a removed statement and the links that went with it', () => {
		const after = copy();
		const gone = after.nodes.find((n) => n.kind === 'evidence')!;
		const touching = after.links.filter((l) => l.from === gone.id || l.to === gone.id);
		expect(touching.length).toBeGreaterThan(0);
		after.nodes = after.nodes.filter((n) => n !== gone);
		after.links = after.links.filter((l) => !touching.includes(l));
		const s = describeChanges(original, after);
		expect(s).toMatchObject({ added: 0, removed: 1 + touching.length, changed: 0 });
		expect(s.text).toBe(
			`1 statement removed, ${touching.length} link${touching.length === 1 ? '' : 's'} removed`
		);
	});

	it('sees edits inside a statement: a dropped anchor, a new figure, a label', () => {
		const after = copy();
		const anchored = after.nodes.findIndex((n) => n.anchors?.length);
		const rest = { ...after.nodes[anchored]! };
		delete rest.anchors;
		after.nodes[anchored] = rest;
		const ev = after.nodes.findIndex((n) => n.kind === 'evidence' && n.id !== rest.id);
		after.nodes[ev] = {
			...after.nodes[ev]!,
			figures: [...(after.nodes[ev]!.figures ?? []), { value: 1, unit: 'USD', year: 2020 }]
		};
		const claim = after.nodes.findIndex((n, i) => n.kind === 'claim' && i !== anchored && i !== ev);
		after.nodes[claim] = { ...after.nodes[claim]!, label: 'Renamed' };
		expect(describeChanges(original, after)).toEqual({
			added: 0,
			removed: 0,
			changed: 3,
			text: '3 statements edited'
		});
	});

	it('sees an edited link (relation turned into an attack) and pluralises each part', () => {
		const after = copy();
		after.links[0] = { ...after.links[0]!, relation: 'attacks' };
		after.links[1] = { ...after.links[1]!, origin: 'reader', author: 'Test' };
		after.links.splice(2, 1);
		after.nodes[1] = { ...after.nodes[1]!, text: 'Edited once.' };
		after.nodes[2] = { ...after.nodes[2]!, text: 'Edited twice.' };
		after.nodes.push(evidence('one-more'));
		expect(describeChanges(original, after)).toEqual({
			added: 1,
			removed: 1,
			changed: 4,
			text: '1 statement added, 2 statements edited, 2 links edited, 1 link removed'
		});
	});

	it('is symmetric: what one way adds, the other removes', () => {
		const after = copy();
		after.nodes.push(evidence('x'), evidence('y'));
		after.links.push(support('x', 'thesis'));
		const forth = describeChanges(original, after);
		const back = describeChanges(after, original);
		expect(forth).toMatchObject({ added: 3, removed: 0 });
		expect(back).toMatchObject({ added: 0, removed: 3, changed: 0 });
		expect(back.text).toBe('2 statements removed, 1 link removed');
	});

	it('mentions an edit of the source details without counting it as a statement', () => {
		const after = copy();
		after.source = { ...after.source, title: 'Another title' };
		expect(describeChanges(original, after)).toEqual({
			added: 0,
			removed: 0,
			changed: 0,
			text: 'source details edited'
		});
		after.nodes.push(evidence('z'));
		expect(describeChanges(original, after).text).toBe('1 statement added, source details edited');
	});
});

describe('drafts in IndexedDB', () => {
	const rawStore = createStore('warrant', 'drafts');
	const draft = (mapId: string, map = copy()): Draft => ({
		mapId,
		baseEtag: '"abc123"',
		map,
		savedAt: 1_700_000_000_000
	});

	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('saves, loads and deletes a draft', async () => {
		const d = draft('japan-mongolia');
		d.map.nodes[0] = { ...d.map.nodes[0]!, text: 'A draft thesis.' };
		await saveDraft(d);
		const back = await loadDraft('japan-mongolia');
		expect(back).toEqual(d);
		expect(describeChanges(original, back!.map).text).toBe('1 statement edited');

		await deleteDraft('japan-mongolia');
		expect(await loadDraft('japan-mongolia')).toBeUndefined();
		expect(await get('japan-mongolia', rawStore)).toBeUndefined();
	});

	it('keeps one draft per map and replaces it on the next save', async () => {
		await saveDraft(draft('a', copy()));
		const second = draft('a', copy());
		second.savedAt += 1000;
		second.map.nodes.push(evidence('later'));
		await saveDraft(second);
		await saveDraft(draft('b'));
		expect((await loadDraft('a'))?.savedAt).toBe(second.savedAt);
		expect((await loadDraft('a'))?.map.nodes).toHaveLength(original.nodes.length + 1);
		expect((await loadDraft('b'))?.mapId).toBe('b');
		await deleteDraft('a');
		await deleteDraft('b');
	});

	it('stores plain data, so a proxied map (Svelte state) can be saved', async () => {
		const proxied = new Proxy(copy(), {});
		expect(() => structuredClone(proxied)).toThrow();
		await saveDraft(draft('proxied', proxied));
		expect((await loadDraft('proxied'))?.map).toEqual(original);
		await deleteDraft('proxied');
	});

	it('returns undefined for a map without a draft, and deleting it is harmless', async () => {
		expect(await loadDraft('never-saved')).toBeUndefined();
		await expect(deleteDraft('never-saved')).resolves.toBeUndefined();
	});

	it('drops a stored draft whose map is not valid', async () => {
		const broken = copy();
		broken.links.push(support('no-such-node', 'thesis'));
		await set('broken', { ...draft('broken'), map: broken }, rawStore);
		expect(await loadDraft('broken')).toBeUndefined();
		expect(await get('broken', rawStore)).toBeUndefined();
	});

	it.each([
		['a string', 'not a draft'],
		['null', null],
		['no baseEtag', { mapId: 'm', map: original, savedAt: 1 }],
		['another map id', { mapId: 'other', baseEtag: 'x', map: original, savedAt: 1 }],
		['savedAt not a number', { mapId: 'm', baseEtag: 'x', map: original, savedAt: 'today' }],
		['no map', { mapId: 'm', baseEtag: 'x', savedAt: 1 }]
	])('drops a malformed record (%s)', async (_what, value) => {
		await set('m', value, rawStore);
		expect(await loadDraft('m')).toBeUndefined();
		expect(await get('m', rawStore)).toBeUndefined();
	});

	it('without IndexedDB: no drafts, deleting is harmless, saving says it cannot', async () => {
		vi.stubGlobal('indexedDB', undefined);
		expect(await loadDraft('japan-mongolia')).toBeUndefined();
		await expect(deleteDraft('japan-mongolia')).resolves.toBeUndefined();
		await expect(saveDraft(draft('japan-mongolia'))).rejects.toThrow(/IndexedDB/);
	});
});
