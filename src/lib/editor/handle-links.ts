/**
 * The intents of links: select one (or ask which, where a line carries several), connect two
 * statements, change or remove a link, and what a named action does with a link selected.
 */
import { connect, removeLink, setRelation, updateLinkFields } from '../commands/intents';
import { cycleLink, linksAt } from '../model/link-words';
import type { ActionId } from './actions';
import type { EditorContext, Handlers } from './editor-context';
import { run, who } from './editor-steps';

/** What Escape does on a selected link: back to the statement it was reached from, or let go. */
export function onEscapeFromLink(back: boolean): string {
	return back ? 'goes back to its statement' : 'lets go of it';
}

export const linkHandlers = {
	chooseLink(ctx, intent) {
		const shown = intent.links.filter((id) => ctx.editor.shownIndex.link.has(id));
		if (shown.length <= 1) return ctx.editor.dispatch({ type: 'selectLink', id: shown[0] });
		ctx.view.dialog = { kind: 'chooseLink', links: shown };
		return true;
	},
	selectLink(ctx, intent) {
		const v = ctx.view;
		const link = intent.id ? ctx.editor.shownIndex.link.get(intent.id) : undefined;
		v.selectedLink = link?.id;
		v.linkFrom = link ? (intent.from ?? link.from) : undefined;
		v.linkBack = !!link && !!intent.from;
		return !!link;
	},
	askConnect(ctx, intent) {
		ctx.view.dialog = { kind: 'connect', from: intent.from, to: intent.to };
		return true;
	},
	connect(ctx, intent) {
		ctx.view.dialog = undefined;
		return run(ctx, connect(ctx.editor.map, intent.from, intent.to, intent.relation, who(ctx)));
	},
	removeLink(ctx, intent) {
		const v = ctx.view;
		const chosen = v.selectedLink === intent.id ? v.linkFrom : undefined;
		if (!run(ctx, removeLink(ctx.editor.map, intent.id))) return false;
		v.message = { text: 'Link removed. Undo (Ctrl+Z) brings it back.', tone: 'info' };
		// The removed link was selected: back to the statement it was reached from.
		if (chosen && ctx.editor.shownIndex.node.has(chosen)) v.selected = chosen;
		return true;
	},
	setRelation: (ctx, intent) => run(ctx, setRelation(ctx.editor.map, intent.link, intent.relation)),
	setLinkFields: (ctx, intent) =>
		run(ctx, updateLinkFields(ctx.editor.map, intent.id, intent.patch, intent.what))
} satisfies Partial<Handlers>;

/** A named action with a link selected: undercut it, remove it, or step to the next link. */
export function actOnLink(
	ctx: EditorContext,
	a: ActionId,
	id: string,
	back: boolean
): boolean | Promise<boolean> {
	const link = ctx.editor.index.link.get(id);
	if (!link) return false;
	if (a === 'undercut')
		return ctx.editor.dispatch({ type: 'addUndercut', from: link.from, link: id });
	if (a === 'delete') return ctx.editor.dispatch({ type: 'removeLink', id });
	if (a === 'next-link') return nextLink(ctx, ctx.view.linkFrom ?? link.from, back);
	ctx.view.message = {
		text: `A link is selected: U undercuts it, Delete removes it, Escape ${onEscapeFromLink(ctx.view.linkBack)}.`,
		tone: 'info'
	};
	return false;
}

/** Select the next of statement `id`'s links (K), or say it has none. */
export function nextLink(ctx: EditorContext, id: string, back = false): boolean | Promise<boolean> {
	const ids = linksAt(ctx.editor.shownIndex, id).map((l) => l.id);
	const next = cycleLink(ids, ctx.view.selectedLink, back);
	if (!next) {
		ctx.view.message = { text: `${ctx.editor.name(id)} has no links yet.`, tone: 'info' };
		return false;
	}
	return ctx.editor.dispatch({ type: 'selectLink', id: next, from: id });
}
