/**
 * Warrant's own data in an Argdown file (argdown.ts): the `{warrant: …}` metadata on statements
 * and the front matter that carry what Argdown has no place for, shared by writing
 * (argdown-print.ts) and reading (argdown-map.ts).
 */
import type { ArgumentMap, MapNode } from '../model/schema';

/** The metadata key for Warrant's own data. */
export const KEY = 'warrant';

/** What a text looks like on one Argdown line: white space folded to single spaces. */
export const visible = (text: string) => text.replace(/\s+/g, ' ').trim();

export type NodeData = Omit<MapNode, 'id' | 'text'> & { text?: string };
export type LinkRecord = [id: string, relation: string, from: string, to: string, data?: object];
export interface FrontMatter {
	version: number;
	map: Omit<ArgumentMap, 'format' | 'version' | 'nodes' | 'links'>;
	/** Statement ids in the map's order. */
	nodes: string[];
	/** Every link in the map's order: its id, what it joins, and what Argdown has no place for. */
	links: LinkRecord[];
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The front matter's Warrant part, when it has the right shape. */
export function frontMatterOf(front: Record<string, unknown> | undefined): FrontMatter | undefined {
	const f = front?.[KEY];
	if (
		isRecord(f) &&
		isRecord(f.map) &&
		Array.isArray(f.nodes) &&
		Array.isArray(f.links) &&
		f.links.every((l) => Array.isArray(l) && l.length >= 4)
	)
		return f as unknown as FrontMatter;
	return undefined;
}
