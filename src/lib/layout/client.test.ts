import { describe, expect, it } from 'vitest';
import { LayoutClient, type LayoutReply, type LayoutRequest, type WorkerLike } from './client';
import { layoutMap } from './run';
import { withoutBoxes } from './payload';
import { syntheticMap } from '../../../tests/fixtures/synthetic';

/** A worker whose replies the test releases by hand, in any order. */
class FakeWorker implements WorkerLike {
	onmessage: ((e: MessageEvent<LayoutReply>) => void) | null = null;
	requests: LayoutRequest[] = [];
	terminated = false;
	postMessage(m: LayoutRequest) {
		this.requests.push(m);
	}
	async answer(i: number) {
		const r = this.requests[i]!;
		this.onmessage?.({
			data: { id: r.id, ok: true, layout: withoutBoxes(await layoutMap(r.map)) }
		} as MessageEvent<LayoutReply>);
	}
	fail(i: number) {
		this.onmessage?.({
			data: { id: this.requests[i]!.id, ok: false, message: 'boom' }
		} as MessageEvent<LayoutReply>);
	}
	terminate() {
		this.terminated = true;
	}
}

describe('LayoutClient', () => {
	it('drops a stale reply that arrives after a newer request', async () => {
		const w = new FakeWorker();
		const client = new LayoutClient(w);
		const a = client.layout(syntheticMap(10, 1));
		const b = client.layout(syntheticMap(12, 2));
		expect(await a).toEqual({ ok: false, stale: true });
		await w.answer(0); // the old answer comes back late: ignored
		await w.answer(1);
		const outcome = await b;
		expect(outcome.ok).toBe(true);
		if (outcome.ok) expect(Object.keys(outcome.layout.nodes)).toHaveLength(12);
		expect(new Set(w.requests.map((r) => r.id)).size).toBe(2);
	});

	it('passes a layout error on as a value', async () => {
		const w = new FakeWorker();
		const client = new LayoutClient(w);
		const p = client.layout(syntheticMap(5));
		w.fail(0);
		expect(await p).toEqual({ ok: false, stale: false, message: 'boom' });
	});

	it('settles what is pending and stops the worker on dispose', async () => {
		const w = new FakeWorker();
		const client = new LayoutClient(w);
		const p = client.layout(syntheticMap(5));
		client.dispose();
		expect(await p).toEqual({ ok: false, stale: true });
		expect(w.terminated).toBe(true);
	});

	it('cancels a layout under way by ending its worker and starting a fresh one', async () => {
		const workers: FakeWorker[] = [];
		const start = () => {
			const w = new FakeWorker();
			workers.push(w);
			return w;
		};
		const client = new LayoutClient(start(), start);
		expect(client.cancel()).toBe(false); // nothing under way: the worker stays
		expect(workers).toHaveLength(1);
		const p = client.layout(syntheticMap(5));
		expect(client.busy).toBe(true);
		expect(client.cancel()).toBe(true);
		expect(await p).toMatchObject({ ok: false, stale: false, cancelled: true });
		expect(client.busy).toBe(false);
		expect(workers[0]!.terminated).toBe(true);
		expect(workers).toHaveLength(2);
		// The fresh worker answers the next request.
		const q = client.layout(syntheticMap(6));
		expect(workers[1]!.requests).toHaveLength(1);
		await workers[1]!.answer(0);
		const outcome = await q;
		expect(outcome.ok).toBe(true);
		if (outcome.ok) expect(Object.keys(outcome.layout.nodes)).toHaveLength(6);
	});

	it('sends a request when told to (after the paint), and only the newest of those made before', async () => {
		const w = new FakeWorker();
		const sends: (() => void)[] = [];
		const client = new LayoutClient(w, undefined, (send) => sends.push(send));
		const a = client.layout(syntheticMap(10, 1));
		const b = client.layout(syntheticMap(12, 2));
		// Nothing reaches the worker in the task that asked: the key's change is painted first.
		expect(w.requests).toHaveLength(0);
		expect(client.busy).toBe(true);
		expect(sends).toHaveLength(1);
		expect(await a).toEqual({ ok: false, stale: true });
		sends[0]!();
		// The older request, overtaken before it was sent, is never laid out.
		expect(w.requests).toHaveLength(1);
		expect(w.requests[0]!.map.nodes).toHaveLength(12);
		await w.answer(0);
		const outcome = await b;
		expect(outcome.ok).toBe(true);
		// A later request waits for its own turn.
		void client.layout(syntheticMap(5));
		expect(sends).toHaveLength(2);
		expect(w.requests).toHaveLength(1);
		sends[1]!();
		expect(w.requests).toHaveLength(2);
	});

	it('sends nothing when disposed before its turn', () => {
		const w = new FakeWorker();
		const sends: (() => void)[] = [];
		const client = new LayoutClient(w, undefined, (send) => sends.push(send));
		void client.layout(syntheticMap(5));
		client.dispose();
		sends[0]!();
		expect(w.requests).toHaveLength(0);
	});

	it('warms the worker on a map, unanswered, after the paint and only when no layout is asked for', async () => {
		const w = new FakeWorker();
		const sends: (() => void)[] = [];
		const client = new LayoutClient(w, undefined, (send) => sends.push(send));
		client.warm(syntheticMap(10));
		expect(w.requests).toHaveLength(0);
		expect(client.busy).toBe(false);
		sends[0]!();
		expect(w.requests).toEqual([expect.objectContaining({ id: 0, warm: true })]);
		expect(client.busy).toBe(false);
		// A layout asked for before the warm-up's turn goes alone.
		client.warm(syntheticMap(10));
		const p = client.layout(syntheticMap(12));
		for (const send of sends.splice(1)) send();
		expect(w.requests.map((r) => r.id)).toEqual([0, 1]);
		await w.answer(1);
		expect((await p).ok).toBe(true);
	});
});
