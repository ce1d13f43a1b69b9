/**
 * The intents of the view (what this reader looks at, never the map): selecting, the mode and
 * the layer, folded columns and folded statements, panels, dialogs, the status line, a
 * verdict's preview, the walkthrough, a long layout cancelled. No undo step, nothing saved.
 */
import { unfoldTo } from '../layout/folding';
import { whatIf } from '../model/evaluate';
import type { EditorContext, Handlers } from './editor-context';
import { toggleFold } from './folding';

export const viewHandlers = {
	select(ctx, intent) {
		const v = ctx.view;
		v.selected = intent.id && ctx.editor.shownIndex.node.has(intent.id) ? intent.id : undefined;
		v.selectedLink = undefined;
		// A statement folded away is shown: the path to it unfolds.
		reveal(ctx, [v.selected]);
		return v.selected === intent.id;
	},
	setMode(ctx, intent) {
		const v = ctx.view;
		if (v.mode === intent.mode) return false;
		v.mode = intent.mode;
		v.message = {
			text:
				intent.mode === 'reconstruct'
					? 'Reconstructing: what you add is the text’s argument (the source layer). C switches back to critique.'
					: 'Critiquing: what you add is your own, with your name. C switches to reconstructing the text.',
			tone: 'info'
		};
		return true;
	},
	setLayer(ctx, intent) {
		const v = ctx.view;
		if (v.layer === intent.layer) return false;
		v.layer = intent.layer;
		if (v.selected && !ctx.editor.shownIndex.node.has(v.selected)) v.selected = undefined;
		void ctx.editor.relayout();
		return true;
	},
	toggleColumn(ctx, intent) {
		const v = ctx.view;
		v.collapsed = v.collapsed.includes(intent.target)
			? v.collapsed.filter((t) => t !== intent.target)
			: [...v.collapsed, intent.target];
		return ctx.editor.relayout();
	},
	foldAll(ctx, intent) {
		ctx.view.collapsed = intent.fold ? ctx.layout().columns.map((c) => c.target) : [];
		return ctx.editor.relayout();
	},
	fold: (ctx, intent) => fold(ctx, intent.id, intent.fold),
	reveal: (ctx, intent) => reveal(ctx, intent.ids),
	statedOnly(ctx, intent) {
		const v = ctx.view;
		if (v.statedOnly === intent.on) return false;
		v.statedOnly = intent.on;
		if (v.selected && !ctx.editor.shownIndex.node.has(v.selected)) v.selected = undefined;
		return v.layer === 'written' ? ctx.editor.relayout() : true;
	},
	togglePanel(ctx, intent) {
		const v = ctx.view;
		const open = intent.open ?? !v.panels[intent.panel];
		v.panels = { ...v.panels, [intent.panel]: open };
		// The text and the Argdown pane share the left side: one at a time.
		const other = { source: 'argdown', argdown: 'source' } as const;
		if (open && intent.panel !== 'follows') v.panels[other[intent.panel]] = false;
		return true;
	},
	openMenu(ctx, intent) {
		ctx.editor.dispatch({ type: 'select', id: intent.id });
		ctx.view.dialog = { kind: 'menu', id: intent.id, x: intent.x, y: intent.y };
		return true;
	},
	closeDialog(ctx) {
		ctx.view.dialog = undefined;
		return true;
	},
	dismissMessage(ctx) {
		ctx.view.message = undefined;
		return true;
	},
	notify(ctx, intent) {
		ctx.view.message = { text: intent.text, tone: intent.tone };
		return true;
	},
	previewVerdict(ctx, intent) {
		const { changes } = whatIf(
			ctx.editor.map,
			{ [intent.id]: intent.verdict },
			ctx.editor.evaluation
		);
		ctx.view.preview = { id: intent.id, verdict: intent.verdict, changes };
		return true;
	},
	endPreview(ctx) {
		ctx.view.preview = undefined;
		return true;
	},
	present(ctx, intent) {
		const v = ctx.view;
		if (v.presenting === intent.open) return false;
		v.presenting = intent.open;
		if (intent.open) v.dialog = v.editing = undefined;
		return true;
	},
	cancelLayout: (ctx) => cancelLayout(ctx)
} satisfies Partial<Handlers>;

/** Fold a statement's subtree away or back (a view state: no undo step, not saved in the map). */
function fold(ctx: EditorContext, id: string, folding?: boolean): boolean {
	const v = ctx.view;
	const r = toggleFold(ctx.editor.shown, ctx.editor.shownIndex, v.folded, id, folding);
	v.message = { text: r.message, tone: 'info' };
	if (!r.ok) return false;
	setFolds(ctx, r.folded);
	// What was selected under the fold gives way to the folded statement.
	if (v.selected && !unfoldTo(ctx.editor.shown, r.folded, [v.selected]).includes(id))
		v.selected = id;
	void ctx.editor.relayout();
	return true;
}

/** Unfold what hides `ids` (folded statements, folded evidence columns); true when something was. */
export function reveal(ctx: EditorContext, ids: (string | undefined)[]): boolean {
	const v = ctx.view;
	const next = unfoldTo(ctx.editor.shown, v.folded, ids, ctx.editor.shownIndex);
	const columns = ctx
		.layout()
		.columns.filter((c) => c.collapsed && ids.some((id) => id && c.items.includes(id)))
		.map((c) => c.target);
	if (next === v.folded && !columns.length) return false;
	if (next !== v.folded) setFolds(ctx, next);
	if (columns.length) v.collapsed = v.collapsed.filter((t) => !columns.includes(t));
	void ctx.editor.relayout();
	return true;
}

/** Fold these statements (kept in this browser); a statement deleted since is forgotten. */
export function setFolds(ctx: EditorContext, folded: readonly string[]) {
	ctx.view.folded = folded.filter((id) => ctx.editor.index.node.has(id));
	ctx.host().folds?.save(ctx.editor.mapId, ctx.view.folded);
}

/** Stop a long layout: the map stays usable at its last layout; the next edit lays it out. */
function cancelLayout(ctx: EditorContext): boolean {
	if (!ctx.host().layout?.cancel()) return false;
	ctx.settled();
	ctx.view.message = {
		text: 'Layout cancelled: the map shows its last layout until the next change.',
		tone: 'info'
	};
	return true;
}
