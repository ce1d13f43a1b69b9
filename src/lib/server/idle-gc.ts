/**
 * Young-generation garbage collected between requests instead of during them. A map page makes
 * 5–7 MB of short-lived objects (the render's strings, the parse, the page's data). V8 scavenges
 * when its young generation fills, which is in the middle of some later request: with a 64 MB
 * young generation one request in eight paused 11–16 ms, because the request's own render was
 * alive and copied. Collected when no request is in flight, a scavenge costs about 1.3 ms, and
 * nobody waits for it (article page, one process, requests 60 ms apart: median 10.6 → 9.1–9.4 ms).
 *
 * Needs `gc` (node's --expose-gc, which `npm start` passes); without it this does nothing. It
 * waits for QUIET_MS without a request: under load (10 connections asking for cached pages) a
 * scavenge after every answer cost a third of the requests per second; there V8 collects as it
 * always does. Running `node build/index.js` without the flag serves the same pages, with V8's
 * own timing. The flag puts `gc` within reach of every module; of the server's code only this
 * one calls it (the built server, searched), and only for a minor collection.
 */
import { getHeapSpaceStatistics } from 'node:v8';

/** Collect once the young generation holds this much: about one map page's garbage. */
export const YOUNG_BYTES = 4 * 1024 * 1024;

function youngBytes(): number {
	return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_used_size ?? 0;
}

/** Collect after this long without a request: under load there is always another one. */
export const QUIET_MS = 5;

export class IdleCollector {
	#inFlight = 0;
	#lastStart = -Infinity;
	#timer: ReturnType<typeof setTimeout> | undefined;

	/**
	 * `collect`: a scavenge (absent: nothing is collected); `young`: the young generation's bytes
	 * in use. Both are V8's unless a test gives its own.
	 */
	constructor(
		private readonly collect: (() => void) | undefined,
		private readonly young: () => number = youngBytes,
		private readonly threshold = YOUNG_BYTES,
		private readonly quietMs = QUIET_MS
	) {}

	/** `work` counted as a request in flight; the young generation may be collected after it. */
	async asRequest<T>(work: () => Promise<T>): Promise<T> {
		this.#inFlight++;
		this.#lastStart = performance.now();
		try {
			return await work();
		} finally {
			this.#inFlight--;
			if (this.#inFlight === 0) this.#wait(this.quietMs);
		}
	}

	get inFlight(): number {
		return this.#inFlight;
	}

	#wait(ms: number): void {
		if (!this.collect || this.#timer) return;
		this.#timer = setTimeout(() => this.#collectIfQuiet(), ms);
		this.#timer.unref?.();
	}

	/** Collected when no request came for quietMs; a request in flight schedules it again. */
	#collectIfQuiet(): void {
		this.#timer = undefined;
		if (this.#inFlight > 0) return;
		const quiet = performance.now() - this.#lastStart;
		if (quiet < this.quietMs) this.#wait(this.quietMs - quiet);
		else if (this.young() >= this.threshold) this.collect?.();
	}
}

const gcNow = globalThis.gc;

/** The server's collector: V8's scavenge when node runs with --expose-gc. */
export const idleCollector = new IdleCollector(gcNow && (() => gcNow({ type: 'minor' })));
