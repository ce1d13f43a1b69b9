/**
 * Checks that zod cannot express: references between nodes and links.
 * Ids share one namespace across nodes and links, because an undercut targets a link by id.
 */
import type { ArgumentMap } from './schema';
import type { Problem } from './problems';

export function checkIntegrity(map: ArgumentMap): Problem[] {
	const problems: Problem[] = [];
	const seen = new Map<string, string>();
	const nodeIds = new Set<string>();
	const linkIds = new Set<string>();

	map.nodes.forEach((node, i) => {
		const first = seen.get(node.id);
		if (first) {
			problems.push({
				code: 'duplicate-id',
				path: ['nodes', i, 'id'],
				message: `id "${node.id}" is already used by ${first}`
			});
		} else seen.set(node.id, `nodes[${i}]`);
		nodeIds.add(node.id);
	});
	map.links.forEach((link, i) => {
		const first = seen.get(link.id);
		if (first) {
			problems.push({
				code: 'duplicate-id',
				path: ['links', i, 'id'],
				message: `id "${link.id}" is already used by ${first}`
			});
		} else seen.set(link.id, `links[${i}]`);
		linkIds.add(link.id);
	});

	map.links.forEach((link, i) => {
		if (!nodeIds.has(link.from)) {
			problems.push({
				code: linkIds.has(link.from) ? 'relation-target' : 'dangling',
				path: ['links', i, 'from'],
				message: linkIds.has(link.from)
					? `"${link.from}" is a link; a link starts at a node`
					: `no node has the id "${link.from}"`
			});
		}
		if (link.relation === 'undercuts') {
			if (!linkIds.has(link.to)) {
				problems.push({
					code: nodeIds.has(link.to) ? 'undercut-target' : 'dangling',
					path: ['links', i, 'to'],
					message: nodeIds.has(link.to)
						? `an undercut attacks a link, but "${link.to}" is a node (use "attacks" to attack a statement)`
						: `no link has the id "${link.to}"`
				});
			}
			if (link.to === link.id) {
				problems.push({
					code: 'self-link',
					path: ['links', i, 'to'],
					message: 'a link cannot undercut itself'
				});
			}
		} else if (!nodeIds.has(link.to)) {
			problems.push({
				code: linkIds.has(link.to) ? 'relation-target' : 'dangling',
				path: ['links', i, 'to'],
				message: linkIds.has(link.to)
					? `"${link.to}" is a link; only "undercuts" may point at a link`
					: `no node has the id "${link.to}"`
			});
		}
		if (link.relation !== 'undercuts' && link.from === link.to) {
			problems.push({
				code: 'self-link',
				path: ['links', i, 'to'],
				message: `"${link.from}" cannot ${link.relation === 'supports' ? 'support' : 'attack'} itself`
			});
		}
		link.with?.forEach((co, j) => {
			if (!nodeIds.has(co)) {
				problems.push({
					code: 'dangling',
					path: ['links', i, 'with', j],
					message: `no node has the id "${co}"`
				});
			} else if (co === link.from || co === link.to) {
				problems.push({
					code: 'co-premise',
					path: ['links', i, 'with', j],
					message: `"${co}" is already the link's ${co === link.from ? 'reason' : 'conclusion'}`
				});
			}
		});
		if (link.with && new Set(link.with).size !== link.with.length) {
			problems.push({
				code: 'co-premise',
				path: ['links', i, 'with'],
				message: 'lists the same co-premise twice'
			});
		}
		if (link.with && link.relation === 'undercuts') {
			problems.push({
				code: 'co-premise',
				path: ['links', i, 'with'],
				message: 'an undercut takes no co-premises'
			});
		}
	});

	// Two links between the same statements would count one reason twice.
	const pairs = new Map<string, number>();
	map.links.forEach((link, i) => {
		const key = `${link.from}\u0000${link.to}`;
		const first = pairs.get(key);
		if (first === undefined) pairs.set(key, i);
		else
			problems.push({
				code: 'duplicate-link',
				path: ['links', i],
				message: `links[${first}] already links "${link.from}" to "${link.to}"`
			});
	});

	// Stated or inferred is a question about the text's own argument; a reader's item is neither.
	const readerInText = (item: { origin: string; inText?: string }) =>
		item.origin === 'reader' && item.inText !== undefined;
	map.nodes.forEach((node, i) => {
		if (readerInText(node))
			problems.push({
				code: 'in-text',
				path: ['nodes', i, 'inText'],
				message: `"${node.id}" is the reader's own, so the text neither states nor implies it: remove "inText" or make it a source statement`
			});
	});
	map.links.forEach((link, i) => {
		if (readerInText(link))
			problems.push({
				code: 'in-text',
				path: ['links', i, 'inText'],
				message: `"${link.id}" is the reader's own link, so the text neither states nor implies it: remove "inText" or make it a source link`
			});
	});

	const theses = map.nodes.flatMap((n, i) => (n.kind === 'thesis' ? [i] : []));
	if (theses.length !== 1) {
		problems.push({
			code: 'thesis-count',
			path: theses.length ? ['nodes', theses[1]!, 'kind'] : ['nodes'],
			message: theses.length
				? `a map has exactly one thesis; found ${theses.length} (nodes ${theses.map((i) => `[${i}]`).join(', ')})`
				: 'a map has exactly one thesis; found none'
		});
	}
	return problems;
}
