import { describe, expect, it, vi } from 'vitest';
import { IdleCollector, YOUNG_BYTES } from './idle-gc';

const turn = () => new Promise((r) => setImmediate(r));

describe('IdleCollector: garbage collected between requests, never during one', () => {
	it('collects once the last request in flight is done, and not before', async () => {
		const collect = vi.fn();
		const idle = new IdleCollector(collect, () => YOUNG_BYTES);
		let finishFirst!: () => void;
		const first = idle.asRequest(() => new Promise<void>((r) => (finishFirst = r)));
		const second = idle.asRequest(async () => 'page');
		expect(await second).toBe('page');
		await turn();
		expect(idle.inFlight).toBe(1);
		expect(collect).not.toHaveBeenCalled();
		finishFirst();
		await first;
		expect(idle.inFlight).toBe(0);
		await turn();
		expect(collect).toHaveBeenCalledTimes(1);
	});

	it('does not collect a young generation with little in it', async () => {
		const collect = vi.fn();
		const idle = new IdleCollector(collect, () => YOUNG_BYTES - 1);
		await idle.asRequest(async () => {});
		await turn();
		expect(collect).not.toHaveBeenCalled();
	});

	it('waits if a request arrived before the collection could run', async () => {
		const collect = vi.fn();
		const idle = new IdleCollector(collect, () => YOUNG_BYTES);
		await idle.asRequest(async () => {});
		let finish!: () => void;
		const next = idle.asRequest(() => new Promise<void>((r) => (finish = r)));
		await turn();
		expect(collect).not.toHaveBeenCalled();
		finish();
		await next;
		await turn();
		expect(collect).toHaveBeenCalledTimes(1);
	});

	it('passes a failure through, and still counts the request as done', async () => {
		const collect = vi.fn();
		const idle = new IdleCollector(collect, () => YOUNG_BYTES);
		await expect(idle.asRequest(() => Promise.reject(new Error('render failed')))).rejects.toThrow(
			'render failed'
		);
		expect(idle.inFlight).toBe(0);
		await turn();
		expect(collect).toHaveBeenCalledTimes(1);
	});

	it('does nothing without a way to collect (node without --expose-gc)', async () => {
		const idle = new IdleCollector(undefined, () => YOUNG_BYTES);
		expect(await idle.asRequest(async () => 7)).toBe(7);
		expect(idle.inFlight).toBe(0);
	});
});
