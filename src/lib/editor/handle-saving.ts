/**
 * The intents of saving, drafts and conflicts: save over the version the editor started from
 * (a conflict is asked about, never overwritten), save as a copy, the reader's own copy of a
 * map that is not theirs, reload, an earlier draft restored or discarded, the reader's name.
 */
import type { ArgumentMap } from '../model/schema';
import {
	MAX_COPY_ATTEMPTS,
	basedOn,
	numberOf,
	numberedId,
	ownCopy,
	ownCopyId,
	ownCopyTitle
} from '../model/ownership';
import type { EditorContext, Handlers } from './editor-context';
import { keepDraft, replace } from './editor-steps';
import { checkMapId, checkTitle } from './new-map';

export const savingHandlers = {
	save: (ctx, intent) => save(ctx, intent.overwrite ?? false),
	saveAsCopy: (ctx) => saveAsCopy(ctx),
	saveOwnCopy: (ctx, intent) => saveOwnCopy(ctx, intent.id, intent.title),
	reload: (ctx) => reload(ctx),
	keepEditing(ctx) {
		if (ctx.doc.save.kind === 'conflict') ctx.doc.save = { kind: 'unsaved' };
		return true;
	},
	restoreDraft: (ctx) => restoreDraft(ctx),
	discardDraft: (ctx) => discardDraft(ctx),
	setAuthor(ctx, intent) {
		const v = ctx.view;
		const name = intent.name.trim().slice(0, 80);
		if (!name) return false;
		v.author = name;
		ctx.host().prefs?.setAuthor(name);
		const then = v.dialog?.kind === 'name' ? v.dialog.then : undefined;
		v.dialog = undefined;
		if (then) void ctx.editor.dispatch(then);
		return true;
	}
} satisfies Partial<Handlers>;

function restoreDraft(ctx: EditorContext): boolean {
	const offer = ctx.view.restore;
	if (!offer) return false;
	ctx.view.restore = undefined;
	void ctx.host().drafts?.delete(ctx.editor.pendingKey);
	// Saving goes over the version the draft was made from (set before the change is kept as
	// a draft again): if the file changed since, the save reports a conflict, never overwrites.
	const etag = ctx.doc.etag;
	const editedSince = ctx.doc.dirty;
	ctx.doc.etag = offer.draft.baseEtag;
	if (!replace(ctx, offer.draft.map, 'Restore unsaved changes')) {
		ctx.doc.etag = etag;
		return false;
	}
	// Edits made while the offer stood are replaced by the draft: say so, and how to get them back.
	if (editedSince)
		ctx.view.message = {
			text: 'Restored the earlier unsaved changes in place of the edits made since. Undo (Ctrl+Z) brings those back.',
			tone: 'info'
		};
	return true;
}

function discardDraft(ctx: EditorContext): boolean {
	const offer = ctx.view.restore;
	ctx.view.restore = undefined;
	const drafts = ctx.host().drafts;
	if (offer) void drafts?.delete(offer.draft.mapId);
	void drafts?.delete(ctx.editor.pendingKey);
	// Edits made meanwhile become the draft.
	if (ctx.doc.dirty) keepDraft(ctx);
	return true;
}

/**
 * Save over the version this editor started from. A conflict (someone saved in between) is
 * never overwritten silently: `save` becomes `conflict` and the view asks.
 */
async function save(ctx: EditorContext, overwrite: boolean): Promise<boolean> {
	const doc = ctx.doc;
	const remote = ctx.host().remote;
	if (doc.save.kind === 'saving' || !remote) return false;
	// The app saves into a map only for its owner: anyone else's work becomes their own copy.
	if (doc.dirty && !ctx.editor.savesHere) return offerOwnCopy(ctx);
	const stamp = doc.stamp;
	const map = ctx.editor.map;
	doc.save = { kind: 'saving' };
	let ifMatch = doc.etag || '*';
	if (overwrite) ifMatch = (await remote.currentEtag(ctx.editor.mapId)) ?? ifMatch;
	const r = await remote.save(ctx.editor.mapId, map, ifMatch);
	if (!r.ok) {
		doc.save = r.conflict
			? { kind: 'conflict', serverEtag: r.serverEtag }
			: { kind: 'error', message: r.message };
		return false;
	}
	doc.etag = r.etag;
	doc.savedStamp = stamp;
	doc.save = doc.dirty ? { kind: 'unsaved' } : { kind: 'saved' };
	if (!doc.dirty) void ctx.host().drafts?.delete(ctx.editor.mapId);
	return true;
}

/**
 * Saving work on a map that is not this reader's (a shared map, or someone else's): ask the
 * name if it is not known yet, then offer their own copy under a free id they may change.
 */
async function offerOwnCopy(ctx: EditorContext): Promise<boolean> {
	const v = ctx.view;
	const name = v.author;
	if (!name) {
		v.dialog = { kind: 'name', then: { type: 'save' } };
		return false;
	}
	const base = ownCopyId(ctx.editor.mapId, name);
	const id = (await ctx.host().remote?.freeId(base)) ?? base;
	v.dialog = {
		kind: 'ownCopy',
		id,
		base,
		title: ownCopyTitle(ctx.editor.map, name),
		owner: ctx.editor.map.owner
	};
	return false;
}

/**
 * Create this reader's own copy, with everything done so far, and move to it. The original is
 * never written. A taken id gets the next free one (`-2`, `-3` …); a refusal keeps the dialog
 * open with the reason, and the work stays here and in this browser's draft.
 */
async function saveOwnCopy(
	ctx: EditorContext,
	askedId: string,
	askedTitle: string
): Promise<boolean> {
	const v = ctx.view;
	const doc = ctx.doc;
	const name = v.author;
	const asked = v.dialog?.kind === 'ownCopy' ? v.dialog : undefined;
	if (!name || !asked || doc.save.kind === 'saving') return false;
	const id = askedId.trim();
	const title = askedTitle.trim().replace(/\s+/g, ' ');
	const problem = checkMapId(id) ?? checkTitle(title);
	if (problem) {
		v.dialog = { ...asked, error: problem };
		return false;
	}
	const stamp = doc.stamp;
	const copy = ownCopy(ctx.editor.map, {
		title,
		owner: name,
		basedOn: basedOn(ctx.editor.mapId, doc.etag)
	});
	doc.save = { kind: 'saving' };
	// The proposed id, if it was taken meanwhile, goes on from its base: `-2` is followed by
	// `-3`. An id the reader typed is tried as it is, then with `-2` …
	const from = id === asked.id ? numberOf(asked.base, id) : undefined;
	const r = await createNumbered(ctx, from ? asked.base : id, () => copy, from);
	if (!r.ok) {
		doc.save = { kind: 'error', message: r.message };
		v.dialog = {
			...asked,
			error: `Your copy could not be saved: ${r.message}. Nothing is lost: your changes are still here, and kept in this browser.`
		};
		return false;
	}
	v.dialog = undefined;
	const whose = asked.owner ? `${asked.owner}’s map` : 'The class map';
	leaveFor(
		ctx,
		r.id,
		stamp,
		`Saved as your own copy, “${title}”. ${whose} is unchanged.`,
		ctx.view.mode === 'reconstruct' ? '?mode=reconstruct' : ''
	);
	return true;
}

/** Save this map under a new id (the way out of a conflict without losing either side). */
async function saveAsCopy(ctx: EditorContext): Promise<boolean> {
	const doc = ctx.doc;
	const stamp = doc.stamp;
	const name = ctx.view.author;
	const from = basedOn(ctx.editor.mapId, doc.etag);
	// A copy says what it is, as Duplicate's copies do: "Title (copy: id)".
	const base = (ctx.editor.map.title ?? ctx.editor.map.source.title).replace(
		/ \(copy: [a-z0-9-]+\)$/,
		''
	);
	const r = await createNumbered(ctx, `${ctx.editor.mapId}-mine`, (id) =>
		ownCopy(ctx.editor.map, {
			title: `${base} (copy: ${id})`.slice(0, 300),
			owner: name,
			basedOn: from
		})
	);
	if (!r.ok) {
		doc.save = { kind: 'error', message: r.message };
		return false;
	}
	leaveFor(
		ctx,
		r.id,
		stamp,
		`Your changes were saved as this copy; “${ctx.editor.mapId}” was left as the other person saved it.`
	);
	return true;
}

/** Create map `made(id)` under the first free id of `base`, `base-2` … (from the `start`-th). */
async function createNumbered(
	ctx: EditorContext,
	base: string,
	made: (id: string) => ArgumentMap,
	start = 1
): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
	const remote = ctx.host().remote;
	if (!remote) return { ok: false, message: 'there is no server to save to' };
	for (let n = start; n <= MAX_COPY_ATTEMPTS; n++) {
		const id = numberedId(base, n);
		const r = await remote.create(id, { map: made(id) });
		if (r.ok) return { ok: true, id };
		if (!r.taken) return { ok: false, message: r.message };
	}
	return {
		ok: false,
		message: `${base} to ${numberedId(base, MAX_COPY_ATTEMPTS)} are all taken: choose another id`
	};
}

/**
 * The work up to `stamp` is saved in copy `id`: this map's draft goes (unless something was
 * done meanwhile, which the draft keeps), and the page moves.
 */
function leaveFor(ctx: EditorContext, id: string, stamp: number, notice: string, query = '') {
	const doc = ctx.doc;
	doc.savedStamp = stamp;
	doc.save = doc.dirty ? { kind: 'unsaved' } : { kind: 'saved' };
	if (!doc.dirty) void ctx.host().drafts?.delete(ctx.editor.mapId);
	ctx.host().navigate?.(`/maps/${id}${query}`, notice);
}

/** Throw away local changes: back to the server's map, history cleared. */
async function reload(ctx: EditorContext): Promise<boolean> {
	const remote = ctx.host().remote;
	if (!remote) return false;
	const r = await remote.load(ctx.editor.mapId);
	if (!r.ok) {
		ctx.doc.save = { kind: 'error', message: r.message };
		return false;
	}
	const doc = ctx.doc;
	doc.history.clear();
	doc.map = r.map;
	doc.etag = r.etag;
	doc.sync();
	doc.savedStamp = doc.stamp;
	doc.save = { kind: 'saved' };
	ctx.fresh = undefined;
	const v = ctx.view;
	if (v.selected && !ctx.editor.index.node.has(v.selected)) v.selected = undefined;
	v.editing = undefined;
	void ctx.host().drafts?.delete(ctx.editor.mapId);
	void ctx.editor.relayout();
	return true;
}
