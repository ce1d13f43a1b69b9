/// <reference lib="webworker" />
/**
 * The layout Web Worker: ELK (475 KB gzipped) lives here and never enters the main bundle.
 * Each request carries an id that the reply repeats, so the client can drop stale answers.
 */
import { layoutMap } from './run';
import type { LayoutRequest, LayoutReply } from './client';
import { syntheticWarmup } from './warmup';
import { withoutBoxes } from './payload';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A listener, not `onmessage`: ELK's bundled code, when it first runs inside a worker, assigns
// `self.onmessage` to its own dispatcher, which would swallow every request after the first.
scope.addEventListener('message', async (e: MessageEvent<LayoutRequest>) => {
	const { id, map, options, view, warm } = e.data;
	if (warm) return void (await layoutMap(map, options, view).catch(() => {}));
	let reply: LayoutReply;
	try {
		// Without the boxes' text geometry (two thirds of the bytes at 1000 statements, and most of
		// the main thread's time to receive it): the client measures only new or edited statements.
		reply = { id, ok: true, layout: withoutBoxes(await layoutMap(map, options, view)) };
	} catch (err) {
		reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
	}
	scope.postMessage(reply);
});

// ELK is slow when cold: warm it on a tiny map as soon as the worker starts, so the first edit's
// layout is fast without laying the page's map out a second time (the server sent its layout).
void layoutMap(syntheticWarmup()).catch(() => {});
