/**
 * The YAML side of reading a Carneades graph (carneades.ts): the document's nodes walked with
 * their paths, aliases resolved, and every problem given the line it is on.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, type Document, type Pair } from 'yaml';
import type { Problem, ProblemCode } from '../model/problems';

export type Path = (string | number)[];
export type YamlNode = unknown;

/** A name in the file (a statement key, a premise) and where it is. */
export interface Ref {
	name: string;
	path: Path;
	node: YamlNode;
}

/** An empty value: `key:` with nothing after it, or `~`/`null`. */
export const isEmpty = (n: YamlNode) => n === null || (isScalar(n) && n.value === null);

/** The YAML file's nodes, walked with their paths; every problem gets the line it is on. */
export class Reader {
	readonly problems: Problem[] = [];
	constructor(
		private readonly doc: Document,
		private readonly lines: LineCounter
	) {}

	line(node: YamlNode): number {
		const range = (node as { range?: [number, number, number] } | null)?.range;
		return range ? this.lines.linePos(range[0]).line : 1;
	}

	fail(code: ProblemCode, path: Path, node: YamlNode, message: string): void {
		this.problems.push({ code, path, line: this.line(node), message });
	}

	/** An alias (`*name`) stands for its anchored node; only scalars may be aliased. */
	private resolve(node: YamlNode, path: Path): YamlNode {
		if (!isAlias(node)) return node;
		const target = node.resolve(this.doc);
		if (isScalar(target)) return target;
		this.fail('schema', path, node, 'an alias (*name) may stand only for a single value here');
		return undefined;
	}

	/** A single value as text (numbers and booleans as written), null for an empty value. */
	scalar(node: YamlNode, path: Path, what: string): string | null | undefined {
		const n = this.resolve(node, path);
		if (n === undefined) return undefined;
		if (isEmpty(n)) return null;
		if (isScalar(n) && ['string', 'number', 'boolean'].includes(typeof n.value))
			return String(n.value);
		this.fail('schema', path, node, `${what} must be a single value, not a list or a mapping`);
		return undefined;
	}

	/** The entries of a mapping, keys as text, in file order; undefined (with a problem) if it is none. */
	entries(node: YamlNode, path: Path, what: string) {
		const n = this.resolve(node, path);
		if (isEmpty(n)) return [];
		if (!isMap(n)) {
			if (n !== undefined)
				this.fail('schema', path, node, `${what} must be a mapping of keys to values`);
			return undefined;
		}
		const out: { key: string; value: YamlNode; path: Path; node: YamlNode }[] = [];
		// Keys compared as text, so `1` and "1" are the same key (the YAML parser's own check is
		// quadratic in the number of keys).
		const seen = new Set<string>();
		for (const pair of n.items as Pair<YamlNode, YamlNode>[]) {
			const key = this.scalar(pair.key, path, `a key of ${what}`);
			if (key === null) this.fail('schema', path, pair.key ?? n, `${what} has an empty key`);
			if (typeof key !== 'string') continue;
			if (seen.has(key)) {
				this.fail('schema', [...path, key], pair.key, `the key "${key}" appears twice in ${what}`);
				continue;
			}
			seen.add(key);
			out.push({ key, value: pair.value, path: [...path, key], node: pair.key ?? n });
		}
		return out;
	}

	/** A list of names, or a single name where Carneades allows one. */
	names(node: YamlNode, path: Path, what: string): Ref[] {
		const n = this.resolve(node, path);
		if (isEmpty(n)) return [];
		if (isScalar(n)) {
			const name = this.scalar(n, path, what);
			return typeof name === 'string' ? [{ name, path, node: n }] : [];
		}
		if (!isSeq(n)) {
			if (n !== undefined)
				this.fail('schema', path, node, `${what} must be a list of statement keys`);
			return [];
		}
		return n.items.flatMap((item, i) => {
			const name = this.scalar(item, [...path, i], `each of ${what}`);
			if (name === null) this.fail('schema', [...path, i], item ?? n, `${what} has an empty item`);
			return typeof name === 'string' ? [{ name, path: [...path, i], node: item }] : [];
		});
	}

	/** A reference to one statement, or undefined where the value is empty. */
	ref(node: YamlNode, path: Path, what: string): Ref | undefined {
		const name = this.scalar(node, path, what);
		return typeof name === 'string' ? { name, path, node } : undefined;
	}
}
