/**
 * The editor driven headless: every intent in the command shape (set up → act → assert → undo
 * → assert → redo → assert), the fresh-statement cycle, the layer and name rules, drafts and
 * conflicts, with the server faked by `memoryRemote` and IndexedDB by a Map.
 */
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { EMPTY_LAYOUT } from '../../../tests/fixtures/layouts';
import type { LayoutClient } from '../layout/client';
import type { MapLayout } from '../layout/types';
import { SCHEMES } from '../model/catalogue';
import type { ArgumentMap } from '../model/schema';
import type { Draft } from './drafts';
import type { Intent } from './intent';
import { MapEditor, type DraftStore } from './map-editor.svelte';
import { memoryRemote } from './remote';

const small: ArgumentMap = loadMap('tests/fixtures/small.map.json');
/** The small map as Ana's own: the app saves into it for her. */
const anas: ArgumentMap = { ...small, owner: 'Ana' };
const EMPTY: MapLayout = EMPTY_LAYOUT;

function memoryDrafts(fail = false) {
	const store = new Map<string, Draft>();
	const drafts: DraftStore & { store: typeof store } = {
		store,
		load: async (k) => store.get(k),
		save: async (d) => {
			if (fail) throw new Error('quota exceeded');
			store.set(d.mapId, structuredClone(d));
		},
		delete: async (k) => void store.delete(k)
	};
	return drafts;
}

/** A layout client that answers at once and counts its requests. */
function fakeLayout() {
	const calls: ArgumentMap[] = [];
	const client = {
		calls,
		layout: async (map: ArgumentMap) => {
			calls.push(map);
			return { ok: true as const, layout: EMPTY };
		}
	};
	return client;
}

async function setUp(opts: { author?: string; map?: ArgumentMap; failDrafts?: boolean } = {}) {
	const map = opts.map ?? small;
	const remote = memoryRemote({ m: map });
	const drafts = memoryDrafts(opts.failDrafts);
	const layout = fakeLayout();
	const navigated: { path: string; notice?: string }[] = [];
	let remembered = opts.author;
	const editor = new MapEditor('m', map, EMPTY, remote.store.get('m')!.etag);
	await editor.start({
		remote,
		drafts,
		layout: layout as unknown as LayoutClient,
		prefs: { author: () => remembered, setAuthor: (n) => void (remembered = n) },
		navigate: (path, notice) => void navigated.push({ path, notice })
	});
	return { editor, remote, drafts, layout, navigated, remembered: () => remembered };
}

/** Dispatch, expect it done, and check undo and redo bring back both states exactly. */
async function roundTrip(editor: MapEditor, intent: Intent) {
	const before = editor.map;
	expect(await editor.dispatch(intent)).toBe(true);
	const after = editor.map;
	expect(after).not.toEqual(before);
	expect(await editor.dispatch({ type: 'undo' })).toBe(true);
	expect(editor.map).toEqual(before);
	expect(await editor.dispatch({ type: 'redo' })).toBe(true);
	expect(editor.map).toEqual(after);
	return after;
}

const node = (e: MapEditor, id: string) => e.map.nodes.find((n) => n.id === id);
const link = (e: MapEditor, id: string) => e.map.links.find((l) => l.id === id);

describe('MapEditor: building the argument', () => {
	it('adds a reason, opens it for its text, and naming it is the same undo step', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		await editor.dispatch({ type: 'select', id: 'c1' });
		expect(await editor.dispatch({ type: 'act', action: 'add-reason' })).toBe(true);
		const id = editor.selected!;
		expect(id).toMatch(/^reason-[a-z0-9]{6}$/);
		expect(editor.editing).toBe(id);
		expect(node(editor, id)).toMatchObject({ origin: 'reader', author: 'Ana' });
		const l = editor.map.links.find((x) => x.from === id)!;
		expect(l).toMatchObject({ to: 'c1', relation: 'supports' });
		await editor.dispatch({ type: 'commitText', id, text: 'Because  of  this ' });
		expect(editor.editing).toBeUndefined();
		expect(node(editor, id)!.text).toBe('Because of this');
		expect(editor.undoLabel).toBe('Add reason');
		await editor.dispatch({ type: 'undo' });
		expect(editor.map).toEqual(small);
		await editor.dispatch({ type: 'redo' });
		expect(node(editor, id)!.text).toBe('Because of this');
	});

	it('takes a fresh statement back on Escape, but keeps one that was written', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		await editor.dispatch({ type: 'add', role: 'objection', parent: 'c1' });
		const id = editor.editing!;
		expect(await editor.dispatch({ type: 'cancelText', id })).toBe(true);
		expect(editor.map).toEqual(small);
		expect(editor.dirty).toBe(false);
		await editor.dispatch({ type: 'add', role: 'objection', parent: 'c1' });
		const kept = editor.editing!;
		await editor.dispatch({ type: 'commitText', id: kept, text: 'Not so' });
		await editor.dispatch({ type: 'startEdit', id: kept });
		expect(await editor.dispatch({ type: 'cancelText', id: kept })).toBe(false);
		expect(node(editor, kept)!.text).toBe('Not so');
	});

	it('keeps refused text open for editing, and takes an emptied fresh statement back', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		await editor.dispatch({ type: 'add', role: 'evidence', parent: 'c1' });
		const id = editor.editing!;
		expect(await editor.dispatch({ type: 'commitText', id, text: 'x'.repeat(2001) })).toBe(false);
		expect(editor.editing).toBe(id);
		expect(editor.message?.text).toMatch(/at most 2,000 characters; this one has 2,001/);
		expect(await editor.dispatch({ type: 'commitText', id, text: '  ' })).toBe(true);
		expect(editor.map).toEqual(small);
		expect(editor.selected).toBe('c1');
		// An existing statement emptied is refused, not deleted.
		await editor.dispatch({ type: 'startEdit', id: 'e1' });
		expect(await editor.dispatch({ type: 'commitText', id: 'e1', text: '' })).toBe(false);
		expect(node(editor, 'e1')!.text).toBe('Some evidence.');
	});

	it('refuses a circular reason but lets two positions attack each other', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		expect(
			await editor.dispatch({ type: 'connect', from: 't', to: 'e1', relation: 'supports' })
		).toBe(false);
		expect(editor.message?.text).toMatch(/circular/);
		expect(editor.map).toBe(small);
		await editor.dispatch({ type: 'connect', from: 'o1', to: 'e1', relation: 'attacks' });
		expect(
			await editor.dispatch({ type: 'connect', from: 'e1', to: 'o1', relation: 'attacks' })
		).toBe(true);
	});

	it.each([
		['add-evidence', 'evidence', 'supports'],
		['add-objection', 'claim', 'attacks']
	] as const)('%s adds a %s that %s the selection', async (action, kind, relation) => {
		const { editor } = await setUp({ author: 'Ana' });
		await editor.dispatch({ type: 'select', id: 'c1' });
		const after = await roundTrip(editor, { type: 'act', action });
		const added = after.nodes.at(-1)!;
		expect(added.kind).toBe(kind);
		expect(after.links.find((l) => l.from === added.id)).toMatchObject({ to: 'c1', relation });
	});

	it('adds a hidden assumption as the co-premise of the reason', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		const after = await roundTrip(editor, {
			type: 'act',
			action: 'add-assumption',
			target: 'e1'
		});
		const added = after.nodes.at(-1)!;
		expect(added.kind).toBe('assumption');
		expect(after.links.find((l) => l.id === 'l2')!.with).toEqual([added.id]);
	});

	it('undercuts the only step of a statement, and asks which when there are several', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		const after = await roundTrip(editor, { type: 'addUndercut', from: 'c1' });
		const cut = after.links.at(-1)!;
		expect(cut).toMatchObject({ relation: 'undercuts', to: 'l1', origin: 'reader' });
		// e1 now supports the thesis as well: two steps, so the editor asks.
		await editor.dispatch({ type: 'connect', from: 'e1', to: 't', relation: 'supports' });
		const map = editor.map;
		expect(await editor.dispatch({ type: 'act', action: 'undercut', target: 'e1' })).toBe(false);
		expect(editor.view.dialog).toMatchObject({ kind: 'chooseStep', from: 'e1' });
		expect(editor.map).toBe(map);
		const second = editor.map.links.find((l) => l.from === 'e1' && l.to === 't')!;
		await roundTrip(editor, { type: 'addUndercut', from: 'e1', link: second.id });
		expect(editor.map.links.at(-1)).toMatchObject({ relation: 'undercuts', to: second.id });
	});

	it('refuses an undercut of a statement that argues about nothing, and says why', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		expect(await editor.dispatch({ type: 'addUndercut', from: 't' })).toBe(false);
		expect(editor.message).toEqual({
			text: expect.stringMatching(/step to undercut/),
			tone: 'error'
		});
		expect(editor.map).toBe(small);
	});

	it('connects two statements through the drag dialog', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		await editor.dispatch({ type: 'askConnect', from: 'o1', to: 't' });
		expect(editor.view.dialog).toEqual({ kind: 'connect', from: 'o1', to: 't' });
		const after = await roundTrip(editor, {
			type: 'connect',
			from: 'o1',
			to: 't',
			relation: 'attacks'
		});
		expect(editor.view.dialog).toBeUndefined();
		expect(after.links.find((l) => l.from === 'o1' && l.to === 't')!.author).toBe('Ana');
	});

	it('moves a statement under another, and refuses a circle', async () => {
		const { editor } = await setUp();
		// e1 argues for c1: putting c1 under it would make a circle.
		expect(await editor.dispatch({ type: 'moveUnder', id: 'c1', to: 'e1' })).toBe(false);
		expect(editor.message?.text).toMatch(/circle/);
		const after = await roundTrip(editor, { type: 'moveUnder', id: 'e1', to: 't' });
		expect(after.links.find((l) => l.from === 'e1')!.to).toBe('t');
	});

	it('opens the picker for Link and Move, and the shortcut sheet', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		await editor.dispatch({ type: 'act', action: 'link', target: 'e1' });
		expect(editor.view.dialog).toEqual({ kind: 'pick', mode: 'link', id: 'e1' });
		await editor.dispatch({ type: 'act', action: 'move', target: 'e1' });
		expect(editor.view.dialog).toEqual({ kind: 'pick', mode: 'move', id: 'e1' });
		await editor.dispatch({ type: 'act', action: 'shortcuts' });
		expect(editor.view.dialog).toEqual({ kind: 'shortcuts' });
		await editor.dispatch({ type: 'closeDialog' });
		expect(editor.view.dialog).toBeUndefined();
	});

	it('deletes a statement with its links, selects what it argued for, and undo restores all', async () => {
		const { editor } = await setUp();
		await editor.dispatch({ type: 'select', id: 'e1' });
		await editor.dispatch({ type: 'act', action: 'delete' });
		expect(editor.message?.text).toMatch(/Undo/);
		expect(editor.selected).toBe('c1');
		await editor.dispatch({ type: 'undo' });
		const after = await roundTrip(editor, { type: 'act', action: 'delete', target: 'e1' });
		expect(after.nodes.some((n) => n.id === 'e1')).toBe(false);
		expect(after.links.map((l) => l.id)).toEqual(['l1']);
	});

	it('refuses to delete the thesis', async () => {
		const { editor } = await setUp();
		expect(await editor.dispatch({ type: 'delete', id: 't' })).toBe(false);
		expect(editor.message?.tone).toBe('error');
	});

	it('changes and removes links', async () => {
		const { editor } = await setUp();
		await roundTrip(editor, { type: 'setRelation', link: 'l2', relation: 'attacks' });
		expect(link(editor, 'l2')!.relation).toBe('attacks');
		const after = await roundTrip(editor, { type: 'removeLink', id: 'l2' });
		// The undercut of the removed link goes with it.
		expect(after.links.map((l) => l.id)).toEqual(['l1']);
	});

	it('raises a critical question as a doubt, as a fresh statement', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		const [scheme, info] = Object.entries(SCHEMES)[0]!;
		const q = info.questions.find((x) => x.attacks === 'inference')!;
		await editor.dispatch({ type: 'setLinkFields', id: 'l1', patch: { scheme }, what: 'scheme' });
		const after = await roundTrip(editor, { type: 'raiseDoubt', link: 'l1', question: q });
		expect(after.links.find((l) => l.id === 'l1')!.answers).toEqual({ [q.id]: 'doubted' });
		expect(after.nodes.at(-1)!.text).toBe(q.doubt.trim());
		expect(after.links.at(-1)).toMatchObject({ relation: 'undercuts', to: 'l1' });
	});
});

describe('MapEditor: fields, verdicts and layers', () => {
	it('merges typing in one field into one step until the field is sealed', async () => {
		const { editor } = await setUp();
		await editor.dispatch({ type: 'setText', id: 'c1', text: 'A r' });
		await editor.dispatch({ type: 'setText', id: 'c1', text: 'A reason, typed' });
		await editor.dispatch({ type: 'seal' });
		await editor.dispatch({
			type: 'setFields',
			id: 'c1',
			patch: { label: 'R' },
			what: 'label',
			merge: true
		});
		await editor.dispatch({
			type: 'setFields',
			id: 'c1',
			patch: { label: 'R1' },
			what: 'label',
			merge: true
		});
		expect(node(editor, 'c1')).toMatchObject({ text: 'A reason, typed', label: 'R1' });
		await editor.dispatch({ type: 'undo' });
		expect(node(editor, 'c1')!.label).toBe(small.nodes[1]!.label);
		expect(node(editor, 'c1')!.text).toBe('A reason, typed');
		await editor.dispatch({ type: 'undo' });
		expect(editor.map).toEqual(small);
		expect(editor.dirty).toBe(false);
	});

	it('sets verdicts, link fields and layers of origin as undoable steps', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		await roundTrip(editor, { type: 'setVerdict', id: 'c1', verdict: 'rejected' });
		expect(editor.evaluation.nodes.get('c1')!.status).toBe('defeated');
		await roundTrip(editor, {
			type: 'setLinkFields',
			id: 'l1',
			patch: { strength: 'weak' },
			what: 'strength'
		});
		await roundTrip(editor, { type: 'setOrigin', id: 'o1', origin: 'source' });
		expect(link(editor, 'l3')!.origin).toBe('source');
	});

	it('marks a source statement or link inferred, and refuses it on a reader item', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		const after = await roundTrip(editor, {
			type: 'setInText',
			id: 'c1',
			on: 'node',
			inText: 'inferred'
		});
		expect(after.nodes.find((n) => n.id === 'c1')!.inText).toBe('inferred');
		await roundTrip(editor, { type: 'setInText', id: 'l1', on: 'link', inText: 'inferred' });
		expect(
			await editor.dispatch({ type: 'setInText', id: 'o1', on: 'node', inText: 'inferred' })
		).toBe(false);
		expect(editor.view.message?.text).toMatch(/your own: the text neither states nor implies it/);
		// A reader's statement moved to the source as inferred.
		await roundTrip(editor, { type: 'setOrigin', id: 'o1', origin: 'source', inText: 'inferred' });
		expect(node(editor, 'o1')).toMatchObject({ origin: 'source', inText: 'inferred' });
	});

	it('questions a statement with the reader’s name (Q), and withdraws the question', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		expect(editor.evaluation.nodes.get('e1')!.status).toBe('holds');
		await roundTrip(editor, { type: 'question', id: 'e1', note: ' Which year? ' });
		expect(node(editor, 'e1')!.questioned).toEqual({ author: 'Ana', note: 'Which year?' });
		expect(editor.evaluation.nodes.get('e1')!.status).toBe('unestablished');
		// The key toggles: Q on a questioned statement withdraws the question.
		await editor.dispatch({ type: 'act', action: 'question', target: 'e1' });
		expect(node(editor, 'e1')!.questioned).toBeUndefined();
		await editor.dispatch({ type: 'act', action: 'question', target: 'e1' });
		expect(node(editor, 'e1')!.questioned).toEqual({ author: 'Ana' });
		// Not while "As written" shows the text alone.
		await editor.dispatch({ type: 'setLayer', layer: 'written' });
		expect(await editor.dispatch({ type: 'question', id: 't' })).toBe(false);
	});

	it('asks for a name before the first question', async () => {
		const { editor } = await setUp();
		expect(await editor.dispatch({ type: 'question', id: 'e1' })).toBe(false);
		expect(editor.view.dialog).toMatchObject({ kind: 'name' });
	});

	it('"Stated only" hides what the reconstruction inferred in "As written"', async () => {
		const { editor } = await setUp({ author: 'Ana' });
		await editor.dispatch({ type: 'setInText', id: 'c1', on: 'node', inText: 'inferred' });
		await editor.dispatch({ type: 'select', id: 'c1' });
		await editor.dispatch({ type: 'setLayer', layer: 'written' });
		expect(editor.shownIndex.node.has('c1')).toBe(true);
		expect(await editor.dispatch({ type: 'statedOnly', on: true })).toBe(true);
		expect(editor.shownIndex.node.has('c1')).toBe(false);
		expect(editor.selected).toBeUndefined();
		await editor.dispatch({ type: 'setLayer', layer: 'critique' });
		expect(editor.shownIndex.node.has('c1')).toBe(true);
	});

	it('previews a verdict without changing the map', async () => {
		const { editor } = await setUp();
		// c1's one reason is undercut: it is not established until the reader accepts it.
		expect(editor.evaluation.nodes.get('c1')!.status).toBe('unestablished');
		await editor.dispatch({ type: 'previewVerdict', id: 'c1', verdict: 'accepted' });
		expect(editor.preview!.changes).toContainEqual({
			id: 'c1',
			from: 'unestablished',
			to: 'holds'
		});
		expect(editor.map).toBe(small);
		await editor.dispatch({ type: 'endPreview' });
		expect(editor.preview).toBeUndefined();
	});

	it('"As written" hides the reader layer and refuses additions', async () => {
		const { editor, layout } = await setUp({ author: 'Ana' });
		await editor.dispatch({ type: 'select', id: 'o1' });
		await editor.dispatch({ type: 'setLayer', layer: 'written' });
		expect(editor.shown.nodes.map((n) => n.id)).toEqual(['t', 'c1', 'e1']);
		expect(editor.selected).toBeUndefined();
		expect(layout.calls.at(-1)!.nodes).toHaveLength(3);
		expect(await editor.dispatch({ type: 'add', role: 'reason', parent: 'c1' })).toBe(false);
		expect(editor.message?.text).toMatch(/As written/);
		expect(editor.map).toBe(small);
	});

	it('while reconstructing, adds the text’s own statements: source layer, no name needed', async () => {
		const { editor } = await setUp();
		await editor.dispatch({ type: 'act', action: 'mode' });
		expect(editor.mode).toBe('reconstruct');
		await editor.dispatch({ type: 'setLayer', layer: 'written' });
		const after = await roundTrip(editor, { type: 'add', role: 'evidence', parent: 'c1' });
		const added = after.nodes.at(-1)!;
		expect(added).toMatchObject({ kind: 'evidence', origin: 'source' });
		expect(added.author).toBeUndefined();
		expect(after.links.find((l) => l.from === added.id)!.origin).toBe('source');
		expect(editor.shown.nodes.some((n) => n.id === added.id)).toBe(true);
		expect(editor.view.dialog).toBeUndefined();
		await editor.dispatch({ type: 'act', action: 'mode' });
		expect(editor.mode).toBe('critique');
		expect(await editor.dispatch({ type: 'setMode', mode: 'critique' })).toBe(false);
	});

	it('asks for a name once, then does what was asked', async () => {
		const { editor, remembered } = await setUp();
		expect(await editor.dispatch({ type: 'add', role: 'objection', parent: 't' })).toBe(false);
		expect(editor.view.dialog).toMatchObject({ kind: 'name' });
		expect(editor.map).toBe(small);
		expect(await editor.dispatch({ type: 'setAuthor', name: '   ' })).toBe(false);
		await editor.dispatch({ type: 'setAuthor', name: ' Bo ' });
		expect(remembered()).toBe('Bo');
		expect(editor.view.dialog).toBeUndefined();
		expect(node(editor, editor.editing!)).toMatchObject({ author: 'Bo', origin: 'reader' });
	});

	it('folds evidence columns and toggles panels as view state only', async () => {
		const { editor } = await setUp();
		await editor.dispatch({ type: 'toggleColumn', target: 'c1' });
		expect(editor.collapsed).toEqual(['c1']);
		await editor.dispatch({ type: 'toggleColumn', target: 'c1' });
		expect(editor.collapsed).toEqual([]);
		await editor.dispatch({ type: 'togglePanel', panel: 'follows' });
		expect(editor.view.panels.follows).toBe(true);
		expect(editor.dirty).toBe(false);
		expect(editor.undoLabel).toBeUndefined();
	});

	it('folds every column at once, selects only what is shown, and opens the menu on a statement', async () => {
		const column = {
			id: 'col',
			target: 'c1',
			x: 0,
			y: 0,
			width: 1,
			height: 1,
			items: ['e1'],
			label: 'Evidence · 1',
			collapsed: false,
			links: ['l2']
		};
		const editor = new MapEditor('m', small, { ...EMPTY, columns: [column] });
		await editor.dispatch({ type: 'foldAll', fold: true });
		expect(editor.collapsed).toEqual(['c1']);
		await editor.dispatch({ type: 'foldAll', fold: false });
		expect(editor.collapsed).toEqual([]);
		expect(await editor.dispatch({ type: 'select', id: 'nope' })).toBe(false);
		expect(editor.selected).toBeUndefined();
		await editor.dispatch({ type: 'openMenu', id: 'e1', x: 10, y: 20 });
		expect(editor.selected).toBe('e1');
		expect(editor.view.dialog).toEqual({ kind: 'menu', id: 'e1', x: 10, y: 20 });
		await editor.dispatch({ type: 'notify', text: 'A figure needs a number.', tone: 'error' });
		expect(editor.message).toEqual({ text: 'A figure needs a number.', tone: 'error' });
		await editor.dispatch({ type: 'dismissMessage' });
		expect(editor.message).toBeUndefined();
		expect(editor.map).toBe(small);
	});

	it('edits a template placeholder into a real statement, dropping its placeholder tag', async () => {
		const map = structuredClone(small);
		map.nodes[2] = { ...map.nodes[2]!, tags: ['placeholder'] };
		const { editor } = await setUp({ map });
		expect(editor.evaluation.nodes.get('e1')).toMatchObject({
			status: 'open',
			reason: expect.stringMatching(/a draft/)
		});
		await roundTrip(editor, { type: 'commitText', id: 'e1', text: 'A real fact' });
		expect(node(editor, 'e1')!.tags).toBeUndefined();
		expect(editor.evaluation.nodes.get('e1')!.status).toBe('holds');
	});
});

describe('MapEditor: saving, drafts and conflicts', () => {
	it('is saved again after undoing back to the saved state', async () => {
		const { editor, remote } = await setUp({ author: 'Ana', map: anas });
		await editor.dispatch({ type: 'setText', id: 'c1', text: 'Changed' });
		expect(editor.dirty).toBe(true);
		expect(editor.save.kind).toBe('unsaved');
		await editor.dispatch({ type: 'undo' });
		expect(editor.dirty).toBe(false);
		expect(editor.save.kind).toBe('saved');
		await editor.dispatch({ type: 'redo' });
		expect(await editor.dispatch({ type: 'save' })).toBe(true);
		expect(remote.store.get('m')!.map.nodes[1]!.text).toBe('Changed');
		expect(editor.dirty).toBe(false);
		await editor.dispatch({ type: 'undo' });
		expect(editor.dirty).toBe(true);
		await editor.dispatch({ type: 'redo' });
		expect(editor.dirty).toBe(false);
	});

	it('keeps a draft of every unsaved change and drops it when saved or undone', async () => {
		const { editor, drafts } = await setUp({ author: 'Ana', map: anas });
		await editor.dispatch({ type: 'setText', id: 'c1', text: 'Draft text' });
		expect(drafts.store.get('m')!.map.nodes[1]!.text).toBe('Draft text');
		await editor.dispatch({ type: 'undo' });
		expect(drafts.store.has('m')).toBe(false);
		await editor.dispatch({ type: 'redo' });
		await editor.dispatch({ type: 'save' });
		expect(drafts.store.has('m')).toBe(false);
	});

	it('reports a draft that cannot be kept', async () => {
		const { editor } = await setUp({ failDrafts: true });
		await editor.dispatch({ type: 'setText', id: 'c1', text: 'Lost?' });
		await new Promise((r) => setTimeout(r, 0));
		expect(editor.message).toEqual({
			text: expect.stringMatching(/quota exceeded.*save soon/),
			tone: 'error'
		});
	});

	it('offers an earlier draft, restores it as one step over its base version', async () => {
		const first = await setUp();
		await first.editor.dispatch({ type: 'setText', id: 'c1', text: 'From last time' });
		const draft = first.drafts.store.get('m')!;
		// A new visit: the same store, a fresh editor.
		const editor = new MapEditor('m', small, EMPTY, first.remote.store.get('m')!.etag);
		await editor.start({ remote: first.remote, drafts: first.drafts });
		expect(editor.view.restore?.summary).toBe('1 statement edited');
		// Edits made while the offer waits go under a key of their own.
		await editor.dispatch({ type: 'setFields', id: 't', patch: { label: 'T' }, what: 'label' });
		expect(first.drafts.store.get('m')).toEqual(draft);
		expect(first.drafts.store.has(editor.pendingKey)).toBe(true);
		await editor.dispatch({ type: 'restoreDraft' });
		expect(node(editor, 'c1')!.text).toBe('From last time');
		expect(editor.undoLabel).toBe('Restore unsaved changes');
		expect(editor.dirty).toBe(true);
		expect(first.drafts.store.has(editor.pendingKey)).toBe(false);
		// The label set meanwhile is replaced: said, and undo brings it back.
		expect(editor.message?.text).toMatch(/in place of the edits made since.*Ctrl\+Z/);
		await editor.dispatch({ type: 'undo' });
		expect(node(editor, 't')!.label).toBe('T');
	});

	it('discards an earlier draft; edits made meanwhile become the draft', async () => {
		const first = await setUp();
		await first.editor.dispatch({ type: 'setText', id: 'c1', text: 'Old draft' });
		const editor = new MapEditor('m', small, EMPTY, first.remote.store.get('m')!.etag);
		await editor.start({ remote: first.remote, drafts: first.drafts });
		await editor.dispatch({ type: 'setText', id: 'e1', text: 'New edit' });
		await editor.dispatch({ type: 'discardDraft' });
		expect(editor.view.restore).toBeUndefined();
		expect(first.drafts.store.get('m')!.map.nodes[2]!.text).toBe('New edit');
		expect(first.drafts.store.get('m')!.map.nodes[1]!.text).toBe('A reason.');
	});

	it('never overwrites a newer version silently: conflict, then overwrite, copy or reload', async () => {
		const { editor, remote, navigated } = await setUp({ author: 'Ana', map: anas });
		remote.saveElsewhere('m', { ...anas, title: 'Theirs' });
		await editor.dispatch({ type: 'setText', id: 'c1', text: 'Mine' });
		expect(await editor.dispatch({ type: 'save' })).toBe(false);
		expect(editor.save.kind).toBe('conflict');
		expect(remote.store.get('m')!.map.title).toBe('Theirs');
		// Keep editing: the dialog closes, nothing is lost.
		await editor.dispatch({ type: 'keepEditing' });
		expect(editor.save.kind).toBe('unsaved');
		// Save as a copy: a new map, the original untouched.
		expect(await editor.dispatch({ type: 'saveAsCopy' })).toBe(true);
		expect(navigated).toEqual([
			{
				path: '/maps/m-mine',
				notice: 'Your changes were saved as this copy; “m” was left as the other person saved it.'
			}
		]);
		expect(remote.store.get('m-mine')!.map.nodes[1]!.text).toBe('Mine');
		expect(remote.store.get('m-mine')!.map).toMatchObject({
			title: `${small.title ?? small.source.title} (copy: m-mine)`,
			owner: 'Ana',
			// Based on the version this editor started from, not the one saved in between.
			basedOn: { id: 'm', revision: 'v1' }
		});
		// Overwrite: mine wins over theirs.
		await editor.dispatch({ type: 'setText', id: 'c1', text: 'Mine again' });
		expect(await editor.dispatch({ type: 'save', overwrite: true })).toBe(true);
		expect(remote.store.get('m')!.map.nodes[1]!.text).toBe('Mine again');
		// Reload: theirs wins, history cleared.
		remote.saveElsewhere('m', { ...anas, title: 'Theirs again' });
		expect(await editor.dispatch({ type: 'reload' })).toBe(true);
		expect(editor.map.title).toBe('Theirs again');
		expect(editor.undoLabel).toBeUndefined();
		expect(editor.dirty).toBe(false);
	});

	it('says so when the server cannot be reached, and keeps the changes', async () => {
		const { editor, remote, drafts } = await setUp({ author: 'Ana', map: anas });
		await editor.dispatch({ type: 'setText', id: 'c1', text: 'Offline' });
		remote.state.failing = true;
		expect(await editor.dispatch({ type: 'save' })).toBe(false);
		expect(editor.save).toEqual({
			kind: 'error',
			message: expect.stringMatching(/could not be reached/)
		});
		expect(editor.dirty).toBe(true);
		expect(drafts.store.get('m')!.map.nodes[1]!.text).toBe('Offline');
	});

	it('replaces the whole map as one undoable step, changing only what differs', async () => {
		const { editor } = await setUp();
		expect(
			await editor.dispatch({ type: 'replace', map: structuredClone(small), label: 'Same' })
		).toBe(false);
		expect(editor.undoLabel).toBeUndefined();
		const other = {
			...small,
			title: 'Other',
			nodes: small.nodes.slice(0, 2),
			links: small.links.slice(0, 1)
		};
		await roundTrip(editor, { type: 'replace', map: other, label: 'Import' });
		expect(editor.map).toEqual(other);
	});
});

describe('MapEditor: my own copy', () => {
	const TITLE = `${small.source.title} — critique by Ana`;
	/** Ana's objection to Reason 1, written. */
	async function object(editor: MapEditor, text = 'Not so.') {
		await editor.dispatch({ type: 'add', role: 'objection', parent: 'c1' });
		const id = editor.editing!;
		await editor.dispatch({ type: 'commitText', id, text });
		return id;
	}
	const ownCopyAsked = (editor: MapEditor) =>
		editor.view.dialog?.kind === 'ownCopy' ? editor.view.dialog : undefined;
	/** Answer the own-copy dialog with what it proposes, or with `over`. */
	const accept = (editor: MapEditor, over: { id?: string; title?: string } = {}) => {
		const asked = ownCopyAsked(editor)!;
		return editor.dispatch({
			type: 'saveOwnCopy',
			id: over.id ?? asked.id,
			title: over.title ?? asked.title
		});
	};

	it('the first save on a shared map makes the reader’s own copy; the class map is unchanged', async () => {
		const { editor, remote, drafts, navigated } = await setUp({ author: 'Ana' });
		const before = remote.store.get('m')!;
		const objection = await object(editor);
		expect(await editor.dispatch({ type: 'save' })).toBe(false);
		expect(ownCopyAsked(editor)).toEqual({
			kind: 'ownCopy',
			id: 'm-critique-by-ana',
			base: 'm-critique-by-ana',
			title: TITLE,
			owner: undefined
		});
		expect(await accept(editor)).toBe(true);
		// The original: the very same stored version, untouched.
		expect(remote.store.get('m')).toBe(before);
		expect(remote.store.get('m')!.map).toEqual(small);
		const copy = remote.store.get('m-critique-by-ana')!.map;
		expect(copy).toMatchObject({
			title: TITLE,
			owner: 'Ana',
			basedOn: { id: 'm', revision: before.etag.slice(1, -1) }
		});
		expect(copy.nodes.find((n) => n.id === objection)).toMatchObject({
			text: 'Not so.',
			origin: 'reader',
			author: 'Ana'
		});
		expect(navigated).toEqual([
			{
				path: '/maps/m-critique-by-ana',
				notice: `Saved as your own copy, “${TITLE}”. The class map is unchanged.`
			}
		]);
		expect(editor.view.dialog).toBeUndefined();
		expect(editor.dirty).toBe(false);
		expect(drafts.store.has('m')).toBe(false);

		// On the copy (the page moved there), saving again saves into the copy.
		const onCopy = new MapEditor(
			'm-critique-by-ana',
			copy,
			EMPTY,
			remote.store.get('m-critique-by-ana')!.etag
		);
		await onCopy.start({ remote, prefs: { author: () => 'Ana', setAuthor: () => {} } });
		await object(onCopy, 'And another thing.');
		expect(await onCopy.dispatch({ type: 'save' })).toBe(true);
		expect(onCopy.view.dialog).toBeUndefined();
		expect(remote.store.get('m-critique-by-ana')!.map.nodes).toHaveLength(copy.nodes.length + 1);
		expect(remote.store.get('m')).toBe(before);
	});

	it('saves in place on the reader’s own map (the name matched whatever its case)', async () => {
		const { editor, remote, navigated } = await setUp({ author: 'ana', map: anas });
		const objection = await object(editor);
		expect(await editor.dispatch({ type: 'save' })).toBe(true);
		expect(editor.view.dialog).toBeUndefined();
		expect(remote.store.get('m')!.map.nodes.some((n) => n.id === objection)).toBe(true);
		expect(remote.store.get('m')!.map.owner).toBe('Ana');
		expect([...remote.store.keys()]).toEqual(['m']);
		expect(navigated).toEqual([]);
	});

	it('on someone else’s map, says whose it is and that theirs is unchanged', async () => {
		const bens = { ...small, owner: 'Ben' };
		const { editor, remote, navigated } = await setUp({ author: 'Ana', map: bens });
		const before = remote.store.get('m')!;
		await object(editor);
		await editor.dispatch({ type: 'save' });
		expect(ownCopyAsked(editor)).toMatchObject({ owner: 'Ben', id: 'm-critique-by-ana' });
		expect(await accept(editor)).toBe(true);
		expect(remote.store.get('m')).toBe(before);
		expect(remote.store.get('m-critique-by-ana')!.map.owner).toBe('Ana');
		expect(navigated[0]!.notice).toBe(
			`Saved as your own copy, “${TITLE}”. Ben’s map is unchanged.`
		);
	});

	it('proposes a free id, and takes a fresh one when the id is taken on the way', async () => {
		const { editor, remote, navigated } = await setUp({ author: 'Ana' });
		remote.saveElsewhere('m-critique-by-ana', anas);
		await object(editor);
		await editor.dispatch({ type: 'save' });
		expect(ownCopyAsked(editor)!.id).toBe('m-critique-by-ana-2');
		// Someone takes it while the dialog is open.
		const theirs = remote.saveElsewhere('m-critique-by-ana-2', anas);
		expect(await accept(editor)).toBe(true);
		expect(navigated[0]!.path).toBe('/maps/m-critique-by-ana-3');
		expect(remote.store.get('m-critique-by-ana-2')!.etag).toBe(theirs);
		expect(remote.store.get('m-critique-by-ana-3')!.map.owner).toBe('Ana');
	});

	it('lets the reader change the id and title, and says what is wrong with them', async () => {
		const { editor, remote, navigated } = await setUp({ author: 'Ana' });
		await object(editor);
		await editor.dispatch({ type: 'save' });
		expect(await accept(editor, { id: 'Ana’s copy' })).toBe(false);
		expect(ownCopyAsked(editor)!.error).toMatch(/lower-case letters/);
		expect(await accept(editor, { id: 'anas-reading', title: '  ' })).toBe(false);
		expect(ownCopyAsked(editor)!.error).toBe('Enter a title.');
		expect([...remote.store.keys()]).toEqual(['m']);
		expect(await accept(editor, { id: ' anas-reading ', title: ' My  reading ' })).toBe(true);
		expect(remote.store.get('anas-reading')!.map.title).toBe('My reading');
		expect(navigated[0]!.notice).toMatch(/^Saved as your own copy, “My reading”\./);
	});

	it('a refused copy says why and loses nothing: the work and its draft stay, the dialog too', async () => {
		const { editor, remote, drafts, navigated } = await setUp({ author: 'Ana' });
		const objection = await object(editor);
		await editor.dispatch({ type: 'save' });
		remote.state.refusing = 'the map is not valid';
		expect(await accept(editor)).toBe(false);
		expect(editor.save).toEqual({ kind: 'error', message: 'the map is not valid' });
		expect(ownCopyAsked(editor)!.error).toBe(
			'Your copy could not be saved: the map is not valid. Nothing is lost: your changes are still here, and kept in this browser.'
		);
		expect(editor.dirty).toBe(true);
		expect(drafts.store.get('m')!.map.nodes.some((n) => n.id === objection)).toBe(true);
		remote.state.refusing = undefined;
		remote.state.failing = true;
		expect(await accept(editor)).toBe(false);
		expect(ownCopyAsked(editor)!.error).toMatch(/could not be reached/);
		expect([...remote.store.keys()]).toEqual(['m']);
		expect(remote.store.get('m')!.map).toEqual(small);
		expect(navigated).toEqual([]);
		// Back online, the same answer goes through.
		remote.state.failing = false;
		expect(await accept(editor)).toBe(true);
		expect(drafts.store.has('m')).toBe(false);
	});

	it('a save that slips past the editor into a shared map is refused, as the server does', async () => {
		const { editor, remote } = await setUp({ author: 'Ana' });
		await object(editor);
		const r = await remote.save('m', editor.map, remote.store.get('m')!.etag);
		expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/shared map/) });
		expect(remote.store.get('m')!.map).toEqual(small);
	});

	it('reconstructing a shared map is saved as a copy too, after asking the name', async () => {
		const { editor, remote, navigated, remembered } = await setUp();
		await editor.dispatch({ type: 'setMode', mode: 'reconstruct' });
		await editor.dispatch({ type: 'setText', id: 'c1', text: 'A reason, reworded.' });
		expect(await editor.dispatch({ type: 'save' })).toBe(false);
		expect(editor.view.dialog).toEqual({ kind: 'name', then: { type: 'save' } });
		await editor.dispatch({ type: 'setAuthor', name: 'Ana' });
		await new Promise((r) => setTimeout(r, 0));
		expect(remembered()).toBe('Ana');
		expect(await accept(editor)).toBe(true);
		expect(remote.store.get('m')!.map).toEqual(small);
		expect(remote.store.get('m-critique-by-ana')!.map.nodes[1]!.text).toBe('A reason, reworded.');
		// The copy opens the way the reader was working.
		expect(navigated[0]!.path).toBe('/maps/m-critique-by-ana?mode=reconstruct');
	});

	it('an import cannot change whose the map is or what it is based on', async () => {
		const mine = { ...anas, basedOn: { id: 'original', revision: 'r1' } };
		const { editor } = await setUp({ author: 'Ana', map: mine });
		const other = { ...small, title: 'Imported', owner: 'Ben' };
		expect(await editor.dispatch({ type: 'replace', map: other, label: 'Import' })).toBe(true);
		expect(editor.map).toMatchObject({
			title: 'Imported',
			owner: 'Ana',
			basedOn: { id: 'original', revision: 'r1' }
		});
	});
});

describe('MapEditor: the source text', () => {
	const withText: ArgumentMap = loadMap('tests/e2e/fixtures/branch-libraries.map.json');
	const whole = withText.text!.map((b) => b.text).join('\n\n');
	const span = (words: string) => {
		const start = whole.lastIndexOf(words);
		return { start, end: start + words.length };
	};

	it('makes evidence from a passage, anchored there, with its figures, as one step', async () => {
		const { editor } = await setUp({ map: withText, author: 'Ana' });
		await editor.dispatch({ type: 'setMode', mode: 'reconstruct' });
		await editor.dispatch({ type: 'select', id: 'reason-services' });
		const at = span('roughly $38, against $6 for one filed online');
		expect(at.start).toBeGreaterThan(0);
		expect(
			await editor.dispatch({ type: 'addFromText', as: 'evidence', ...at, figures: true })
		).toBe(true);
		const added = editor.map.nodes.at(-1)!;
		expect(added).toMatchObject({
			kind: 'evidence',
			origin: 'source',
			text: 'roughly $38, against $6 for one filed online'
		});
		expect(added.anchors![0]).toMatchObject({ start: at.start, end: at.end });
		expect(added.figures!.map((f) => f.value)).toEqual(expect.arrayContaining([38, 6]));
		expect(editor.editing).toBe(added.id);
		// Escape closes the editor and keeps the statement made from the passage; Undo takes it back.
		expect(await editor.dispatch({ type: 'cancelText', id: added.id })).toBe(false);
		expect(editor.map.nodes.at(-1)!.id).toBe(added.id);
		expect(editor.editing).toBeUndefined();
		await editor.dispatch({ type: 'undo' });
		expect(editor.map).toEqual(withText);
	});

	it('brings every number of a passage along as a figure, each with its own year', async () => {
		const { editor } = await setUp({ map: withText, author: 'Ana' });
		await editor.dispatch({ type: 'select', id: 'reason-services' });
		const at = span('about 1,200 visitors a day in 2023, up from 870 in 2019');
		await editor.dispatch({ type: 'addFromText', as: 'evidence', ...at, figures: true });
		expect(editor.map.nodes.at(-1)!.figures).toEqual([
			{ value: 1200, unit: 'visitors', year: 2023, qualifier: 'about' },
			{ value: 870, unit: 'visitors', year: 2019 }
		]);
	});

	it('asks the reader’s name before a passage becomes their critique', async () => {
		const { editor } = await setUp({ map: withText });
		const at = span('everyone has a phone');
		expect(at.start).toBeGreaterThan(0);
		expect(await editor.dispatch({ type: 'addFromText', as: 'objection', ...at })).toBe(false);
		expect(editor.view.dialog).toMatchObject({ kind: 'name' });
		await editor.dispatch({ type: 'setAuthor', name: 'Bo' });
		await new Promise((r) => setTimeout(r, 50));
		expect(editor.message).toBeUndefined();
		expect(editor.map.nodes.at(-1)).toMatchObject({ origin: 'reader', author: 'Bo' });
	});

	it('anchoring where an anchor was lost replaces the lost one', async () => {
		const lost = structuredClone(withText);
		const i = lost.nodes.findIndex((n) => n.id === 'reason-children');
		lost.nodes[i] = {
			...lost.nodes[i]!,
			anchors: [{ paragraph: 5, quote: 'words this op-ed never uses' }]
		};
		const { editor } = await setUp({ map: lost });
		const at = span('run homework clubs for up to 350 pupils');
		expect(await editor.dispatch({ type: 'anchorHere', id: 'reason-children', ...at })).toBe(true);
		const anchors = editor.map.nodes.find((n) => n.id === 'reason-children')!.anchors!;
		expect(anchors).toHaveLength(1);
		expect(anchors[0]).toMatchObject({
			start: at.start,
			quote: 'run homework clubs for up to 350 pupils'
		});
	});

	it('names the anchors found in passages that changed', async () => {
		const { editor } = await setUp({ map: withText });
		const blocks = withText.text!.map((b) => ({
			...b,
			text: b.text.replace('up to 350 pupils', 'up to 360 pupils')
		}));
		expect(await editor.dispatch({ type: 'attachText', blocks })).toBe(true);
		expect(editor.message?.text).toMatch(/1 of them in passages that changed/);
	});

	it('attaches a new version of the text and says how many anchors were found', async () => {
		const { editor } = await setUp({ map: withText });
		const blocks = withText.text!.map((b) => ({ ...b }));
		blocks[5] = { text: `${blocks[5]!.text} An added sentence at the end.` };
		expect(await editor.dispatch({ type: 'attachText', blocks })).toBe(true);
		expect(editor.message?.text).toMatch(/14 of 14 anchors found/);
		expect(editor.message?.text).not.toMatch(/passages that changed/);
		expect(editor.map.text![5]!.text).toMatch(/An added sentence/);
		expect(editor.undoLabel).toBe('Attach a new version of the text');
	});
});

describe('MapEditor: the walkthrough', () => {
	it('P opens it; its order is one undoable edit, saved with the map, and can be taken away', async () => {
		const { editor, remote } = await setUp({ author: 'Ana', map: anas });
		expect(await editor.dispatch({ type: 'act', action: 'present' })).toBe(true);
		expect(editor.view.presenting).toBe(true);
		const order = ['o1', 't', 'c1'];
		await roundTrip(editor, { type: 'setWalkthrough', order });
		expect(editor.map.walkthrough).toEqual({ order });
		expect(editor.dirty).toBe(true);
		// The same order again is no edit (no empty undo step).
		expect(await editor.dispatch({ type: 'setWalkthrough', order: [...order] })).toBe(false);
		expect(await editor.dispatch({ type: 'save' })).toBe(true);
		expect(remote.store.get('m')!.map.walkthrough).toEqual({ order });
		await roundTrip(editor, { type: 'setWalkthrough', order: undefined });
		expect(editor.map).not.toHaveProperty('walkthrough');
		expect(await editor.dispatch({ type: 'present', open: false })).toBe(true);
		expect(editor.view.presenting).toBe(false);
	});
});
