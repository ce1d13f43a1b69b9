/**
 * Finding a statement's element on the canvas: every statement box carries `data-node-id`
 * (and so does nothing else inside the canvas).
 */

/** The element of statement `id` inside `scope`, if it is drawn. */
export function statementElement(
	scope: Pick<ParentNode, 'querySelector'> | null | undefined,
	id: string
): SVGGElement | null {
	return scope?.querySelector<SVGGElement>(`[data-node-id="${CSS.escape(id)}"]`) ?? null;
}

/** Give statement `id` the keyboard focus without scrolling the page (the canvas pans itself). */
export function focusStatement(
	scope: Pick<ParentNode, 'querySelector'> | null | undefined,
	id: string
): boolean {
	const el = statementElement(scope, id);
	el?.focus({ preventScroll: true });
	return !!el;
}

/** The statement an event happened on (a pointer over its box or anything in it), if any. */
export function statementAt(target: EventTarget | null): string | undefined {
	const el = target instanceof Element ? target.closest('[data-node-id]') : null;
	return el?.getAttribute('data-node-id') ?? undefined;
}
