/**
 * The map's links as ELK edges: a plain line, a junction where an undercut ends on the link or
 * shared co-premises meet it, co-premises side by side with a bracket, and one line out of each
 * evidence column. Links drawn inside a column (to-elk.ts) are left out.
 */
import type { ArgumentMap } from '../model/schema';
import type { MapIndex } from '../model/queries';
import { JUNCTION_SIZE } from './options';
import { junctionId, portId, type ElkEdge, type ElkNode, type LayoutPlan } from './elk-plan';

/** Adds the junctions to `children` and the lines to `edges`, and records both in `plan`. */
export function linkEdges(
	map: ArgumentMap,
	index: MapIndex,
	plan: LayoutPlan,
	undercut: ReadonlySet<string>,
	columnLinks: ReadonlySet<string>,
	hint: (id: string) => Record<string, string>,
	children: ElkNode[],
	edges: ElkEdge[]
): void {
	// Where a drawn edge starts: the node itself, or the port of its column.
	const source = (id: string) => {
		const col = plan.itemColumn.get(id);
		if (!col) return id;
		return plan.columns.get(col)!.collapsed ? col : portId(id);
	};

	const coUses = new Map<string, number>();
	for (const l of map.links)
		for (const co of l.with ?? []) coUses.set(co, (coUses.get(co) ?? 0) + 1);

	for (const l of map.links) {
		if (columnLinks.has(l.id)) continue;
		// An undercut needs a point on the link. A reason's own co-premises are drawn side by side
		// with it, each with its own line to the conclusion and a bracket joining them: a junction
		// node would take a layer of its own and push the reason a row down, away from its siblings.
		// A co-premise shared by several links (one assumption behind many reasons) still meets
		// them at junctions: side by side with all of them at once would pull the row apart.
		const needsJunction =
			undercut.has(l.id) || (l.with ?? []).some((co) => (coUses.get(co) ?? 0) > 1);
		const to = l.relation === 'undercuts' ? junctionId(l.to) : l.to;
		if (needsJunction) {
			const j = junctionId(l.id);
			const kind =
				undercut.has(l.id) && l.with?.length
					? 'both'
					: undercut.has(l.id)
						? 'undercut'
						: 'co-premise';
			plan.junctions.set(j, { link: l.id, kind });
			children.push({
				id: j,
				width: JUNCTION_SIZE,
				height: JUNCTION_SIZE,
				layoutOptions: hint(l.from)
			});
			edges.push({ id: `${l.id}--in`, sources: [source(l.from)], targets: [j] });
			plan.edges.set(`${l.id}--in`, { links: [l.id], link: l, to: j, endsAtTarget: false });
			for (const co of l.with ?? []) {
				edges.push({ id: `${l.id}--co--${co}`, sources: [source(co)], targets: [j] });
				plan.edges.set(`${l.id}--co--${co}`, {
					links: [l.id],
					link: l,
					to: j,
					endsAtTarget: false
				});
			}
			edges.push({ id: `${l.id}--out`, sources: [j], targets: [to] });
			plan.edges.set(`${l.id}--out`, { links: [l.id], link: l, to, endsAtTarget: true });
		} else {
			edges.push({ id: l.id, sources: [source(l.from)], targets: [to] });
			plan.edges.set(l.id, {
				links: [l.id],
				link: l,
				to,
				endsAtTarget: true,
				...(l.relation === 'undercuts' ? { undercuts: l.to } : {})
			});
			for (const co of l.with ?? []) {
				// One line per co-premise and conclusion, however many links it completes there.
				const shared = `co--${co}--${to}`;
				const drawn = plan.edges.get(shared);
				if (drawn) {
					drawn.links.push(l.id);
					continue;
				}
				edges.push({ id: shared, sources: [source(co)], targets: [to] });
				plan.edges.set(shared, { links: [l.id], link: l, to, endsAtTarget: true });
			}
			if (l.with?.length) plan.joins.push({ link: l.id, members: [l.from, ...l.with] });
		}
	}
	for (const [id, col] of plan.columns) {
		const first = index.link.get(col.links[0]!)!;
		edges.push({ id: `${id}--out`, sources: [id], targets: [col.target] });
		plan.edges.set(`${id}--out`, {
			links: col.links,
			link: first,
			to: col.target,
			endsAtTarget: true
		});
	}
}
