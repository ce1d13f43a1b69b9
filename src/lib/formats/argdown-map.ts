/**
 * An Argdown file as @argdown/core reads it (argdown-core.ts), as a Warrant map, with notes for
 * what has no counterpart; the mapping is said in argdown.ts and docs/formats.md.
 */
import { slugify, isSlug } from '../model/ids';
import type { Problem, ProblemCode } from '../model/problems';
import {
	CURRENT_VERSION,
	FORMAT,
	type ArgumentMap,
	type MapLink,
	type MapNode
} from '../model/schema';
import type { Relation, Response } from './argdown-core';
import {
	KEY,
	frontMatterOf,
	isRecord,
	visible,
	type LinkRecord,
	type NodeData
} from './argdown-data';
import { cut, Ids } from './imported';
import { chooseThesis } from './thesis';

/** A statement's text without the `#tags` Argdown found in it. */
function withoutTags(text: string, tags: readonly string[]): string {
	let out = text;
	for (const t of tags) {
		const words = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		out = out.replace(new RegExp(`#\\(${words}\\)|#${words}(?![\\w-])`, 'g'), '');
	}
	return out.replace(/\s+/g, ' ').trim();
}

const MAX_TEXT = 2000;

/** Builds the map from @argdown/core's model, with notes for what has no counterpart. */
export function build(r: Response, useWarrant: boolean, notes: Problem[]): ArgumentMap | undefined {
	const note = (code: ProblemCode, message: string, line?: number) =>
		notes.push({ code, path: [], message, ...(line ? { line } : {}) });
	const front = useWarrant ? frontMatterOf(r.frontMatter) : undefined;
	const ids = new Ids();
	const nodes: MapNode[] = [];
	/** Argdown statement title → node; argument title → node (arguments without structure). */
	const statementNode = new Map<string, MapNode>();
	const argumentNode = new Map<string, MapNode>();
	const against = new Map<string, string>(); // helper statement title → attacking argument title

	for (const s of Object.values(r.statements ?? {})) {
		const own = isRecord(s.data?.[KEY]) ? (s.data![KEY] as Record<string, unknown>) : undefined;
		// The statement an attacking argument concludes is marked so even in plain text.
		if (own && typeof own.against === 'string') {
			against.set(s.title, own.against);
			continue;
		}
		const data = useWarrant ? own : undefined;
		const member = s.members.find((m) => m.text?.trim());
		const shown = withoutTags(member?.text ?? '', s.tags ?? []);
		const { text: exact, tags: metaTags, ...fields } = (data ?? {}) as NodeData;
		const text =
			typeof exact === 'string' && visible(exact) === shown
				? exact
				: cut(shown || s.title, MAX_TEXT);
		const tags = (s.tags ?? []).map((t) => slugify(t, 64)).filter(Boolean);
		const node = {
			...(data ? fields : { kind: 'claim', origin: 'source', inText: 'stated' }),
			id: ids.fresh(s.title, 'statement'),
			text,
			...(tags.length
				? { tags: [...new Set(tags)].slice(0, 20) }
				: metaTags
					? { tags: metaTags }
					: {})
		} as MapNode;
		if (!data && !isSlug(s.title) && !/^Untitled \d+$/.test(s.title)) node.label = cut(s.title, 60);
		nodes.push(node);
		statementNode.set(s.title, node);
	}

	const records = new Map<string, LinkRecord>();
	for (const rec of front?.links ?? []) records.set(`${rec[1]}\u0000${rec[2]}\u0000${rec[3]}`, rec);
	const recordIds = new Map((front?.links ?? []).map((rec) => [rec[0], rec]));
	const links: MapLink[] = [];
	const pairs = new Set<string>();
	/** The link each inference of an argument became, by argument title and conclusion index. */
	const inferenceLink = new Map<string, MapLink>();
	const argumentMain = new Map<string, MapLink>();

	const add = (
		relation: MapLink['relation'],
		from: MapNode[],
		to: string,
		idHint: string | undefined,
		where: string
	): MapLink | undefined => {
		const [reason, ...rest] = from;
		if (!reason) return undefined;
		if (reason.id === to || rest.some((p) => p.id === to)) {
			note(
				'self-link',
				`${where}: "${to}" cannot ${relation === 'supports' ? 'support' : 'attack'} itself; left out`
			);
			return undefined;
		}
		const pair = `${reason.id}\u0000${to}`;
		if (pairs.has(pair)) {
			note(
				'duplicate-link',
				`${where}: "${reason.id}" is already linked to "${to}"; Warrant keeps one link between two statements`
			);
			return undefined;
		}
		const rec =
			(idHint !== undefined ? recordIds.get(idHint) : undefined) ??
			records.get(`${relation}\u0000${reason.id}\u0000${to}`);
		const data = rec?.[4] ?? (front ? {} : { origin: 'source', inText: 'stated' });
		const link = {
			...(rec ? data : { origin: 'source', inText: 'stated' }),
			id: ids.fresh(rec?.[0] ?? idHint ?? `${reason.id} ${relation} ${to}`, 'link'),
			from: reason.id,
			to,
			relation,
			...(rest.length ? { with: rest.map((p) => p.id) } : {})
		} as MapLink;
		pairs.add(pair);
		links.push(link);
		return link;
	};

	// Arguments: with a premise–conclusion structure, one link per inference; without, a statement.
	for (const a of Object.values(r.arguments ?? {})) {
		if (!a.pcs?.length) {
			const description = a.members.map((m) => m.text?.trim()).find(Boolean);
			const node: MapNode = {
				id: ids.fresh(a.title, 'argument'),
				kind: 'claim',
				label: cut(a.title, 60),
				text: cut(withoutTags(description ?? a.title, a.tags ?? []) || a.title, MAX_TEXT),
				origin: 'source',
				inText: 'stated'
			};
			nodes.push(node);
			argumentNode.set(a.title, node);
			continue;
		}
		let premises: MapNode[] = [];
		a.pcs.forEach((item, i) => {
			const isConclusion = item.role !== 'premise';
			if (!isConclusion) {
				const n = statementNode.get(item.title);
				if (n) premises.push(n);
				return;
			}
			const attacked = against.get(item.title);
			const main = item.role === 'main-conclusion';
			const where = `argument <${a.title}>`;
			let link: MapLink | undefined;
			if (attacked !== undefined) {
				const target = (r.relations ?? []).find(
					(x) => x.from.title === item.title && x.relationType === 'attack'
				)?.to.title;
				const to = target && statementNode.get(target);
				if (to) link = add('attacks', premises, to.id, main ? a.title : undefined, where);
			} else {
				const to = statementNode.get(item.title);
				if (to)
					link = add(
						'supports',
						premises,
						to.id,
						main ? a.title : `${a.title} step ${i + 1}`,
						where
					);
			}
			if (link) {
				inferenceLink.set(`${a.title}\u0000${i}`, link);
				if (main) argumentMain.set(a.title, link);
			}
			// The next inference starts from this conclusion.
			premises = statementNode.get(item.title) ? [statementNode.get(item.title)!] : [];
		});
	}

	/** The node an end of a relation stands for: a statement, an argument's conclusion, or an argument. */
	const endNode = (end: Relation['from']): MapNode | undefined => {
		if (end.type === 'equivalence-class') return statementNode.get(end.title ?? '');
		if (end.type === 'argument') {
			const main = argumentMain.get(end.title ?? '');
			if (!main) return argumentNode.get(end.title ?? '');
			return main.relation === 'supports' ? nodes.find((n) => n.id === main.to) : undefined;
		}
		return undefined;
	};

	const undercuts: { from: MapNode; x: Relation; where: string }[] = [];
	for (const x of r.relations ?? []) {
		if (x.from.type === 'equivalence-class' && against.has(x.from.title ?? '')) continue;
		const main = x.from.type === 'argument' ? argumentMain.get(x.from.title ?? '') : undefined;
		// The argument's own inference, said again as a relation of the argument.
		if (main && (endNode(x.to)?.id === main.to || x.to.title === main.to)) continue;
		const from = endNode(x.from);
		const where = `the ${x.relationType} from "${x.from.title ?? '?'}"`;
		if (!from) {
			note('unsupported', `${where}: it starts from nothing the map has; left out`);
			continue;
		}
		if (x.relationType === 'undercut') {
			undercuts.push({ from, x, where });
			continue;
		}
		// Support of or attack on an argument with structure: on its main conclusion.
		const to =
			x.to.type === 'argument' && !argumentMain.has(x.to.title ?? '')
				? argumentNode.get(x.to.title ?? '')
				: endNode(x.to);
		if (!to) {
			note(
				'unsupported',
				`${where} to "${x.to.title ?? '?'}": the map has nothing to link it to; left out`
			);
			continue;
		}
		if (x.relationType === 'support' || x.relationType === 'entails')
			add('supports', [from], to.id, undefined, where);
		else if (x.relationType === 'attack' || x.relationType === 'contrary')
			add('attacks', [from], to.id, undefined, where);
		else if (x.relationType === 'contradictory') {
			add('attacks', [from], to.id, undefined, where);
			add('attacks', [to], from.id, undefined, where);
		} else
			note(
				'unsupported',
				`${where}: the relation "${x.relationType}" has no counterpart in a map; left out`
			);
	}

	// Undercuts last: an argument without structure is a statement, and its inferences are the
	// links from it, made above.
	for (const { from, x, where } of undercuts) {
		const target =
			x.to.type === 'inference'
				? (inferenceLink.get(`${x.to.argumentTitle}\u0000${x.to.conclusionIndex}`) ??
					argumentMain.get(x.to.argumentTitle ?? ''))
				: argumentMain.get(x.to.title ?? '');
		const node = target ? undefined : argumentNode.get(x.to.title ?? '');
		const targets = target
			? [target]
			: links.filter((l) => l.from === node?.id && l.relation !== 'undercuts');
		if (!targets.length) {
			if (node) {
				note(
					'unsupported',
					`${where} undercuts an argument that concludes nothing; read as an attack on it`
				);
				add('attacks', [from], node.id, undefined, where);
			} else
				note(
					'unsupported',
					`${where} to "${x.to.title ?? '?'}": a map undercuts a step of reasoning (an argument or its inference), not a statement; left out`
				);
			continue;
		}
		for (const t of targets) {
			const pair = `${from.id}\u0000${t.id}`;
			if (pairs.has(pair)) continue;
			const rec = records.get(`undercuts\u0000${from.id}\u0000${t.id}`);
			pairs.add(pair);
			links.push({
				...((rec?.[4] as object | undefined) ??
					(rec ? {} : { origin: 'source', inText: 'stated' })),
				id: ids.fresh(rec?.[0] ?? `${from.id} undercuts ${t.id}`, 'undercut'),
				from: from.id,
				to: t.id,
				relation: 'undercuts'
			} as MapLink);
		}
	}

	// Undercuts of undercuts live only in the front matter.
	if (front)
		for (const [id, relation, fromId, toId, data] of front.links) {
			if (relation !== 'undercuts' || links.some((l) => l.id === id)) continue;
			const target = links.find((l) => l.id === toId);
			if (!target || !nodes.some((n) => n.id === fromId) || pairs.has(`${fromId}\u0000${toId}`))
				continue;
			ids.fresh(id, 'undercut');
			pairs.add(`${fromId}\u0000${toId}`);
			links.push({ ...(data ?? {}), id, from: fromId, to: toId, relation: 'undercuts' } as MapLink);
		}

	if (!nodes.length) return undefined;
	// The map's own order where the front matter gives it; what is new follows.
	if (front) {
		const rank = (order: string[]) => {
			const at = new Map(order.map((id, i) => [id, i]));
			return (a: { id: string }, b: { id: string }) =>
				(at.get(a.id) ?? Infinity) - (at.get(b.id) ?? Infinity);
		};
		nodes.sort(rank(front.nodes));
		links.sort(rank(front.links.map((l) => l[0])));
	}
	const theses = nodes.filter((n) => n.kind === 'thesis');
	if (theses.length !== 1) {
		for (const n of theses) n.kind = 'claim';
		chooseThesis(nodes, links, nodes).kind = 'thesis';
	}
	const title = typeof r.frontMatter?.title === 'string' ? r.frontMatter.title.trim() : '';
	const thesis = nodes.find((n) => n.kind === 'thesis')!;
	return {
		format: FORMAT,
		version: front && Number.isInteger(front.version) ? front.version : CURRENT_VERSION,
		...(front?.map ?? { source: { title: cut(title || thesis.text, 300) } }),
		nodes,
		links
	} as ArgumentMap;
}
