/**
 * A change made outside the editor's own commands — in a text pane, by an import, by a remote
 * peer, by restoring a draft — arrives as a whole new map. Turned into one command here, it
 * becomes one ordinary undo step, checked by `apply` like any other.
 */
import {
	diffMaps,
	isEmptyDiff,
	type FieldChange,
	type ListDiff,
	type MapDiff
} from '../model/diff';
import type { ArgumentMap } from '../model/schema';
import { setFields, type Command } from './commands';

/**
 * Either the maps were the same (an empty batch would make an undo step that does nothing), or
 * the one command that turns the first into the second.
 */
export type CommandFromDiff = { kind: 'unchanged' } | { kind: 'command'; command: Command };

/**
 * The command that turns `before` into `after`: `apply(before, command).map` equals `after`,
 * array order included, and the inverse `apply` returns gives `before` back. Example:
 * ```ts
 * const c = commandBetween(editor.map, imported);
 * if (c.kind === 'command') editor.runCommand(c.command, 'Import');
 * ```
 */
export function commandBetween(before: ArgumentMap, after: ArgumentMap): CommandFromDiff {
	return commandFromDiff(before, diffMaps(before, after));
}

/**
 * The command for a diff made from `before` (`diffMaps(before, after)`): a `batch` of field
 * updates in place, then one `remove` and one `insert` (new items, and moved ones at their new
 * index), then `updateSource` for the map's own fields. With a diff made from another map,
 * `apply` refuses the command rather than guess.
 */
export function commandFromDiff(before: ArgumentMap, diff: MapDiff): CommandFromDiff {
	if (isEmptyDiff(diff)) return { kind: 'unchanged' };
	const nodes = listSteps(before.nodes, diff.nodes);
	const links = listSteps(before.links, diff.links);
	const commands: Command[] = [
		...nodes.updates.map(([id, patch]): Command => ({ type: 'updateNode', id, patch })),
		...links.updates.map(([id, patch]): Command => ({ type: 'updateLink', id, patch }))
	];
	if (nodes.remove.length || links.remove.length)
		commands.push({ type: 'remove', nodes: nodes.remove, links: links.remove });
	if (nodes.insert.length || links.insert.length)
		commands.push({
			type: 'insert',
			nodes: nodes.insert.map(({ at, item }) => ({ at, node: item })),
			links: links.insert.map(({ at, item }) => ({ at, link: item }))
		});
	const own = patchOf(diff.fields);
	const mapFields = ['title', '$schema', 'text', 'walkthrough'] as const;
	if (diff.source.length || mapFields.some((k) => k in own))
		commands.push({
			type: 'updateSource',
			patch: patchOf(diff.source),
			// format and version are literal types: two valid maps cannot differ in them.
			...('title' in own ? { title: own.title ?? null } : {}),
			...('$schema' in own ? { $schema: own.$schema ?? null } : {}),
			...('text' in own ? { text: own.text ?? null } : {}),
			...('walkthrough' in own ? { walkthrough: own.walkthrough ?? null } : {})
		});
	return { kind: 'command', command: { type: 'batch', commands } };
}

/**
 * One list's share of the command. A moved item is taken out and put back at its new index
 * in its new form, so it needs no update of its own.
 */
function listSteps<T extends { id: string }>(before: readonly T[], diff: ListDiff<T>) {
	const patches = new Map(diff.changed.map((c) => [c.id, patchOf(c.fields)]));
	const moved = new Set(diff.moved.map((m) => m.id));
	const byId = new Map(before.map((item) => [item.id, item]));
	const updates = [...patches].filter(([id]) => !moved.has(id));
	const remove = [...diff.removed.map((r) => r.item.id), ...diff.moved.map((m) => m.id)];
	const insert = [
		...diff.added,
		// An id missing from `before` is still in `remove`, so `apply` refuses the whole command.
		...diff.moved.flatMap(({ id, at }) => {
			const item = byId.get(id);
			const patch = (patches.get(id) ?? {}) as Partial<T>;
			return item ? [{ at, item: setFields(item, patch).next }] : [];
		})
	].sort((a, b) => a.at - b.at);
	return { updates, remove, insert };
}

/** The fields' new values as a patch; a field absent in `after` is set to undefined (removed). */
function patchOf<T>(fields: readonly FieldChange<T>[]): Partial<T> {
	const patch: Partial<T> = {};
	for (const c of fields) patch[c.field] = c.to;
	return patch;
}
