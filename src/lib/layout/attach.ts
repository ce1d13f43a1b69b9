/**
 * Critique drawn next to what it is about. An objection to a piece of evidence, a reader's
 * support for it, or an undercut of one of its links is stacked right below that item inside the
 * item's column (indented evidence of a sub-argument included), no wider than the column,
 * instead of pulling the item out of its column into a new layer far below (issue 12: adding a
 * critique must not tear the article's structure apart). An objection to the column's claim goes
 * at the column's foot, its line drawn beside the column's own once ELK has placed it.
 * Below, not to the right: a wider column pushes half the map sideways (measured with
 * scripts/layout-picture.ts: critique right of its item kept the picture in 15% of single
 * additions, stacked below in the column's width in 72%).
 */
import type { ArgumentMap, MapLink } from '../model/schema';
import type { MapIndex } from '../model/queries';

/** A statement that may sit beside another: what its links are about. */
export interface SideCandidate {
	/** The statements it stands beside: the node it attacks or supports, the source of the link it undercuts. */
	hosts: string[];
	links: MapLink[];
}

/**
 * Statements that can sit beside the statement (or link) they are about: not the thesis, no
 * co-premise anywhere, nothing undercutting them, every link of theirs a plain attack, an
 * undercut of a plain support, or a support of a piece of evidence or of critique, and whatever
 * argues about them can sit beside them in turn.
 */
export function sideCandidates(map: ArgumentMap, index: MapIndex): Map<string, SideCandidate> {
	const coPremise = new Set(map.links.flatMap((l) => l.with ?? []));
	const undercut = new Set(map.links.filter((l) => l.relation === 'undercuts').map((l) => l.to));
	const out = new Map<string, SideCandidate>();
	const critique = (id: string) =>
		(index.outgoing.get(id) ?? []).some((l) => l.from === id && l.relation !== 'supports');
	const supportable = (id: string) => index.node.get(id)?.kind === 'evidence' || critique(id);
	for (const n of map.nodes) {
		if (n.kind === 'thesis' || coPremise.has(n.id)) continue;
		const links = (index.outgoing.get(n.id) ?? []).filter((l) => l.from === n.id);
		if (!links.length || links.some((l) => l.with?.length || undercut.has(l.id))) continue;
		const hosts: string[] = [];
		let ok = true;
		for (const l of links) {
			const attacked = index.link.get(l.to);
			if (l.relation === 'undercuts') {
				// A plain support: the one that makes its source a column item (drawn as a stub), or a
				// further one leaving the column through a port beside the item.
				if (!attacked || attacked.relation !== 'supports' || attacked.with?.length) ok = false;
				else hosts.push(attacked.from);
			} else if (l.relation === 'attacks' && index.node.has(l.to)) hosts.push(l.to);
			// Support beside its target only for a piece of evidence (a reader backing a figure up)
			// or for critique: a claim's own reasons are the argument, laid out as such.
			else if (l.relation === 'supports' && supportable(l.to)) hosts.push(l.to);
			else ok = false;
		}
		if (ok) out.set(n.id, { hosts: [...new Set(hosts)], links });
	}
	// Whatever argues about a candidate must sit beside it (and nowhere else) too.
	for (let changed = true; changed;) {
		changed = false;
		for (const [id] of out) {
			const ok = (index.incoming.get(id) ?? []).every((l) => {
				const c = out.get(l.from);
				return l.relation !== 'undercuts' && c && c.hosts.length === 1 && c.hosts[0] === id;
			});
			if (!ok) {
				out.delete(id);
				changed = true;
			}
		}
	}
	return out;
}

/** Critique in a column (px). */
export const SIDE = {
	/** Between a statement and critique stacked below it: room for the line's end mark. */
	below: 22,
	/** How far right of an item the junction on its link sits (inside the column's padding). */
	stub: 8,
	/** Where a critique's line leaves its top, from its left side. */
	lineX: 16
} as const;

/**
 * What goes under what in the column of `target`: each critique under the first of its hosts in
 * the column's order, critique of critique under that, each list in the author's order.
 */
export function besideTrees(
	links: MapLink[],
	nestedOf: Map<string, MapLink[]>,
	sideColumn: Map<string, string>,
	target: string,
	candidates: Map<string, SideCandidate>,
	order: Map<string, number>
): Map<string, string[]> {
	const sequence = new Map<string, number>();
	for (const l of links) {
		sequence.set(l.from, sequence.size);
		for (const s of nestedOf.get(l.from) ?? []) sequence.set(s.from, sequence.size);
	}
	const rank = (id: string) => sequence.get(id) ?? sequence.size + (order.get(id) ?? 0);
	const out = new Map<string, string[]>();
	const mine = [...sideColumn].filter(([, t]) => t === target).map(([id]) => id);
	mine.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
	for (const id of mine) {
		const host = [...candidates.get(id)!.hosts].sort((a, b) => rank(a) - rank(b))[0]!;
		const list = out.get(host);
		if (list) list.push(id);
		else out.set(host, [id]);
	}
	return out;
}

type Box = { width: number; height: number };
type At = { x: number; y: number };

/** Where a column item's further link leaves the column (its port), in column coordinates. */
export function portAt(width: number, at: At, box: Box): At {
	return { x: width, y: at.y + Math.min(24, box.height / 2) };
}

/**
 * The lines of critique `id`, stacked below the statement it is about, in column coordinates:
 * straight up into the bottom of the statement it attacks or supports, or from its right side up
 * to a junction on the link it undercuts: on a short stub for the item's link to the column's
 * claim (the stub leaves the item's right side, where that link would be), at the port for a
 * further link (where ELK's line for it starts, `width` being the column's).
 */
export function sideLines(
	id: string,
	links: MapLink[],
	offsets: Map<string, At>,
	boxes: Map<string, Box>,
	index: MapIndex,
	edges: { id: string; link: MapLink; to: string; endsAtTarget: boolean; points: At[] }[],
	junctions: { id: string; link: string; x: number; y: number }[],
	junctionSize: number,
	width: number
): void {
	const from = offsets.get(id)!;
	const mine = boxes.get(id)!;
	const level = from.y + Math.min(20, mine.height / 2);
	for (const l of links) {
		if (l.relation === 'undercuts') {
			const attacked = index.link.get(l.to)!;
			const host = offsets.get(attacked.from)!;
			const box = boxes.get(attacked.from)!;
			const right = host.x + box.width;
			const jx = right + SIDE.stub;
			const j = `j--${attacked.id}`;
			// A further link: its junction where ELK's line for it leaves the column.
			const further = index.outgoing.get(attacked.from)?.[0] !== attacked;
			const at = further
				? portAt(width, host, box)
				: { x: jx, y: host.y + Math.min(20, box.height / 2) };
			if (!junctions.some((x) => x.id === j)) {
				junctions.push({ id: j, link: attacked.id, ...at });
				if (!further)
					edges.push({
						id: `${attacked.id}--stub`,
						link: attacked,
						to: j,
						endsAtTarget: false,
						points: [
							{ x: right, y: at.y },
							{ x: jx - junctionSize / 2, y: at.y }
						]
					});
			}
			// From the critique's right side, level with its first line, round and up (and across
			// to a port).
			const points = [
				{ x: from.x + mine.width, y: level },
				{ x: jx, y: level },
				{ x: jx, y: further ? at.y : at.y + junctionSize / 2 }
			];
			if (further) points.push({ x: at.x - junctionSize / 2, y: at.y });
			edges.push({ id: l.id, link: l, to: j, endsAtTarget: true, points });
		} else {
			const host = offsets.get(l.to)!;
			const box = boxes.get(l.to)!;
			// Under a sub-argument's claim sits its indented evidence: round it on the right, into
			// the claim's side. Else straight up into the bottom of what it is about.
			const between = [...offsets].filter(
				([o, at]) => o !== id && at.y >= host.y + box.height && at.y < from.y
			);
			const x = between.length
				? Math.max(
						from.x + mine.width,
						host.x + box.width,
						...between.map(([o, at]) => at.x + boxes.get(o)!.width)
					) + SIDE.stub
				: from.x + SIDE.lineX;
			const y = host.y + Math.min(20, box.height / 2);
			edges.push({
				id: l.id,
				link: l,
				to: l.to,
				endsAtTarget: true,
				points: between.length
					? [
							{ x: from.x + mine.width, y: level },
							{ x, y: level },
							{ x, y },
							{ x: host.x + box.width, y }
						]
					: [
							{ x, y: from.y },
							{ x, y: host.y + box.height }
						]
			});
		}
	}
}

/** How far an objection's line at a column's foot runs beside the column's own line (px). */
export const FOOT_GAP = 8;

type Rect = At & Box;

/**
 * The line of an objection stacked at a column's foot to the column's claim, drawn once ELK has
 * routed the column's own line (`column`, from the column up to the claim): out of the
 * objection's right side, up beside the column, then `gap` px to the right-hand side of the
 * column's line into the claim. No ELK edge of its own: one moved the column sideways and its
 * claim down, and with them most of the map (scripts/layout-picture.ts).
 */
export function footLine(column: At[], box: Rect, objection: Rect, gap: number): At[] {
	// Corners only: drop repeated and straight-through points.
	const p = column.filter((q, i) => {
		const a = column[i - 1];
		const b = column[i + 1];
		if (a && a.x === q.x && a.y === q.y) return false;
		return !a || !b || !((a.x === q.x && q.x === b.x) || (a.y === q.y && q.y === b.y));
	});
	// Each segment moved `gap` to its right-hand side; corners where the moved segments meet.
	const shift = (i: number) => {
		const a = p[i]!;
		const b = p[i + 1]!;
		const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
		return { x: (-(b.y - a.y) / len) * gap, y: ((b.x - a.x) / len) * gap };
	};
	const q = p.map((pt, i) => {
		if (i === 0) return { x: pt.x + shift(0).x, y: pt.y + shift(0).y };
		const before = shift(i - 1);
		if (i === p.length - 1) return { x: pt.x + before.x, y: pt.y + before.y };
		const after = shift(i);
		return { x: pt.x + before.x + after.x, y: pt.y + before.y + after.y };
	});
	const start = {
		x: objection.x + objection.width,
		y: objection.y + Math.min(20, objection.height / 2)
	};
	// Halfway between the column and the lines ELK routes past it (elk.spacing.edgeNode 14).
	const gutter = box.x + box.width + 7;
	const out = [start, { x: gutter, y: start.y }];
	// Join the moved line on its first level stretch; a straight line is joined above the column.
	const k = q.findIndex((pt, i) => i < q.length - 1 && pt.y === q[i + 1]!.y);
	if (k >= 0) return [...out, { x: gutter, y: q[k]!.y }, ...q.slice(k + 1)];
	const above = box.y - 2 * gap;
	return [...out, { x: gutter, y: above }, { x: q[0]!.x, y: above }, ...q.slice(1)];
}
