/**
 * The intents of statements and their text: add one (opened for its text at once: the
 * fresh-statement cycle), move or delete it, edit its text and fields in place or in a panel,
 * its verdict, origin and question, the walkthrough's order; undo and redo.
 */
import * as build from '../commands/intents';
import { withProvisional } from '../layout/provisional';
import { parentOf } from '../model/queries';
import type { EditorContext, Handlers } from './editor-context';
import { redo, run, undo, who } from './editor-steps';
import { reveal } from './handle-view';

export const textHandlers = {
	setWalkthrough: (ctx, intent) => run(ctx, build.walkthroughOrder(ctx.editor.map, intent.order)),
	add: (ctx, intent) =>
		addFresh(ctx, build.addChild(ctx.editor.map, intent.parent, intent.role, who(ctx))),
	addUndercut(ctx, intent) {
		const built = build.addUndercut(ctx.editor.map, intent.from, {
			linkId: intent.link,
			...who(ctx)
		});
		if (!built.ok && built.reason === 'choose' && 'links' in built) {
			const links = built.links.map((l) => l.id);
			ctx.view.dialog = { kind: 'chooseStep', from: intent.from, links };
			return false;
		}
		return addFresh(ctx, built as build.Built);
	},
	raiseDoubt: (ctx, intent) =>
		addFresh(ctx, build.raiseDoubt(ctx.editor.map, intent.link, intent.question, ctx.view.author)),
	moveUnder(ctx, intent) {
		ctx.view.dialog = undefined;
		return run(ctx, build.moveUnder(ctx.editor.map, intent.id, intent.to));
	},
	delete(ctx, intent) {
		const v = ctx.view;
		// The selection (and with it the keyboard focus) moves to what the statement argued for.
		const { index } = ctx.editor;
		const out = index.outgoing.get(intent.id)?.find((l) => l.from === intent.id);
		const next = out && (index.node.has(out.to) ? out.to : index.link.get(out.to)?.from);
		const wasSelected = v.selected === intent.id;
		if (!run(ctx, build.deleteNode(ctx.editor.map, intent.id))) return false;
		v.message = { text: 'Deleted. Undo (Ctrl+Z) brings it back.', tone: 'info' };
		if (wasSelected && next && ctx.editor.shownIndex.node.has(next)) v.selected = next;
		return true;
	},
	startEdit(ctx, intent) {
		if (!ctx.editor.index.node.has(intent.id)) return false;
		ctx.editor.dispatch({ type: 'select', id: intent.id });
		ctx.view.editing = intent.id;
		return true;
	},
	commitText: (ctx, intent) => commitText(ctx, intent.id, intent.text),
	cancelText(ctx, intent) {
		if (ctx.view.editing === intent.id) ctx.view.editing = undefined;
		// Escape on a statement just added, still unwritten, takes the addition back.
		const node = ctx.editor.index.node.get(intent.id);
		const untouched = ctx.fresh?.id === intent.id && node?.text === ctx.fresh.text;
		ctx.fresh = undefined;
		if (untouched) takeBack(ctx, intent.id);
		ctx.doc.history.seal();
		return untouched;
	},
	setText: (ctx, intent) =>
		run(ctx, build.editText(ctx.editor.map, intent.id, intent.text), `text:${intent.id}`),
	setFields: (ctx, intent) =>
		run(
			ctx,
			build.updateFields(ctx.editor.map, intent.id, intent.patch, intent.what),
			intent.merge ? `${intent.what}:${intent.id}` : undefined
		),
	setVerdict: (ctx, intent) =>
		run(ctx, build.setVerdict(ctx.editor.map, intent.id, intent.verdict)),
	setOrigin: (ctx, intent) =>
		run(
			ctx,
			build.setOrigin(ctx.editor.map, intent.id, intent.origin, ctx.view.author, intent.inText)
		),
	setInText(ctx, intent) {
		const on = intent.on === 'node' ? { node: intent.id } : { link: intent.id };
		return run(ctx, build.setInText(ctx.editor.map, on, intent.inText));
	},
	question(ctx, intent) {
		const author = ctx.view.author;
		const note = intent.note?.trim();
		const question = intent.withdraw
			? undefined
			: { ...(author ? { author } : {}), ...(note ? { note } : {}) };
		return run(ctx, build.setQuestion(ctx.editor.map, intent.id, question));
	},
	seal(ctx) {
		ctx.doc.history.seal();
		return true;
	},
	undo: (ctx) => undo(ctx),
	redo: (ctx) => redo(ctx)
} satisfies Partial<Handlers>;

/**
 * Keep the text typed in place. Returns true when the editing is over (kept, or nothing
 * changed, or an emptied fresh statement taken back), false when the text was refused: the
 * editing stays open with the reason in `message`, so nothing typed is lost.
 */
function commitText(ctx: EditorContext, id: string, text: string): boolean {
	const v = ctx.view;
	const fresh = ctx.fresh?.id === id;
	const built = build.editText(ctx.editor.map, id, text);
	if (!built.ok && built.reason !== 'unchanged') {
		if (fresh && !text.trim()) {
			// Emptying a statement just added means not adding it.
			v.editing = undefined;
			ctx.fresh = undefined;
			takeBack(ctx, id);
			ctx.doc.history.seal();
			return true;
		}
		v.message = { text: `${built.reason}. Edit it, or press Escape to cancel.`, tone: 'error' };
		return false;
	}
	const ok = !built.ok || run(ctx, built, fresh ? `new:${id}` : undefined);
	if (!ok) return false;
	if (v.editing === id) v.editing = undefined;
	ctx.fresh = undefined;
	ctx.doc.history.seal();
	return true;
}

/** Undo the addition of fresh statement `id`, and select what it was added to. */
function takeBack(ctx: EditorContext, id: string) {
	const parent = parentOf(ctx.editor.index, id);
	undo(ctx);
	ctx.view.message = undefined;
	if (parent && ctx.editor.shownIndex.node.has(parent)) ctx.view.selected = parent;
}

/** Add a statement and open its text in place: naming it is part of the same undo step. */
export function addFresh(ctx: EditorContext, built: build.Built): boolean {
	if (!built.ok || !built.nodeId) return run(ctx, built);
	const id = built.nodeId;
	if (!run(ctx, built, `new:${id}`)) return false;
	// Paint first: drawn now where it most likely stays, editable at once; the worker's
	// layout settles it (and whatever else must move) when it comes.
	const first = ctx.host().layout && withProvisional(ctx.layout(), ctx.editor.shownIndex, id);
	if (first) ctx.paint(first);
	ctx.view.selected = id;
	ctx.fresh = { id, text: ctx.editor.index.node.get(id)?.text ?? '' };
	ctx.view.editing = id;
	// Added under a folded statement: the fold opens to show it.
	reveal(ctx, [id]);
	return true;
}
