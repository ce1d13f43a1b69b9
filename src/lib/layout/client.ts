/**
 * Talks to the layout worker. Only the newest request matters: when the map changes again
 * before a layout comes back, the older answer is dropped (as the Svelte REPL's compiler
 * client does), so the screen never jumps back to an outdated layout.
 */
import type { ArgumentMap } from '../model/schema';
import type { MapLayout } from './types';
import type { LayoutView } from './to-elk';

export interface LayoutRequest {
	id: number;
	map: ArgumentMap;
	options?: Record<string, string>;
	view?: LayoutView;
}
export type LayoutReply =
	{ id: number; ok: true; layout: MapLayout } | { id: number; ok: false; message: string };

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerLike {
	postMessage(message: LayoutRequest): void;
	onmessage: ((e: MessageEvent<LayoutReply>) => void) | null;
	terminate(): void;
}

export type LayoutOutcome =
	| { ok: true; layout: MapLayout }
	| { ok: false; stale: true }
	| { ok: false; stale: false; message: string };

export class LayoutClient {
	private next = 1;
	private latest = 0;
	private pending = new Map<number, (outcome: LayoutOutcome) => void>();

	constructor(private worker: WorkerLike) {
		worker.onmessage = (e) => this.receive(e.data);
	}

	/** Ask for a layout. Resolves `{ ok: false, stale: true }` when a newer request overtook it. */
	layout(
		map: ArgumentMap,
		view?: LayoutView,
		options?: Record<string, string>
	): Promise<LayoutOutcome> {
		const id = this.next++;
		this.latest = id;
		// Everything still waiting is now outdated: settle it as stale rather than leave it hanging.
		for (const [old, resolve] of this.pending) {
			resolve({ ok: false, stale: true });
			this.pending.delete(old);
		}
		return new Promise((resolve) => {
			this.pending.set(id, resolve);
			// The map is a plain immutable value: structured clone copies it straight. The view may
			// hold Svelte state proxies, which cannot be cloned: it is small, sent as plain JSON.
			const plainView = view && (JSON.parse(JSON.stringify(view)) as LayoutView);
			try {
				this.worker.postMessage({ id, map, view: plainView, options });
			} catch {
				this.worker.postMessage({
					id,
					map: JSON.parse(JSON.stringify(map)),
					view: plainView,
					options
				});
			}
		});
	}

	private receive(reply: LayoutReply) {
		const resolve = this.pending.get(reply.id);
		if (!resolve || reply.id !== this.latest) return;
		this.pending.delete(reply.id);
		resolve(
			reply.ok
				? { ok: true, layout: reply.layout }
				: { ok: false, stale: false, message: reply.message }
		);
	}

	dispose() {
		for (const resolve of this.pending.values()) resolve({ ok: false, stale: true });
		this.pending.clear();
		this.worker.terminate();
	}
}

/** Start the worker early and warm ELK, which is slow when cold. Browser only. */
export function startLayoutWorker(): LayoutClient {
	const worker = new Worker(new URL('./worker.ts', import.meta.url), {
		type: 'module'
	}) as unknown as WorkerLike;
	return new LayoutClient(worker);
}
