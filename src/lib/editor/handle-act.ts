/**
 * The `act` intent: a named action (editor/actions.ts: a key, a toolbar button, a menu item)
 * on its target, the selected statement or the selected link, turned into the intent it means.
 */
import { ADD_ACTIONS, type ActionId } from './actions';
import type { EditorContext, Handlers } from './editor-context';
import { mayAdd } from './editor-steps';
import { actOnLink, nextLink } from './handle-links';

export const actHandlers = {
	act: (ctx, intent) => act(ctx, intent.action, intent.target, intent.back)
} satisfies Partial<Handlers>;

/** A named action (a key, a toolbar button, a menu item) on `target` or the selection. */
function act(
	ctx: EditorContext,
	a: ActionId,
	target = ctx.view.selected,
	back = false
): boolean | Promise<boolean> {
	const v = ctx.view;
	if (a === 'undo') return ctx.editor.dispatch({ type: 'undo' });
	if (a === 'redo') return ctx.editor.dispatch({ type: 'redo' });
	if (a === 'save') return ctx.editor.dispatch({ type: 'save' });
	if (a === 'mode')
		return ctx.editor.dispatch({
			type: 'setMode',
			mode: v.mode === 'critique' ? 'reconstruct' : 'critique'
		});
	if (a === 'present') return ctx.editor.dispatch({ type: 'present', open: true });
	if (a === 'shortcuts') {
		v.dialog = { kind: 'shortcuts' };
		return true;
	}
	if (ADD_ACTIONS.has(a) && !mayAdd(ctx, { type: 'act', action: a, target })) return false;
	if (!target && v.selectedLink) return actOnLink(ctx, a, v.selectedLink, back);
	if (!target || !ctx.editor.index.node.has(target)) {
		v.message = {
			text: 'Select a statement first (click it, or Tab into the map).',
			tone: 'info'
		};
		return false;
	}
	switch (a) {
		case 'edit':
			return ctx.editor.dispatch({ type: 'startEdit', id: target });
		case 'add-reason':
			return ctx.editor.dispatch({ type: 'add', role: 'reason', parent: target });
		case 'add-objection':
			return ctx.editor.dispatch({ type: 'add', role: 'objection', parent: target });
		case 'add-evidence':
			return ctx.editor.dispatch({ type: 'add', role: 'evidence', parent: target });
		case 'add-assumption':
			return ctx.editor.dispatch({ type: 'add', role: 'assumption', parent: target });
		case 'undercut':
			return ctx.editor.dispatch({ type: 'addUndercut', from: target });
		case 'next-link':
			return nextLink(ctx, target, back);
		case 'question':
			return ctx.editor.dispatch({
				type: 'question',
				id: target,
				withdraw: !!ctx.editor.index.node.get(target)?.questioned
			});
		case 'link':
		case 'move':
			v.dialog = { kind: 'pick', mode: a, id: target };
			return true;
		case 'delete':
			return ctx.editor.dispatch({ type: 'delete', id: target });
		case 'fold':
			return ctx.editor.dispatch({ type: 'fold', id: target });
	}
	return false;
}
