/**
 * The whole pipeline, map → positions, in one call. Runs on the server (so a map page arrives
 * laid out) and inside the Web Worker (worker.ts); never on the browser's main thread.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ArgumentMap } from '../model/schema';
import { fromElk, type ElkResult } from './from-elk';
import { layoutOptions } from './options';
import { toElk, type LayoutView } from './to-elk';
import type { MapLayout } from './types';
import { LayoutMemo } from './memo';

let elk: InstanceType<typeof ELK> | undefined;
const memo = new LayoutMemo();

/**
 * Whether ELK's answers are kept (memo.ts). `WARRANT_LAYOUT_MEMO=off` in the server's
 * environment turns it off, read at each call: the model bench (scripts/bench.ts) times ELK so.
 */
function memoOn(): boolean {
	const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
		?.env;
	return env?.WARRANT_LAYOUT_MEMO !== 'off';
}

/** Lay out a map. Example: `const layout = await layoutMap(map);` */
export async function layoutMap(
	map: ArgumentMap,
	options: Record<string, string> = {},
	view: LayoutView = {}
): Promise<MapLayout> {
	elk ??= new ELK();
	const { graph, plan } = toElk(map, { ...layoutOptions, ...options }, view);
	const on = memoOn();
	const key = on ? JSON.stringify(graph) : '';
	let result = on ? memo.get(key) : undefined;
	if (!result) {
		result = (await elk.layout(graph as never)) as ElkResult;
		if (on) memo.set(key, result);
	}
	return fromElk(map, graph, plan, result);
}
