/**
 * Linking by dragging from a statement's connector onto another statement, framework-free
 * (as xyflow's XYHandle). The controller finds the statement under the pointer by hit testing
 * (`elementFromPoint`, then the nearest `[data-node-id]`) and reports the drag's progress and
 * its drop through callbacks; drawing the rubber band is the owner's business.
 */

/** What the controller needs of the connector element (an SVG or HTML element has it all). */
export interface ConnectorElement {
	addEventListener(type: string, listener: EventListener): void;
	removeEventListener(type: string, listener: EventListener): void;
	setPointerCapture(pointerId: number): void;
}

/** The part of an element hit testing needs (a DOM Element has it). */
export interface HitElement {
	closest(selector: string): { getAttribute(name: string): string | null } | null;
}

export interface ConnectDragOptions {
	/** The statement a drag from this connector starts at; read when the drag starts. */
	from: () => string | undefined;
	/** The pointer moved during a drag (client coordinates). */
	onmove?: (from: string, clientX: number, clientY: number) => void;
	/** The drag ended on another statement. */
	ondrop: (from: string, to: string, clientX: number, clientY: number) => void;
	/** The drag is over, dropped or not: clear whatever showed it. */
	onend?: () => void;
	/** Hit testing; `document.elementFromPoint` unless given (tests give their own). */
	elementFromPoint?: (x: number, y: number) => HitElement | null;
}

type PointerLike = Pick<PointerEvent, 'pointerId' | 'clientX' | 'clientY'>;
type PressLike = PointerLike & Pick<PointerEvent, 'stopPropagation' | 'preventDefault'>;

/** The statement id at a client point, if any. */
export function nodeAt(
	x: number,
	y: number,
	hit: (x: number, y: number) => HitElement | null = (px, py) => document.elementFromPoint(px, py)
): string | undefined {
	return hit(x, y)?.closest('[data-node-id]')?.getAttribute('data-node-id') ?? undefined;
}

/** The drag handlers for one connector element. `attach` adds them as listeners. */
export function createConnectDrag(el: ConnectorElement, options: ConnectDragOptions) {
	let from: string | undefined;

	function pointerdown(e: PressLike) {
		const id = options.from();
		if (!id) return;
		// The press belongs to the connector: the canvas under it must not start a pan.
		e.stopPropagation();
		e.preventDefault();
		el.setPointerCapture(e.pointerId);
		from = id;
		options.onmove?.(id, e.clientX, e.clientY);
	}

	function pointermove(e: PointerLike) {
		if (from) options.onmove?.(from, e.clientX, e.clientY);
	}

	function pointerup(e: PointerLike) {
		const start = from;
		from = undefined;
		if (!start) return;
		options.onend?.();
		const target = nodeAt(e.clientX, e.clientY, options.elementFromPoint);
		if (target && target !== start) options.ondrop(start, target, e.clientX, e.clientY);
	}

	/** The system took the pointer away (a touch turned into a scroll, say): no drop. */
	function pointercancel() {
		if (!from) return;
		from = undefined;
		options.onend?.();
	}

	function attach(): () => void {
		const on: [string, EventListener][] = [
			['pointerdown', (e) => pointerdown(e as PointerEvent)],
			['pointermove', (e) => pointermove(e as PointerEvent)],
			['pointerup', (e) => pointerup(e as PointerEvent)],
			['pointercancel', pointercancel]
		];
		for (const [type, fn] of on) el.addEventListener(type, fn);
		return () => {
			for (const [type, fn] of on) el.removeEventListener(type, fn);
		};
	}

	return {
		pointerdown,
		pointermove,
		pointerup,
		pointercancel,
		attach,
		/** The statement a drag is under way from, if one is. */
		get dragging() {
			return from;
		}
	};
}

/**
 * Connector dragging as an attachment:
 * `<circle {@attach connectDrag({ from: () => selected, ondrop, onmove, onend })}>`.
 */
export function connectDrag(options: ConnectDragOptions): (el: ConnectorElement) => () => void {
	return (el) => createConnectDrag(el, options).attach();
}
