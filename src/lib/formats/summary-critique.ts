/**
 * The critique in the critical summary: the objections (the author's anticipated ones and the
 * readers'), how each fares after its answers, and what the text states against what the
 * reconstruction infers.
 */
import { type Status } from '../model/evaluate';
import { isPlaceholder } from '../model/queries';
import type { MapLink, MapNode } from '../model/schema';
import { mdText } from './outline';
import {
	lowerFirst,
	manySentences,
	sentence,
	list,
	inferred,
	byWhom,
	figures,
	type Ctx,
	clause,
	says,
	cap,
	count,
	live,
	named
} from './summary-words';

/** An attack on an objection (a rebuttal), told with the objection. */
export function isAnswer(ctx: Ctx, l: MapLink): boolean {
	return (ctx.index.outgoing.get(l.to) ?? []).some((o) => o.relation !== 'supports');
}

/** How an objection fares on the map, after what it says and its answers. */
function fate(
	relation: MapLink['relation'],
	status: Status,
	steps: Status[],
	answered: boolean,
	/** What its standing does, to end "It stands, so …": "*A* no longer counts towards *B*". */
	so: string
): string {
	if (status === 'defeated')
		return answered
			? 'The answer holds, so the objection is met and does no harm.'
			: 'It is rejected on this map, so it does no harm.';
	if (status === 'unestablished')
		return answered
			? 'The answer leaves it without support, so it does no harm yet.'
			: 'It is not established, so it does no harm yet.';
	if (status === 'open' || steps.includes('open')) return 'Whether it stands is still open.';
	if (steps.every((s) => s === 'holds')) return so ? `It stands, so ${so}.` : 'It stands.';
	return 'It holds, but it is itself undercut, so it does no harm.';
}

/**
 * Every objection and undercut on the map, one paragraph per objecting statement (an undercut
 * aimed at several steps is told once), with what it targets, its answers and how it fares: the
 * author's (those the text takes up) first, then the readers'.
 */
export function objections(ctx: Ctx): { author: string[]; reader: string[] } {
	const byNode = new Map<string, MapLink[]>();
	for (const l of ctx.map.links) {
		if (l.relation === 'supports' || !live(ctx)(l)) continue;
		if (l.relation === 'attacks' && isAnswer(ctx, l)) continue;
		byNode.set(l.from, [...(byNode.get(l.from) ?? []), l]);
	}
	/** "that A and B show C", or "that A shows C or that B shows D": what an undercut denies. */
	const denied = (links: MapLink[]) => {
		const steps = links.flatMap((l) => ctx.index.link.get(l.to) ?? []);
		const ends = [...new Set(steps.map((x) => x.to))];
		return ends
			.map((to) => {
				const from = steps.filter((x) => x.to === to).map((x) => named(ctx, x.from));
				return `that ${list(from)} ${from.length === 1 ? 'shows' : 'show'} ${named(ctx, to)}`;
			})
			.join(' or ');
	};
	/** An objection's own words, after what introduces them: ": …" for several sentences. */
	const words = (n: MapNode) =>
		manySentences(n.text)
			? says(ctx, n)
			: `: ${lowerFirst(mdText(n.text).replace(/[.]+$/, ''), ctx.names)}${figures(n)}.`;
	const out = { author: [] as string[], reader: [] as string[] };
	for (const [id, links] of byNode) {
		const n = ctx.index.node.get(id)!;
		const relation = links[0]!.relation;
		const label = n.label ? `**${sentence(mdText(n.label))}** ` : '';
		const mine = n.origin === 'source';
		const who = mine ? 'The author' : cap(byWhom(n));
		let opening: string;
		if (relation === 'undercuts')
			opening = `${who} does not dispute what ${links.length === 1 ? 'the step starts' : 'these steps start'} from, but denies ${denied(links)}${words(n)}`;
		else {
			const targets = list(links.map((l) => named(ctx, l.to)));
			opening = mine
				? `The author anticipates an objection to ${targets}${words(n)}`
				: `${who} objects to ${targets}${words(n)}`;
		}
		const parts = [`${label}${opening}`];
		const answers = (ctx.index.incoming.get(id) ?? []).filter(
			(a) => a.relation === 'attacks' && live(ctx)(a)
		);
		for (const a of answers) {
			const r = ctx.index.node.get(a.from)!;
			parts.push(
				`${r.origin === 'source' ? 'The author answers' : `${cap(byWhom(r))} answers`}${says(ctx, r)}`
			);
		}
		const status = ctx.evaluation.nodes.get(id)?.status ?? 'open';
		const steps = links.map((l) => ctx.evaluation.links.get(l.id)?.status ?? 'open');
		let so = '';
		if (relation === 'undercuts') {
			const under = ctx.index.link.get(links[0]!.to);
			so =
				links.length === 1 && under
					? `${named(ctx, under.from)} no longer counts towards ${named(ctx, under.to)}`
					: `those ${count(links.length, 'step')} no longer count`;
		} else {
			const fell = links.filter((l) => ctx.evaluation.nodes.get(l.to)?.status === 'defeated');
			if (fell.length === links.length)
				so = `${list(fell.map((l) => named(ctx, l.to)))} ${fell.length === 1 ? 'falls' : 'fall'}`;
		}
		parts.push(fate(relation, status, steps, answers.length > 0, so));
		out[mine ? 'author' : 'reader'].push(parts.join(' '));
	}
	return out;
}

/** What the text states and what the reconstruction infers, counted over the source's items. */
export function statedInferred(ctx: Ctx): string | undefined {
	const nodes = ctx.map.nodes.filter((n) => n.origin === 'source' && !isPlaceholder(n));
	const links = ctx.map.links.filter((l) => l.origin === 'source');
	if (!nodes.length) return undefined;
	const inferredNodes = nodes.filter(inferred);
	const inferredLinks = links.filter(inferred);
	const parts = [
		`Of the ${count(nodes.length, 'statement')} taken from the text, ${inferredNodes.length ? `the text states ${nodes.length - inferredNodes.length} and the reader infers ${inferredNodes.length}` : 'the text states every one'}; of the ${count(links.length, 'link')} between them, ${inferredLinks.length ? `the text makes ${links.length - inferredLinks.length} itself and the reader infers ${inferredLinks.length}` : 'the text makes every one itself'}.`
	];
	if (inferredLinks.length)
		parts.push(
			'An inferred link is a step the argument needs but the text does not spell out: that is where a critical reading can press.'
		);
	const hidden = nodes.filter((n) => n.kind === 'assumption');
	if (hidden.length)
		parts.push(
			`The argument also needs ${hidden.length === 1 ? 'an assumption' : 'assumptions'} the text does not state: ${list(hidden.map((n) => `that ${clause(ctx, n.text)}`))}.`
		);
	const readerItems = ctx.map.nodes.filter((n) => n.origin === 'reader').length;
	if (readerItems)
		parts.push(
			readerItems === 1
				? 'The one other statement on the map is the reader’s own critique, not the text.'
				: `The other ${count(readerItems, 'statement')} on the map are the reader’s own critique, not the text.`
		);
	return parts.join(' ');
}

/** Who wrote the critique on the map, if anyone. */
