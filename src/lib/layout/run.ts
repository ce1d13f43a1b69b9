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

let elk: InstanceType<typeof ELK> | undefined;

/** Lay out a map. Example: `const layout = await layoutMap(map);` */
export async function layoutMap(
	map: ArgumentMap,
	options: Record<string, string> = {},
	view: LayoutView = {}
): Promise<MapLayout> {
	elk ??= new ELK();
	const { graph, plan } = toElk(map, { ...layoutOptions, ...options }, view);
	const result = (await elk.layout(graph as never)) as ElkResult;
	return fromElk(map, graph, plan, result);
}
