/**
 * How a change becomes an undoable step, shared by every family of intents: a built command is
 * applied and recorded (or refused with its reason), the view follows the new map, the change
 * is kept as a draft and laid out. Also the rules for adding (who may add, and whose it is).
 */
import { apply, type Command } from '../commands/commands';
import { commandBetween } from '../commands/from-diff';
import type { Built, Provenance } from '../commands/intents';
import type { ArgumentMap } from '../model/schema';
import type { EditorContext } from './editor-context';
import type { Intent } from './intent';

/**
 * Apply a built command as one undoable step. With `mergeKey`, consecutive steps with the same
 * key merge (typing in one field). A refusal leaves the map unchanged and says why.
 */
export function run(ctx: EditorContext, built: Built, mergeKey?: string): boolean {
	if (!built.ok) {
		if (built.reason !== 'unchanged') ctx.view.message = { text: built.reason, tone: 'error' };
		return false;
	}
	return runCommand(ctx, built.command, built.label, mergeKey);
}

export function runCommand(
	ctx: EditorContext,
	command: Command,
	label: string,
	mergeKey?: string
): boolean {
	const r = apply(ctx.editor.map, command);
	if (!r.ok) {
		ctx.view.message = { text: `${label}: ${r.reason}`, tone: 'error' };
		return false;
	}
	ctx.doc.history.record({ label, forward: command, inverse: r.inverse, mergeKey });
	ctx.view.message = undefined;
	changed(ctx, r.map);
	return true;
}

export const undo = (ctx: EditorContext) => travel(ctx, true);
export const redo = (ctx: EditorContext) => travel(ctx, false);

/** Undo (`back`) or redo a step, and say which. */
function travel(ctx: EditorContext, back: boolean): boolean {
	const history = ctx.doc.history;
	const r = back ? history.undo(ctx.editor.map) : history.redo(ctx.editor.map);
	if (!r) return false;
	ctx.view.message = { text: `${back ? 'Undone' : 'Redone'}: ${r.entry.label}`, tone: 'info' };
	changed(ctx, r.map);
	return true;
}

function changed(ctx: EditorContext, map: ArgumentMap) {
	const doc = ctx.doc;
	const v = ctx.view;
	doc.map = map;
	doc.sync();
	v.preview = undefined;
	if (v.selected && !ctx.editor.shownIndex.node.has(v.selected)) v.selected = undefined;
	if (v.selectedLink && !ctx.editor.shownIndex.link.has(v.selectedLink)) v.selectedLink = undefined;
	if (v.editing && !ctx.editor.index.node.has(v.editing)) v.editing = undefined;
	if (doc.save.kind === 'saved' || doc.save.kind === 'unsaved')
		doc.save = doc.dirty ? { kind: 'unsaved' } : { kind: 'saved' };
	keepDraft(ctx);
	void ctx.editor.relayout();
}

/** Keep unsaved edits in this browser; back at the saved state there is nothing to keep. */
export function keepDraft(ctx: EditorContext) {
	const drafts = ctx.host().drafts;
	if (!drafts) return;
	if (!ctx.doc.dirty) {
		void drafts.delete(ctx.editor.mapId);
		return;
	}
	const key = ctx.view.restore ? ctx.editor.pendingKey : ctx.editor.mapId;
	drafts
		.save({ mapId: key, baseEtag: ctx.doc.etag, map: ctx.editor.map, savedAt: Date.now() })
		.catch((e: unknown) => {
			ctx.view.message = {
				text: `Your changes could not be kept in this browser (${e instanceof Error ? e.message : 'storage refused'}): save soon.`,
				tone: 'error'
			};
		});
}

/**
 * A whole new version from elsewhere (a restored draft, an import, later a text pane or a
 * peer) as one undoable step: only what differs changes (model/diff → commands/from-diff).
 */
export function replace(ctx: EditorContext, incoming: ArgumentMap, label: string): boolean {
	// Whose the map is and what it is based on stay: they are not content an import brings.
	const { owner: _owner, basedOn: _basedOn, ...content } = incoming;
	const { owner, basedOn: from } = ctx.editor.map;
	const map = { ...content, ...(owner ? { owner } : {}), ...(from ? { basedOn: from } : {}) };
	const c = commandBetween(ctx.editor.map, map);
	if (c.kind === 'unchanged') return false;
	return runCommand(ctx, c.command, label);
}

/**
 * The rules for adding: while reconstructing, what is added is the text's (no name needed,
 * and "As written" shows it). While critiquing it is the reader's own: not while "As
 * written" shows the text alone, and only once the reader has given a name (asked once; the
 * intent goes on afterwards).
 */
export function mayAdd(ctx: EditorContext, intent: Intent): boolean {
	const v = ctx.view;
	if (v.mode === 'reconstruct') return true;
	if (v.layer === 'written') {
		v.message = {
			text: '“As written” shows the text alone: switch to “With critique” to add your own statements, or press C to reconstruct the text.',
			tone: 'info'
		};
		return false;
	}
	if (!v.author) {
		v.dialog = { kind: 'name', then: intent };
		return false;
	}
	return true;
}

/** Whose the next added item is: the text's while reconstructing, else this reader's. */
export function who(ctx: EditorContext): Provenance {
	if (ctx.view.mode === 'reconstruct') return { origin: 'source' };
	return { origin: 'reader', ...(ctx.view.author ? { author: ctx.view.author } : {}) };
}
