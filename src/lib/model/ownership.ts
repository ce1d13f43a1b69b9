/**
 * Whose a map is. A map may name its `owner` (the name given when it was made in the app); a map
 * without one is shared: the class's map, which the app never saves into. A reader's work on a
 * map that is not theirs is saved as their own copy, which records what it is `basedOn`.
 * Names are not secrets: this keeps people's work apart, it does not keep anyone out.
 */
import { MAX_ID_LENGTH, slugify } from './ids';
import { REVISION_PATTERN, type ArgumentMap, type BasedOn } from './schema';

/** How many ids a new copy tries: `x`, `x-2` … `x-20`. */
export const MAX_COPY_ATTEMPTS = 20;

/** A name as compared: "  ana " and "Ana" are the same person. */
function nameKey(name: string): string {
	return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** Is `name` the map's owner? A shared map (no owner) has none; nobody is its owner. */
export function isOwner(map: Pick<ArgumentMap, 'owner'>, name: string | undefined): boolean {
	return !!map.owner && !!name?.trim() && nameKey(map.owner) === nameKey(name);
}

/** The revision an ETag names: `"abc"` and `W/"abc"` → `abc`; undefined when it is none. */
export function revisionOf(etag: string): string | undefined {
	const r = etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
	return REVISION_PATTERN.test(r) ? r : undefined;
}

/** What a copy of map `id`, read at version `etag`, is based on. */
export function basedOn(id: string, etag: string): BasedOn | undefined {
	const revision = revisionOf(etag);
	return revision ? { id, revision } : undefined;
}

/**
 * `id` with `suffix` added, shortened so that the whole is at most `max` characters (a map id:
 * 64): the id gives way at a hyphen where it can, never the suffix.
 */
export function withSuffix(id: string, suffix: string, max = MAX_ID_LENGTH): string {
	const room = max - suffix.length;
	if (id.length <= room) return `${id}${suffix}`;
	const cut = id.slice(0, room);
	const atHyphen = cut.lastIndexOf('-');
	return `${(atHyphen > 0 ? cut.slice(0, atHyphen) : cut).replace(/-+$/, '')}${suffix}`;
}

/** The `attempt`-th id tried for a new map (1-based): `x`, then `x-2`, `x-3` … */
export function numberedId(id: string, attempt: number): string {
	return attempt <= 1 ? id : withSuffix(id, `-${attempt}`);
}

/** Which of `base`'s numbered ids `id` is (1 for `base` itself), or undefined when none. */
export function numberOf(base: string, id: string): number | undefined {
	for (let n = 1; n <= MAX_COPY_ATTEMPTS; n++) if (numberedId(base, n) === id) return n;
	return undefined;
}

/** The title of `name`'s copy of a map: "<its title> — critique by Ana". */
export function ownCopyTitle(map: Pick<ArgumentMap, 'title' | 'source'>, name: string): string {
	const tail = ` — critique by ${name.trim()}`;
	return `${(map.title ?? map.source.title).slice(0, 300 - tail.length).trimEnd()}${tail}`;
}

/**
 * The id of `name`'s copy of map `id`: `japan-mongolia-critique-by-ana` (a name with no letters
 * of the slug alphabet becomes "reader"). Leaves room for the `-2` … of a taken id.
 */
export function ownCopyId(id: string, name: string): string {
	const who = /[a-z0-9]/i.test(name.normalize('NFKD')) ? slugify(name, 24) : 'reader';
	return withSuffix(id, `-critique-by-${who}`, MAX_ID_LENGTH - 3);
}

/** A copy of a map as it is now, with its own title, owner (if any) and origin. */
export function ownCopy(
	map: ArgumentMap,
	copy: { title: string; owner?: string; basedOn?: BasedOn }
): ArgumentMap {
	const { owner: _owner, basedOn: _basedOn, ...content } = map;
	return {
		...content,
		title: copy.title,
		...(copy.owner ? { owner: copy.owner } : {}),
		...(copy.basedOn ? { basedOn: copy.basedOn } : {})
	};
}

/**
 * Why a save of `next` over `saved` (map `id`) is refused, or undefined when it may go ahead.
 * A shared map is never changed from the app; a map's owner and origin are set when it is made.
 */
export function saveRefusal(id: string, saved: ArgumentMap, next: ArgumentMap): string | undefined {
	if (!saved.owner)
		return `“${id}” is a shared map (it names no owner), so the app does not save into it: save your work as your own copy. A teacher changes a shared map with the warrant command or by editing its file.`;
	if (next.owner !== saved.owner)
		return `the owner of “${id}” is ${saved.owner}; a map's owner is set when it is made and a save cannot change it`;
	const [a, b] = [saved.basedOn, next.basedOn];
	if (a?.id !== b?.id || a?.revision !== b?.revision)
		return `what “${id}” is based on is set when the copy is made; a save cannot change it`;
	return undefined;
}
