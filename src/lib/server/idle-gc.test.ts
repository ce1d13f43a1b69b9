import { describe, expect, it, vi } from 'vitest';
import { IdleCollector, YOUNG_BYTES } from './idle-gc';

const QUIET = 5;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const collector = (young = YOUNG_BYTES, quiet = QUIET) => {
	const collect = vi.fn();
	return { collect, idle: new IdleCollector(collect, () => young, YOUNG_BYTES, quiet) };
};

describe('IdleCollector: garbage collected between requests, never during one', () => {
	it('collects once the last request in flight is done and no other came', async () => {
		const { collect, idle } = collector();
		let finishFirst!: () => void;
		const first = idle.asRequest(() => new Promise<void>((r) => (finishFirst = r)));
		expect(await idle.asRequest(async () => 'page')).toBe('page');
		await wait(QUIET * 4);
		expect(idle.inFlight).toBe(1);
		expect(collect).not.toHaveBeenCalled();
		finishFirst();
		await first;
		expect(idle.inFlight).toBe(0);
		expect(collect).not.toHaveBeenCalled();
		await wait(QUIET * 4);
		expect(collect).toHaveBeenCalledTimes(1);
	});

	it('does not collect a young generation with little in it', async () => {
		const { collect, idle } = collector(YOUNG_BYTES - 1);
		await idle.asRequest(async () => {});
		await wait(QUIET * 4);
		expect(collect).not.toHaveBeenCalled();
	});

	it('waits while requests keep coming (a server under load)', async () => {
		// Requests 1 ms apart against 50 ms of quiet: timers late under a loaded test run still fit.
		const { collect, idle } = collector(YOUNG_BYTES, 50);
		const started = performance.now();
		while (performance.now() - started < 150) {
			await idle.asRequest(async () => {});
			await wait(1);
		}
		expect(collect).not.toHaveBeenCalled();
		await wait(200);
		expect(collect).toHaveBeenCalledTimes(1);
	});

	it('passes a failure through, and still counts the request as done', async () => {
		const { collect, idle } = collector();
		await expect(idle.asRequest(() => Promise.reject(new Error('render failed')))).rejects.toThrow(
			'render failed'
		);
		expect(idle.inFlight).toBe(0);
		await wait(QUIET * 4);
		expect(collect).toHaveBeenCalledTimes(1);
	});

	it('does nothing without a way to collect (node without --expose-gc)', async () => {
		const timers = vi.spyOn(globalThis, 'setTimeout');
		try {
			const idle = new IdleCollector(undefined, () => YOUNG_BYTES, YOUNG_BYTES, QUIET);
			expect(await idle.asRequest(async () => 7)).toBe(7);
			expect(idle.inFlight).toBe(0);
			expect(timers).not.toHaveBeenCalled();
		} finally {
			timers.mockRestore();
		}
	});
});
