/**
 * The argument as written: a map without the statements nobody has written yet (a template's
 * "Reason 2", an untouched "New objection"), and without the links that touch them. A
 * reference with an empty slot must not ask students for it; a student's empty slot is not a
 * statement to match or to fault.
 */
import { isPlaceholder } from '../model/queries';
import type { ArgumentMap } from '../model/schema';

/**
 * `map` without its unwritten statements. An unwritten thesis stays (a reference is about it)
 * unless `thesis` is set: a student's starter thesis is not theirs until they write it.
 */
export function written(map: ArgumentMap, opts: { thesis?: boolean } = {}): ArgumentMap {
	const gone = new Set(
		map.nodes
			.filter((n) => (opts.thesis || n.kind !== 'thesis') && isPlaceholder(n))
			.map((n) => n.id)
	);
	if (!gone.size) return map;
	// A link goes with a statement it joins; an undercut goes with the link it aims at.
	let links = map.links;
	for (let before = -1; before !== links.length;) {
		before = links.length;
		links = links.filter((l) => {
			const keep = !gone.has(l.from) && !gone.has(l.to);
			if (!keep) gone.add(l.id);
			return keep;
		});
	}
	return {
		...map,
		nodes: map.nodes.filter((n) => !gone.has(n.id)),
		links: links.map((l) =>
			l.with?.some((w) => gone.has(w)) ? { ...l, with: l.with.filter((w) => !gone.has(w)) } : l
		),
		...(map.walkthrough
			? { walkthrough: { order: map.walkthrough.order.filter((id) => !gone.has(id)) } }
			: {})
	};
}
