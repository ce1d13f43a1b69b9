/**
 * Pan and zoom gestures on the map canvas, framework-free (as xyflow's XYPanZoom): one pointer
 * pans, two pointers pinch, the wheel zooms around the pointer, arrow keys pan. The controller
 * keeps no view of its own: it reads the owner's view and asks for a new one through
 * `onchange`, so the owner's state stays the only copy.
 */
import { zoomAt, type View } from './viewport';

/** The few things the controller needs of its element (an HTMLElement has them all). */
export interface PanZoomElement {
	addEventListener(type: string, listener: EventListener, options?: AddEventListenerOptions): void;
	removeEventListener(type: string, listener: EventListener, options?: EventListenerOptions): void;
	getBoundingClientRect(): { left: number; top: number };
	setPointerCapture(pointerId: number): void;
}

export interface PanZoomOptions {
	/** The view now: screen = world × k + (x, y). */
	view: () => View;
	/** A gesture asks for this view. */
	onchange: (view: View) => void;
	/** How far one arrow key pans, in screen px. */
	keyStep?: number;
}

/** Below this travel (px) a press and release is still a click, not a drag. */
export const CLICK_SLOP = 3;

type PointerLike = Pick<
	PointerEvent,
	'pointerId' | 'pointerType' | 'button' | 'clientX' | 'clientY'
>;
type Stoppable = Pick<Event, 'stopPropagation'>;
type WheelLike = Pick<WheelEvent, 'deltaY' | 'ctrlKey' | 'clientX' | 'clientY' | 'preventDefault'>;
type KeyLike = Pick<KeyboardEvent, 'key' | 'preventDefault'> & { target: unknown };

/** The gesture handlers, bound to `el`. `attach` adds them as listeners; tests call them directly. */
export function createPanZoom(el: PanZoomElement, options: PanZoomOptions) {
	const { view, onchange, keyStep = 60 } = options;
	const pointers = new Map<number, { x: number; y: number }>();
	let dragged = false;
	let pinch: { dist: number } | undefined;

	const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
		Math.hypot(a.x - b.x, a.y - b.y);

	function pointerdown(e: PointerLike) {
		if (e.button !== 0 && e.pointerType === 'mouse') return;
		pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
		dragged = false;
		if (pointers.size === 2) {
			const [a, b] = [...pointers.values()];
			pinch = { dist: distance(a!, b!) };
		}
	}

	function pointermove(e: PointerLike) {
		const prev = pointers.get(e.pointerId);
		if (!prev) return;
		const next = { x: e.clientX, y: e.clientY };
		// Until the pointer has travelled CLICK_SLOP px from where it was pressed, this may still
		// be a click: keep the press point, so that many small moves add up to a drag.
		if (!dragged && pointers.size === 1 && distance(next, prev) < CLICK_SLOP) return;
		pointers.set(e.pointerId, next);
		if (pointers.size === 2 && pinch) {
			const [a, b] = [...pointers.values()];
			const dist = distance(a!, b!);
			const r = el.getBoundingClientRect();
			const mid = { x: (a!.x + b!.x) / 2 - r.left, y: (a!.y + b!.y) / 2 - r.top };
			onchange(zoomAt(view(), dist / pinch.dist, mid.x, mid.y));
			pinch = { dist };
			dragged = true;
			return;
		}
		if (!dragged) el.setPointerCapture(e.pointerId);
		dragged = true;
		const v = view();
		onchange({ ...v, x: v.x + next.x - prev.x, y: v.y + next.y - prev.y });
	}

	function pointerup(e: Pick<PointerEvent, 'pointerId'>) {
		pointers.delete(e.pointerId);
		if (pointers.size < 2) pinch = undefined;
	}

	/** In the capture phase: a drag that started on a box pans; it must not also select the box. */
	function clickcapture(e: Stoppable) {
		if (!dragged) return;
		e.stopPropagation();
		dragged = false;
	}

	function wheel(e: WheelLike) {
		e.preventDefault();
		const r = el.getBoundingClientRect();
		// Trackpad pinch arrives as a wheel event with ctrlKey and small deltas.
		const factor = Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015));
		onchange(zoomAt(view(), factor, e.clientX - r.left, e.clientY - r.top));
	}

	const steps: Record<string, [number, number]> = {
		ArrowLeft: [keyStep, 0],
		ArrowRight: [-keyStep, 0],
		ArrowUp: [0, keyStep],
		ArrowDown: [0, -keyStep]
	};
	/** Arrow keys pan only when the canvas itself has the focus (on a statement they move along the argument). */
	function keydown(e: KeyLike) {
		if (e.target !== el) return;
		const step = steps[e.key];
		if (!step) return;
		e.preventDefault();
		const v = view();
		onchange({ ...v, x: v.x + step[0], y: v.y + step[1] });
	}

	/**
	 * Listen on the element; returns the function that stops listening. These are native
	 * listeners, so they hear a bubbling event before Svelte's delegated `onpointerdown` on a
	 * child does: a child that must keep a press from panning (the connector) stops it with a
	 * native listener of its own, as connect-drag.ts does.
	 */
	function attach(): () => void {
		const on: [string, EventListener, AddEventListenerOptions?][] = [
			['pointerdown', (e) => pointerdown(e as PointerEvent)],
			['pointermove', (e) => pointermove(e as PointerEvent)],
			['pointerup', (e) => pointerup(e as PointerEvent)],
			['pointercancel', (e) => pointerup(e as PointerEvent)],
			['click', clickcapture, { capture: true }],
			// Not passive: the page itself must not scroll or zoom under the map.
			['wheel', (e) => wheel(e as WheelEvent), { passive: false }],
			['keydown', (e) => keydown(e as KeyboardEvent)]
		];
		for (const [type, fn, opts] of on) el.addEventListener(type, fn, opts);
		return () => {
			for (const [type, fn, opts] of on) el.removeEventListener(type, fn, opts);
		};
	}

	return { pointerdown, pointermove, pointerup, clickcapture, wheel, keydown, attach };
}

/**
 * The page-wide zoom keys: + zooms in, − out, 0 fits the map. Not while typing in a field,
 * and not with a modifier (Ctrl + and Ctrl 0 are the browser's own zoom).
 */
export function zoomKey(
	e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'> & { target: unknown }
): 'in' | 'out' | 'fit' | undefined {
	const target = e.target as Partial<Pick<Element, 'closest'>> | null;
	if (target?.closest?.('input, textarea, select, [contenteditable="true"]')) return undefined;
	if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
	if (e.key === '+' || e.key === '=') return 'in';
	if (e.key === '-' || e.key === '_') return 'out';
	return e.key === '0' ? 'fit' : undefined;
}

/**
 * Pan and zoom as an attachment: `<div {@attach panZoom({ view: () => view, onchange })}>`.
 * The options are read when the attachment is made; pass getters for anything that changes.
 */
export function panZoom(options: PanZoomOptions): (el: PanZoomElement) => () => void {
	return (el) => createPanZoom(el, options).attach();
}
