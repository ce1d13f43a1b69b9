import { describe, expect, it } from 'vitest';
import {
	connectDrag,
	createConnectDrag,
	nodeAt,
	type ConnectorElement,
	type HitElement
} from './connect-drag';

/**
 * A tiny page: statement boxes as rectangles, each a `[data-node-id]` element; hit testing
 * finds the inner element (its text) and `closest` walks up to the box, as in the DOM.
 */
function page(boxes: Record<string, { x: number; y: number; width: number; height: number }>) {
	const box = (id: string) => ({
		getAttribute: (name: string) => (name === 'data-node-id' ? id : null)
	});
	return (x: number, y: number): HitElement | null => {
		const hit = Object.entries(boxes).find(
			([, r]) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
		);
		if (!hit) return { closest: () => null };
		return { closest: (sel) => (sel === '[data-node-id]' ? box(hit[0]) : null) };
	};
}

function setup(from: string | null = 'a') {
	const listeners = new Map<string, EventListener>();
	const captured: number[] = [];
	const el: ConnectorElement = {
		addEventListener: (type, fn) => listeners.set(type, fn),
		removeEventListener: (type) => listeners.delete(type),
		setPointerCapture: (id) => captured.push(id)
	};
	const log: string[] = [];
	const drag = createConnectDrag(el, {
		from: () => from ?? undefined,
		onmove: (id, x, y) => log.push(`move ${id} ${x},${y}`),
		onend: () => log.push('end'),
		ondrop: (a, b, x, y) => log.push(`drop ${a}→${b} at ${x},${y}`),
		elementFromPoint: page({
			a: { x: 0, y: 0, width: 100, height: 50 },
			b: { x: 200, y: 0, width: 100, height: 50 }
		})
	});
	return { el, listeners, captured, log, drag };
}

function press(x: number, y: number) {
	const e = {
		pointerId: 7,
		clientX: x,
		clientY: y,
		stopped: false,
		prevented: false,
		stopPropagation: () => (e.stopped = true),
		preventDefault: () => (e.prevented = true)
	};
	return e;
}
const at = (x: number, y: number) => ({ pointerId: 7, clientX: x, clientY: y });

describe('dragging from a connector to link statements', () => {
	it('keeps the press from the canvas, captures the pointer and reports the drag as it goes', () => {
		const t = setup();
		const down = press(50, 0);
		t.drag.pointerdown(down);
		expect(down.stopped).toBe(true);
		expect(down.prevented).toBe(true);
		expect(t.captured).toEqual([7]);
		expect(t.drag.dragging).toBe('a');
		t.drag.pointermove(at(120, 30));
		expect(t.log).toEqual(['move a 50,0', 'move a 120,30']);
	});

	it('reports a drop on another statement, after ending the drag', () => {
		const t = setup();
		t.drag.pointerdown(press(50, 0));
		t.drag.pointerup(at(250, 20));
		expect(t.log.slice(-2)).toEqual(['end', 'drop a→b at 250,20']);
		expect(t.drag.dragging).toBeUndefined();
		// Moves after the drop are not part of any drag.
		t.drag.pointermove(at(260, 20));
		expect(t.log.at(-1)).toBe('drop a→b at 250,20');
	});

	it('drops nothing on empty canvas or on the statement it started from', () => {
		for (const [x, y] of [
			[150, 20],
			[40, 20]
		] as const) {
			const t = setup();
			t.drag.pointerdown(press(50, 0));
			t.drag.pointerup(at(x, y));
			expect(t.log.at(-1)).toBe('end');
		}
	});

	it('a cancelled pointer ends the drag without a drop', () => {
		const t = setup();
		t.drag.pointerdown(press(50, 0));
		t.drag.pointercancel();
		t.drag.pointerup(at(250, 20));
		expect(t.log).toEqual(['move a 50,0', 'end']);
	});

	it('does nothing when there is no statement to start from', () => {
		const t = setup(null);
		const down = press(50, 0);
		t.drag.pointerdown(down);
		t.drag.pointerup(at(250, 20));
		expect(down.stopped).toBe(false);
		expect(t.log).toEqual([]);
	});

	it('as an attachment listens on the connector and stops when detached', () => {
		const t = setup();
		const log: string[] = [];
		const detach = connectDrag({
			from: () => 'a',
			ondrop: (a, b) => log.push(`${a}→${b}`),
			elementFromPoint: page({ b: { x: 200, y: 0, width: 100, height: 50 } })
		})(t.el);
		expect([...t.listeners.keys()].sort()).toEqual([
			'pointercancel',
			'pointerdown',
			'pointermove',
			'pointerup'
		]);
		t.listeners.get('pointerdown')!(press(50, 0) as unknown as Event);
		t.listeners.get('pointerup')!(at(210, 10) as unknown as Event);
		expect(log).toEqual(['a→b']);
		detach();
		expect(t.listeners.size).toBe(0);
	});

	it('finds the statement around the element under a point', () => {
		const hit = page({ s1: { x: 0, y: 0, width: 10, height: 10 } });
		expect(nodeAt(5, 5, hit)).toBe('s1');
		expect(nodeAt(50, 5, hit)).toBeUndefined();
		expect(nodeAt(5, 5, () => null)).toBeUndefined();
	});
});
