/**
 * The intents of the source text and whole versions: attach a text (its anchors found again),
 * make a statement from a passage of it, anchor a statement at a passage, replace the map with
 * a version from elsewhere. The text tools (`passage.ts`) load when a text is first used.
 */
import type { Block, Source } from '../model/schema';
import type { EditorContext, Handlers } from './editor-context';
import { replace, run, who } from './editor-steps';
import { addFresh } from './handle-text';
import type { Intent } from './intent';

type TextTools = typeof import('./passage');
let loaded: TextTools | undefined;

/**
 * The text tools, loaded once (most maps are read without a text; the source panel loads them
 * when it opens). Once loaded they are used at once, not awaited: `import()` settles some tasks
 * later even for a module already there, and a key typed meanwhile (the first letter of a
 * statement just made with R) would find no field to go into and be lost.
 */
export function withTextTools<T>(then: (tools: TextTools) => T): T | Promise<T> {
	if (loaded) return then(loaded);
	return import('./passage').then((tools) => then((loaded = tools)));
}

export const sourceHandlers = {
	replace: (ctx, intent) => replace(ctx, intent.map, intent.label),
	attachText: (ctx, intent) =>
		attachText(ctx, intent.blocks, intent.autoSkip ?? false, intent.source),
	addFromText: (ctx, intent) => addFromText(ctx, intent),
	anchorHere: (ctx, intent) =>
		anchorHere(ctx, intent.id ?? ctx.view.selected, intent.start, intent.end)
} satisfies Partial<Handlers>;

/** Give the map its text; every anchor is found in it again, and the count is reported. */
function attachText(
	ctx: EditorContext,
	blocks: Block[],
	autoSkip: boolean,
	source?: Partial<Source>
): boolean | Promise<boolean> {
	return withTextTools(({ withText }) => {
		const r = withText(ctx.editor.map, blocks, autoSkip, source);
		if (!r.ok) return run(ctx, r);
		if (!replace(ctx, r.map, r.label)) return false;
		ctx.view.message = { text: r.message, tone: r.orphans ? 'error' : 'info' };
		return true;
	});
}

/**
 * A statement made from a passage, under the selection (or the thesis), opened for its text:
 * its field is in the page before the next key (see `withTextTools`).
 */
function addFromText(
	ctx: EditorContext,
	intent: Extract<Intent, { type: 'addFromText' }>
): boolean | Promise<boolean> {
	return withTextTools(({ passageAt, statementFromPassage }) => {
		const at = passageAt(ctx.editor.map, intent.start, intent.end);
		if (!at.ok) return run(ctx, at);
		const thesis = ctx.editor.index.thesis?.id;
		const selected = ctx.view.selected;
		const parent = intent.as === 'thesis' || !selected ? thesis : selected;
		if (!parent) return false;
		const built = statementFromPassage(ctx.editor.map, at, { ...intent, parent, who: who(ctx) });
		if (intent.as !== 'thesis') {
			if (!addFresh(ctx, built)) return false;
			// Made on purpose from a passage, anchored and pre-filled: Escape closes the editor and
			// keeps it (Undo takes it back), unlike a blank "New objection".
			ctx.fresh = undefined;
			return true;
		}
		if (!run(ctx, built)) return false;
		ctx.view.selected = ctx.view.editing = parent;
		return true;
	});
}

/** Anchor a statement at a passage. */
function anchorHere(
	ctx: EditorContext,
	id: string | undefined,
	start: number,
	end: number
): boolean | Promise<boolean> {
	return withTextTools(({ anchorAtPassage, passageAt }) => {
		if (!id) return run(ctx, { ok: false, reason: 'Select the statement to anchor first.' });
		const at = passageAt(ctx.editor.map, start, end);
		return run(ctx, at.ok ? anchorAtPassage(ctx.editor.map, id, at) : at);
	});
}
