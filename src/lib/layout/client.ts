/**
 * Talks to the layout worker. Only the newest request matters: when the map changes again
 * before a layout comes back, the older answer is dropped (as the Svelte REPL's compiler
 * client does), so the screen never jumps back to an outdated layout.
 */
import type { ArgumentMap } from '../model/schema';
import type { MapLayout } from './types';
import type { LayoutView } from './to-elk';
import { withBoxes, type SentLayout } from './payload';

export interface LayoutRequest {
	id: number;
	map: ArgumentMap;
	options?: Record<string, string>;
	view?: LayoutView;
	/** Only to warm ELK up: laid out, never answered. */
	warm?: true;
}

/**
 * From this many statements a page's map is laid out once in the worker after the page has
 * loaded (`warm`): ELK's first layout of a large graph runs 3-4 times slower than the next
 * (500 ms against 150 ms at 1000 statements), and the warm-up on a tiny map does not cure it.
 */
export const WARM_FROM = 150;
/** A layout comes back without the statements' box geometry, which the client measures again. */
export type LayoutReply =
	{ id: number; ok: true; layout: SentLayout } | { id: number; ok: false; message: string };

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerLike {
	postMessage(message: LayoutRequest): void;
	onmessage: ((e: MessageEvent<LayoutReply>) => void) | null;
	terminate(): void;
}

export type LayoutOutcome =
	| { ok: true; layout: MapLayout }
	| { ok: false; stale: true }
	/** `cancelled`: the reader stopped it (`cancel`); the map keeps its last layout. */
	| { ok: false; stale: false; message: string; cancelled?: true };

export class LayoutClient {
	private next = 1;
	private latest = 0;
	private pending = new Map<number, (outcome: LayoutOutcome) => void>();
	/** The map each pending request was for: its boxes are measured from it. */
	private maps = new Map<number, ArgumentMap>();

	/** The request still to be sent (see `defer`): only the newest is ever sent. */
	private queued: LayoutRequest | undefined;
	private sending = false;

	/**
	 * `restart` makes a fresh worker for `cancel` (ELK cannot be interrupted: the only way to
	 * stop a layout is to end its worker). `defer`, when given, says when a request is sent: the
	 * browser sends it once the key's change is painted (`afterPaint`), so that ELK, which keeps a
	 * core busy for 100-500 ms on a large map, does not share the CPU with the key's task and
	 * frame; requests made meanwhile replace it unsent.
	 */
	constructor(
		private worker: WorkerLike,
		private restart?: () => WorkerLike,
		private defer?: (send: () => void) => void
	) {
		worker.onmessage = (e) => this.receive(e.data);
	}

	/** Whether a layout asked for has not come back yet. */
	get busy(): boolean {
		return this.pending.size > 0;
	}

	/**
	 * Stop the layout under way: its worker is ended and a new one started (it warms itself);
	 * what was pending settles as cancelled. Returns false when there was nothing to stop.
	 */
	cancel(): boolean {
		if (!this.pending.size || !this.restart) return false;
		for (const resolve of this.pending.values())
			resolve({ ok: false, stale: false, message: 'cancelled', cancelled: true });
		this.pending.clear();
		this.maps.clear();
		this.queued = undefined;
		this.worker.onmessage = null;
		this.worker.terminate();
		this.worker = this.restart();
		this.worker.onmessage = (e) => this.receive(e.data);
		return true;
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
			this.maps.delete(old);
		}
		return new Promise((resolve) => {
			this.pending.set(id, resolve);
			this.maps.set(id, map);
			const request = { id, map, view: plainView(view), options };
			if (!this.defer) return this.send(request);
			this.queued = request;
			if (this.sending) return;
			this.sending = true;
			this.defer(() => {
				this.sending = false;
				const next = this.queued;
				this.queued = undefined;
				if (next && this.pending.has(next.id)) this.send(next);
			});
		});
	}

	/**
	 * Lay `map` out once in the worker, unanswered, so that ELK is warm for the first edit's
	 * layout. Sent when the page is next idle after a paint, and only while no layout is asked
	 * for: a real one goes first.
	 */
	warm(map: ArgumentMap, view?: LayoutView, options?: Record<string, string>) {
		const request: LayoutRequest = { id: 0, map, view: plainView(view), options, warm: true };
		const go = () => {
			if (!this.pending.size && !this.queued) this.send(request);
		};
		if (this.defer) this.defer(go);
		else go();
	}

	private send(request: LayoutRequest) {
		// The map is a plain immutable value: structured clone copies it straight.
		try {
			this.worker.postMessage(request);
		} catch {
			this.worker.postMessage({ ...request, map: JSON.parse(JSON.stringify(request.map)) });
		}
	}

	private receive(reply: LayoutReply) {
		const resolve = this.pending.get(reply.id);
		const map = this.maps.get(reply.id);
		if (!resolve || !map || reply.id !== this.latest) return;
		this.pending.delete(reply.id);
		this.maps.delete(reply.id);
		if (!reply.ok) return resolve({ ok: false, stale: false, message: reply.message });
		try {
			resolve({ ok: true, layout: withBoxes(reply.layout, map) });
		} catch (e) {
			resolve({ ok: false, stale: false, message: e instanceof Error ? e.message : String(e) });
		}
	}

	dispose() {
		for (const resolve of this.pending.values()) resolve({ ok: false, stale: true });
		this.pending.clear();
		this.maps.clear();
		this.queued = undefined;
		this.worker.terminate();
	}
}

/**
 * The view may hold Svelte state proxies, which cannot be cloned and may change before the
 * request is sent: it is small, copied now as plain JSON.
 */
const plainView = (view: LayoutView | undefined) =>
	view && (JSON.parse(JSON.stringify(view)) as LayoutView);

/**
 * Run `fn` once the page has painted what the current task changed and done the work that frame
 * queued (a panel's content, the culled drawing growing): when the main thread is next idle
 * after the next frame. Without frames (a hidden tab) or idle time, it runs after `latest` ms all
 * the same. Browser only.
 */
export function afterPaint(fn: () => void, latest = 150): void {
	let done = false;
	const run = () => {
		if (done) return;
		done = true;
		clearTimeout(fallback);
		fn();
	};
	const fallback = setTimeout(run, latest);
	requestAnimationFrame(() => {
		if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 50 });
		else setTimeout(run);
	});
}

/** Start the worker early and warm ELK, which is slow when cold. Browser only. */
export function startLayoutWorker(): LayoutClient {
	const start = () =>
		new Worker(new URL('./worker.ts', import.meta.url), {
			type: 'module'
		}) as unknown as WorkerLike;
	return new LayoutClient(start(), start, afterPaint);
}
