import { describe, expect, it } from 'vitest';
import { createPanZoom, panZoom, zoomKey, type PanZoomElement } from './pan-zoom';
import type { View } from './viewport';

/** A stand-in for the canvas element: at (100, 50) on the page, records pointer capture and listeners. */
function fakeCanvas() {
	const listeners = new Map<string, { fn: EventListener; options?: AddEventListenerOptions }>();
	const captured: number[] = [];
	const el: PanZoomElement = {
		addEventListener: (type, fn, options) => listeners.set(type, { fn, options }),
		removeEventListener: (type) => listeners.delete(type),
		getBoundingClientRect: () => ({ left: 100, top: 50 }),
		setPointerCapture: (id) => captured.push(id)
	};
	return { el, listeners, captured };
}

/** A controller over a view the test owns, as a component would. */
function setup(start: View = { x: 0, y: 0, k: 1 }) {
	const canvas = fakeCanvas();
	let view = start;
	const changes: View[] = [];
	const pz = createPanZoom(canvas.el, {
		view: () => view,
		onchange: (v) => {
			changes.push(v);
			view = v;
		}
	});
	return { ...canvas, pz, changes, view: () => view };
}

const mouse = (x: number, y: number, pointerId = 1) => ({
	pointerId,
	pointerType: 'mouse',
	button: 0,
	clientX: x,
	clientY: y
});
const touch = (x: number, y: number, pointerId: number) => ({
	...mouse(x, y, pointerId),
	pointerType: 'touch'
});
function click() {
	let stopped = false;
	return {
		stopPropagation: () => {
			stopped = true;
		},
		get stopped() {
			return stopped;
		}
	};
}

describe('pan and zoom gestures', () => {
	it('pans by the drag distance and captures the pointer once the drag starts', () => {
		const t = setup({ x: 10, y: 20, k: 0.5 });
		t.pz.pointerdown(mouse(300, 300));
		t.pz.pointermove(mouse(340, 330));
		t.pz.pointermove(mouse(350, 310));
		t.pz.pointerup(mouse(350, 310));
		expect(t.view()).toEqual({ x: 60, y: 30, k: 0.5 });
		expect(t.captured).toEqual([1]);
	});

	it('treats a press that moves under 3 px as a click: no pan, and the click goes through', () => {
		const t = setup();
		t.pz.pointerdown(mouse(300, 300));
		t.pz.pointermove(mouse(301, 301));
		t.pz.pointermove(mouse(302, 301));
		t.pz.pointerup(mouse(302, 301));
		expect(t.changes).toEqual([]);
		expect(t.captured).toEqual([]);
		const c = click();
		t.pz.clickcapture(c);
		expect(c.stopped).toBe(false);
	});

	it('adds up small moves from the press point, so a slow drag still pans', () => {
		const t = setup();
		t.pz.pointerdown(mouse(300, 300));
		for (let x = 301.5; x <= 360; x += 1.5) t.pz.pointermove(mouse(x, 300));
		expect(t.view().x).toBeCloseTo(60);
	});

	it('swallows the click that ends a drag, and only that one', () => {
		const t = setup();
		t.pz.pointerdown(mouse(300, 300));
		t.pz.pointermove(mouse(320, 300));
		t.pz.pointerup(mouse(320, 300));
		const first = click();
		t.pz.clickcapture(first);
		expect(first.stopped).toBe(true);
		const second = click();
		t.pz.clickcapture(second);
		expect(second.stopped).toBe(false);
	});

	it('ignores the right and middle mouse buttons', () => {
		const t = setup();
		t.pz.pointerdown({ ...mouse(300, 300), button: 2 });
		t.pz.pointermove({ ...mouse(400, 300), button: 2 });
		expect(t.changes).toEqual([]);
	});

	it('pinches with two pointers around their midpoint', () => {
		const t = setup({ x: 0, y: 0, k: 1 });
		t.pz.pointerdown(touch(200, 250, 1));
		t.pz.pointerdown(touch(300, 250, 2));
		// One finger moves away: 100 px apart becomes 200 px apart; the middle is now at (300, 250)
		// on the page, canvas point (200, 200).
		t.pz.pointermove(touch(400, 250, 2));
		expect(t.view().k).toBeCloseTo(2);
		// The world point under the fingers' middle stays under it.
		expect(200 * t.view().k + t.view().x).toBeCloseTo(200);
		expect(200 * t.view().k + t.view().y).toBeCloseTo(200);
		// Further spreading zooms on from the new distance, not from the first one.
		t.pz.pointermove(touch(100, 250, 1));
		expect(t.view().k).toBeCloseTo(3);
		// After the pinch, lifting one finger and moving the other does not zoom.
		t.pz.pointerup(touch(400, 250, 2));
		const k = t.view().k;
		t.pz.pointermove(touch(170, 250, 1));
		expect(t.view().k).toBe(k);
	});

	it('zooms with the wheel around the pointer; a trackpad pinch (ctrlKey) is stronger per step', () => {
		const t = setup();
		let prevented = false;
		const wheel = (deltaY: number, ctrlKey = false) => ({
			deltaY,
			ctrlKey,
			clientX: 300,
			clientY: 250,
			preventDefault: () => (prevented = true)
		});
		t.pz.wheel(wheel(-100));
		expect(prevented).toBe(true);
		expect(t.view().k).toBeCloseTo(Math.exp(0.15));
		// The point under the pointer (canvas 200, 200) is still under it.
		expect(200 * t.view().k + t.view().x).toBeCloseTo(200);
		const before = t.view().k;
		t.pz.wheel(wheel(10, true));
		expect(t.view().k).toBeCloseTo(before * Math.exp(-0.1));
	});

	it('pans with the arrow keys only when the canvas itself has the focus', () => {
		const t = setup();
		const key = (key: string, target: unknown) => {
			let prevented = false;
			t.pz.keydown({ key, target, preventDefault: () => (prevented = true) });
			return prevented;
		};
		expect(key('ArrowLeft', t.el)).toBe(true);
		expect(key('ArrowDown', t.el)).toBe(true);
		expect(t.view()).toEqual({ x: 60, y: -60, k: 1 });
		// On a statement, arrows move along the argument: not the canvas's business.
		expect(key('ArrowLeft', {})).toBe(false);
		expect(key('a', t.el)).toBe(false);
		expect(t.view()).toEqual({ x: 60, y: -60, k: 1 });
	});

	it('as an attachment listens on the element (wheel not passive, click in the capture phase) and stops when detached', () => {
		const canvas = fakeCanvas();
		let view: View = { x: 0, y: 0, k: 1 };
		const detach = panZoom({ view: () => view, onchange: (v) => (view = v) })(canvas.el);
		expect([...canvas.listeners.keys()].sort()).toEqual(
			[
				'click',
				'keydown',
				'pointercancel',
				'pointerdown',
				'pointermove',
				'pointerup',
				'wheel'
			].sort()
		);
		expect(canvas.listeners.get('wheel')?.options).toEqual({ passive: false });
		expect(canvas.listeners.get('click')?.options).toEqual({ capture: true });
		const fire = (type: string, e: object) => canvas.listeners.get(type)?.fn(e as Event);
		fire('pointerdown', mouse(0, 0));
		fire('pointermove', mouse(30, 40));
		expect(view).toEqual({ x: 30, y: 40, k: 1 });
		detach();
		expect(canvas.listeners.size).toBe(0);
	});
});

describe('the zoom keys', () => {
	const key = (key: string, more: object = {}) =>
		zoomKey({ key, ctrlKey: false, metaKey: false, altKey: false, target: null, ...more });

	it('zoom in with + (or =), out with − (or _), and fit with 0', () => {
		expect([key('+'), key('='), key('-'), key('_'), key('0'), key('1')]).toEqual([
			'in',
			'in',
			'out',
			'out',
			'fit',
			undefined
		]);
	});

	it('leave typing and the browser’s own zoom alone', () => {
		const field = { closest: (sel: string) => (sel.includes('textarea') ? {} : null) };
		const statement = { closest: () => null };
		expect(key('+', { target: field })).toBeUndefined();
		expect(key('+', { target: statement })).toBe('in');
		expect(key('0', { ctrlKey: true })).toBeUndefined();
		expect(key('-', { metaKey: true })).toBeUndefined();
		expect(key('=', { altKey: true })).toBeUndefined();
	});
});
