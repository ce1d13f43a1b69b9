/**
 * Every change to a map is a command: a plain value that `apply` turns into a new map and the
 * command that undoes it. Commands are pure (no Svelte, no DOM, no disk) and are checked: a
 * command whose result would break the format or the map's integrity is refused with a reason
 * and changes nothing.
 */
import { plainIssue } from '../model/problems';
import { checkIntegrity } from '../model/integrity';
import {
	linkSchema,
	mapSchema,
	nodeSchema,
	type ArgumentMap,
	type MapLink,
	type MapNode,
	type Source,
	type SourceText,
	type Walkthrough
} from '../model/schema';

export type NodePatch = Partial<Omit<MapNode, 'id'>>;
export type LinkPatch = Partial<Omit<MapLink, 'id'>>;

/** What an intent builder returns: one command with its undo label, or why it cannot be. */
export type Built =
	{ ok: true; command: Command; label: string; nodeId?: string } | { ok: false; reason: string };

export type Command =
	/** Put nodes and links in at given positions (positions in the arrays after insertion). */
	| {
			type: 'insert';
			nodes: { at: number; node: MapNode }[];
			links: { at: number; link: MapLink }[];
	  }
	/** Take nodes and links out, exactly these and nothing else. */
	| { type: 'remove'; nodes: string[]; links: string[] }
	/** Set fields of a node; a field set to undefined is removed. */
	| { type: 'updateNode'; id: string; patch: NodePatch }
	| { type: 'updateLink'; id: string; patch: LinkPatch }
	/**
	 * Set fields of the source description, and the map's own `title`, `$schema`, source `text`
	 * and `walkthrough` order (null removes one; left out, it stays as it is).
	 */
	| {
			type: 'updateSource';
			patch: Partial<Source>;
			title?: string | null;
			$schema?: string | null;
			text?: SourceText | null;
			walkthrough?: Walkthrough | null;
	  }
	/** Several commands as one step: all apply or none. */
	| { type: 'batch'; commands: Command[] };

export type ApplyResult =
	{ ok: true; map: ArgumentMap; inverse: Command } | { ok: false; reason: string };

/**
 * `obj` with the fields of `patch` set (a field set to undefined is removed), and the old values
 * of those fields: the patch that undoes it.
 */
export function setFields<T extends object>(
	obj: T,
	patch: Partial<T>
): { next: T; old: Partial<T> } {
	const next = { ...obj } as Record<string, unknown>;
	const old: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(patch)) {
		old[k] = (obj as Record<string, unknown>)[k];
		if (v === undefined) delete next[k];
		else next[k] = v;
	}
	return { next: next as T, old: old as Partial<T> };
}

/** Apply without checking; used inside `apply` and for batches. */
function step(map: ArgumentMap, cmd: Command): ApplyResult {
	switch (cmd.type) {
		case 'insert': {
			const nodes = [...map.nodes];
			const links = [...map.links];
			for (const { at, node } of [...cmd.nodes].sort((a, b) => a.at - b.at)) {
				if (at < 0 || at > nodes.length)
					return { ok: false, reason: `cannot insert a node at position ${at}` };
				nodes.splice(at, 0, node);
			}
			for (const { at, link } of [...cmd.links].sort((a, b) => a.at - b.at)) {
				if (at < 0 || at > links.length)
					return { ok: false, reason: `cannot insert a link at position ${at}` };
				links.splice(at, 0, link);
			}
			return {
				ok: true,
				map: { ...map, nodes, links },
				inverse: {
					type: 'remove',
					nodes: cmd.nodes.map((n) => n.node.id),
					links: cmd.links.map((l) => l.link.id)
				}
			};
		}
		case 'remove': {
			const dropN = new Set(cmd.nodes);
			const dropL = new Set(cmd.links);
			const nodes: { at: number; node: MapNode }[] = [];
			const links: { at: number; link: MapLink }[] = [];
			map.nodes.forEach((node, at) => dropN.has(node.id) && nodes.push({ at, node }));
			map.links.forEach((link, at) => dropL.has(link.id) && links.push({ at, link }));
			if (nodes.length !== dropN.size)
				return { ok: false, reason: 'a statement to remove does not exist' };
			if (links.length !== dropL.size)
				return { ok: false, reason: 'a link to remove does not exist' };
			return {
				ok: true,
				map: {
					...map,
					nodes: map.nodes.filter((n) => !dropN.has(n.id)),
					links: map.links.filter((l) => !dropL.has(l.id))
				},
				inverse: { type: 'insert', nodes, links }
			};
		}
		case 'updateNode': {
			const i = map.nodes.findIndex((n) => n.id === cmd.id);
			if (i < 0) return { ok: false, reason: `there is no statement "${cmd.id}"` };
			if ('id' in cmd.patch) return { ok: false, reason: 'a statement keeps its id' };
			const { next, old } = setFields<MapNode>(map.nodes[i]!, cmd.patch as Partial<MapNode>);
			const nodes = [...map.nodes];
			nodes[i] = next;
			return {
				ok: true,
				map: { ...map, nodes },
				inverse: { type: 'updateNode', id: cmd.id, patch: old as NodePatch }
			};
		}
		case 'updateLink': {
			const i = map.links.findIndex((l) => l.id === cmd.id);
			if (i < 0) return { ok: false, reason: `there is no link "${cmd.id}"` };
			if ('id' in cmd.patch) return { ok: false, reason: 'a link keeps its id' };
			const { next, old } = setFields<MapLink>(map.links[i]!, cmd.patch as Partial<MapLink>);
			const links = [...map.links];
			links[i] = next;
			return {
				ok: true,
				map: { ...map, links },
				inverse: { type: 'updateLink', id: cmd.id, patch: old as LinkPatch }
			};
		}
		case 'updateSource': {
			const { next, old } = setFields(map.source, cmd.patch);
			const result: ArgumentMap = { ...map, source: next };
			const inverse: Command & { type: 'updateSource' } = { type: 'updateSource', patch: old };
			for (const key of ['title', '$schema', 'text', 'walkthrough'] as const) {
				const value = cmd[key];
				if (value === undefined) continue;
				(inverse as Record<string, unknown>)[key] = map[key] ?? null;
				if (value === null) delete result[key];
				else (result as Record<string, unknown>)[key] = value;
			}
			return { ok: true, map: result, inverse };
		}
		case 'batch': {
			let current = map;
			const inverses: Command[] = [];
			for (const c of cmd.commands) {
				const r = step(current, c);
				if (!r.ok) return r;
				current = r.map;
				inverses.unshift(r.inverse);
			}
			return { ok: true, map: current, inverse: { type: 'batch', commands: inverses } };
		}
	}
}

/**
 * Apply a command. Example:
 * ```ts
 * const r = apply(map, { type: 'updateNode', id: 'motive-2', patch: { text: 'New wording.' } });
 * if (r.ok) { map = r.map; history.push(r.inverse) } else showError(r.reason);
 * ```
 */
export function apply(map: ArgumentMap, cmd: Command): ApplyResult {
	const r = step(map, cmd);
	if (!r.ok) return r;
	const issue = touchedIssue(map, r.map);
	if (issue) return { ok: false, reason: plainIssue(issue.path, issue.message) };
	const problems = checkIntegrity(r.map);
	if (problems.length) return { ok: false, reason: problems[0]!.message };
	return r;
}

type Issue = { path: (string | number)[]; message: string };
type Checked =
	| { success: true }
	| { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
function firstIssue(r: Checked, at: (string | number)[]): Issue | undefined {
	if (r.success) return undefined;
	const issue = r.error.issues[0]!;
	return { message: issue.message, path: [...at, ...(issue.path as (string | number)[])] };
}

/**
 * The schema's verdict on what a command changed, not on the whole map (full validation stays at
 * the boundaries: load, save, import). The map it started from was valid and is immutable, so
 * only new or replaced nodes and links need checking; any other field that changed (rare: the
 * source, the title), or a list at its size limits, gets the whole map checked.
 */
function touchedIssue(before: ArgumentMap, after: ArgumentMap): Issue | undefined {
	const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
	const other = [...fields].some(
		(k) =>
			k !== 'nodes' &&
			k !== 'links' &&
			before[k as keyof ArgumentMap] !== after[k as keyof ArgumentMap]
	);
	if (other || after.nodes.length < 1 || after.nodes.length > 5000 || after.links.length > 20000)
		return firstIssue(mapSchema.safeParse(after), []);
	const oldNodes = new Set(before.nodes);
	for (const [i, n] of after.nodes.entries()) {
		if (oldNodes.has(n)) continue;
		const issue = firstIssue(nodeSchema.safeParse(n), ['nodes', i]);
		if (issue) return issue;
	}
	const oldLinks = new Set(before.links);
	for (const [i, l] of after.links.entries()) {
		if (oldLinks.has(l)) continue;
		const issue = firstIssue(linkSchema.safeParse(l), ['links', i]);
		if (issue) return issue;
	}
	return undefined;
}
