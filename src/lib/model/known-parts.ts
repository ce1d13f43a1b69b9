/**
 * Statements and links already validated, kept by their JSON text: a new revision of a map file
 * mostly repeats the statements of the one before (a verdict, a reworded claim, one more
 * objection), and zod re-validating every one of them was most of a page request's parse (0.75
 * ms of 1.4 on the article map; 0.8 MB of garbage). The map's own fields and the integrity rules
 * (ids, links' ends) are checked every time. Used by the server's store only: the values handed
 * out are shared between revisions, so they are frozen.
 */
import { z } from 'zod/mini';
import {
	CURRENT_VERSION,
	linkSchema,
	mapSchema,
	nodeSchema,
	type ArgumentMap,
	type MapLink,
	type MapNode
} from './schema';
import { checkIntegrity } from './integrity';

/** The map's own fields; its statements and links are checked one by one against the memo. */
const shellSchema = z.extend(mapSchema, {
	nodes: z.array(z.unknown()).check(z.minLength(1), z.maxLength(5000)),
	links: z.array(z.unknown()).check(z.maxLength(20000))
});

/**
 * Up to this many parts are kept (the oldest learnt goes first), and this many characters of
 * their text: a 1000-statement map has about 2,000 parts and 0.5 M characters.
 */
const MAX_PARTS = 20000;
const MAX_CHARS = 4_000_000;

type Part = MapNode | MapLink;

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const v of Object.values(value)) deepFreeze(v);
	}
	return value;
}

export class KnownParts {
	readonly #parts = new Map<string, Part>();
	#chars = 0;

	/**
	 * The map in `doc` (a file's JSON.parse) when it is valid: the statements and links validated
	 * before are taken as they were, the others validated one by one (and kept), the map's own
	 * fields and the integrity rules checked. Undefined when anything is wrong: the caller then
	 * validates it all, and says what is wrong as it always has.
	 */
	validate(doc: unknown): ArgumentMap | undefined {
		if (typeof doc !== 'object' || doc === null) return undefined;
		const d = doc as Record<string, unknown>;
		if (d.version !== CURRENT_VERSION || !Array.isArray(d.nodes) || !Array.isArray(d.links))
			return undefined;
		const nodes = this.#known(d.nodes, 'n', nodeSchema) as MapNode[] | undefined;
		const links = nodes && (this.#known(d.links, 'l', linkSchema) as MapLink[] | undefined);
		if (!nodes || !links) return undefined;
		const shell = shellSchema.safeParse(doc);
		if (!shell.success) return undefined;
		const map = { ...shell.data, nodes, links } as ArgumentMap;
		return checkIntegrity(map).length ? undefined : map;
	}

	/** Keep the statements and links of `map`, validated from `doc`. */
	learn(doc: unknown, map: ArgumentMap): void {
		const d = doc as { nodes: unknown[]; links: unknown[] };
		map.nodes.forEach((n, i) => this.#keep(`n${JSON.stringify(d.nodes[i])}`, n));
		map.links.forEach((l, i) => this.#keep(`l${JSON.stringify(d.links[i])}`, l));
	}

	get size(): number {
		return this.#parts.size;
	}

	#known(
		parts: unknown[],
		kind: string,
		schema: typeof nodeSchema | typeof linkSchema
	): Part[] | undefined {
		const out: Part[] = [];
		for (const p of parts) {
			const key = kind + JSON.stringify(p);
			let part = this.#parts.get(key);
			if (!part) {
				const checked = schema.safeParse(p);
				if (!checked.success) return undefined;
				this.#keep(key, (part = checked.data));
			}
			out.push(part);
		}
		return out;
	}

	#keep(key: string, part: Part): void {
		if (this.#parts.has(key)) return;
		this.#parts.set(key, deepFreeze(part));
		this.#chars += key.length;
		for (const [oldest] of this.#parts) {
			if (this.#parts.size <= MAX_PARTS && this.#chars <= MAX_CHARS) break;
			this.#parts.delete(oldest);
			this.#chars -= oldest.length;
		}
	}
}
