/**
 * A critical summary to write from: the map in Markdown prose a student can start an essay
 * with. The thesis in the reader's words, each reason with its evidence and figures, what the
 * text states and what the reconstruction infers, the objections and how they fare (the
 * statuses of model/evaluate.ts), and what follows (model/follows.ts). Sentences, not an
 * outline: the outline is its own export.
 *
 * Prints only; pure.
 */
import { STATUS_WORDS, evaluate, type Evaluation, type Status } from '../model/evaluate';
import { thesisSummary, type ThesisReason } from '../model/follows';
import {
	displayName,
	formatFigure,
	inTextOf,
	indexMap,
	isPlaceholder,
	type MapIndex
} from '../model/queries';
import type { ArgumentMap, MapLink, MapNode } from '../model/schema';
import { mdText } from './outline';

export { mdText };

/**
 * Lower-cases a statement's first letter when the statement becomes a clause, unless its first
 * word is a name: an acronym, or a word the map's texts capitalise in mid-sentence ("Promoting
 * …" → "promoting …", "Japan …" and "UN …" stay).
 */
function lowerFirst(text: string, names: ReadonlySet<string>): string {
	const word = text.match(/^[\p{L}’']+/u)?.[0];
	if (!word || (word.length > 1 && word === word.toUpperCase()) || names.has(word)) return text;
	return text[0]!.toLowerCase() + text.slice(1);
}

/** The capitalised words the map's texts use in mid-sentence: names. */
function namesIn(map: ArgumentMap): Set<string> {
	const names = new Set<string>();
	for (const n of map.nodes)
		for (const m of n.text.matchAll(/(?<![.!?:;]["”’)]?)\s[“"(]?(\p{Lu}[\p{L}’']*)/gu))
			names.add(m[1]!);
	return names;
}

/** True for a text of more than one sentence, which reads badly as a "that" clause. */
const manySentences = (text: string) => /[.!?;:]["”’)]?\s+\p{Lu}/u.test(text.trim());

/** A text as a sentence of its own: with a closing stop. */
function sentence(text: string): string {
	const t = text.trim();
	return /[.!?…]["”’)]?$/.test(t) ? t : `${t}.`;
}

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];
const ordinal = (i: number) => ORDINAL[i] ?? `${i + 1}th`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "A, B and C". */
function list(items: string[]): string {
	return items.length <= 1
		? (items[0] ?? '')
		: `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A status as the end of a sentence: "holds", "is not established", "is defeated", "is open". */
function statusPhrase(status: Status): string {
	return status === 'holds' ? 'holds' : `is ${STATUS_WORDS[status]}`;
}

const inferred = (item: { origin: MapNode['origin']; inText?: MapNode['inText'] }) =>
	inTextOf(item) === 'inferred';

/** Who puts an item on the map: the text, or a named reader. */
function byWhom(item: { origin: MapNode['origin']; author?: string }): string {
	return item.origin === 'reader'
		? item.author
			? `${mdText(item.author)} (a reader)`
			: 'a reader'
		: 'the author';
}

function figures(n: MapNode): string {
	return n.figures?.length ? ` (${n.figures.map((f) => mdText(formatFigure(f))).join('; ')})` : '';
}

interface Ctx {
	map: ArgumentMap;
	index: MapIndex;
	evaluation: Evaluation;
	name: (id: string) => string;
	names: ReadonlySet<string>;
}

/** A statement as a clause after "that", its closing stop dropped (see lowerFirst). */
function clause(ctx: Ctx, text: string): string {
	const t = mdText(text).replace(/[.。]+$/, '');
	return lowerFirst(t, ctx.names).replace(/^that\s+/, '');
}

/**
 * What a statement says, to end a sentence that introduces it: " that …." for one sentence,
 * ": ….". for several, with its figures.
 */
function says(ctx: Ctx, n: MapNode): string {
	if (manySentences(n.text))
		return `: ${sentence(mdText(n.text).replace(/[.]$/, '') + figures(n))}`;
	return ` that ${clause(ctx, n.text)}${figures(n)}.`;
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

const live = (ctx: Ctx) => (l: MapLink) => {
	const n = ctx.index.node.get(l.from);
	return !!n && !isPlaceholder(n);
};

/** The supports into a statement: evidence (with evidence co-premises), further claims, assumptions. */
function supportsOf(ctx: Ctx, id: string) {
	const supports = (ctx.index.incoming.get(id) ?? [])
		.filter((l) => l.relation === 'supports')
		.filter(live(ctx));
	const node = (x: string) => ctx.index.node.get(x);
	const co = supports
		.flatMap((l) => (l.with ?? []).map((w) => ({ id: w, link: l })))
		.filter((c, i, all) => all.findIndex((d) => d.id === c.id) === i)
		.filter((c) => node(c.id) && !isPlaceholder(node(c.id)!));
	const evidence = [
		...supports
			.filter((l) => node(l.from)!.kind === 'evidence')
			.map((l) => ({ id: l.from, link: l })),
		...co.filter((c) => node(c.id)!.kind === 'evidence')
	];
	const claims = supports.filter((l) => !['evidence', 'assumption'].includes(node(l.from)!.kind));
	const assumptions = [
		...supports.filter((l) => node(l.from)!.kind === 'assumption').map((l) => node(l.from)!),
		...co.filter((c) => node(c.id)!.kind !== 'evidence').map((c) => node(c.id)!)
	];
	return { evidence, claims, assumptions };
}

/** One paragraph on a reason: what it says, what it rests on, what the text gives, how it fares. */
function reasonParagraph(ctx: Ctx, r: ThesisReason, i: number, count: number): string {
	const node = ctx.index.node.get(r.id)!;
	const link = ctx.index.link.get(r.link)!;
	const label = node.label ? `**${mdText(node.label)}.** ` : '';
	const whose =
		node.origin === 'reader'
			? `${cap(byWhom(node))} adds the reason`
			: count === 1
				? 'The author’s reason is'
				: `The author’s ${ordinal(i)} reason is`;
	const parts: string[] = [`${label}${whose}${says(ctx, node)}`];
	if (node.origin === 'source')
		parts.push(
			inferred(node)
				? 'The text does not say this in so many words: the reconstruction infers it.'
				: inferred(link)
					? 'The text states it, but the reconstruction infers that it is offered for the thesis.'
					: 'The text states it as a reason for the thesis.'
		);
	const { evidence, claims, assumptions } = supportsOf(ctx, r.id);
	if (evidence.length) {
		const items = evidence.map(({ id }) => {
			const e = ctx.index.node.get(id)!;
			const by = e.origin === 'reader' ? ` (added by ${byWhom(e)})` : '';
			return manySentences(e.text)
				? `“${mdText(e.text).replace(/[.]$/, '')}”${figures(e)}${by}`
				: `that ${clause(ctx, e.text)}${figures(e)}${by}`;
		});
		parts.push(
			evidence.length === 1
				? `The evidence for it: ${items[0]}.`
				: `It rests on ${plural(evidence.length, 'piece')} of evidence: ${list(items)}.`
		);
		const stated = evidence.filter(({ link }) => !inferred(link)).length;
		if (stated < evidence.length && evidence.some(({ link }) => link.origin === 'source'))
			parts.push(
				stated
					? `The text itself ties ${stated} of ${plural(evidence.length, 'piece')} of this evidence to the reason; the rest is tied by the reconstruction or a reader.`
					: 'The text never ties this evidence to the reason: the reconstruction does.'
			);
	} else if (!claims.length) parts.push('No evidence is given for it.');
	for (const c of claims) {
		const n = ctx.index.node.get(c.from)!;
		const how = inferred(c) || inferred(n) ? ' (an inference of the reconstruction)' : '';
		parts.push(`It leans in turn on a further claim${how}${says(ctx, n)}`);
	}
	if (assumptions.length)
		parts.push(
			`It takes for granted ${list(assumptions.map((a) => `that ${clause(ctx, a.text)}`))}${assumptions.every((a) => a.origin === 'source' && a.kind === 'assumption') ? ', which the text leaves unstated' : ''}.`
		);
	parts.push(
		r.carries
			? `On the map it ${statusPhrase(r.status)} and carries the thesis.`
			: `On the map it ${statusPhrase(r.status)} and does not carry the thesis: ${clause(ctx, r.stepReason)}.`
	);
	return parts.join(' ');
}

/** An attack on an objection (a rebuttal), told with the objection. */
function isAnswer(ctx: Ctx, l: MapLink): boolean {
	return (ctx.index.outgoing.get(l.to) ?? []).some((o) => o.relation !== 'supports');
}

function fate(relation: MapLink['relation'], status: Status, steps: Status[]): string {
	const what =
		relation === 'undercuts'
			? `the ${steps.length === 1 ? 'step' : 'steps'} it attacks no longer ${steps.length === 1 ? 'carries' : 'carry'}`
			: 'it counts against what it attacks';
	if (status === 'defeated') return 'It is itself shown false, so it does no harm.';
	if (status === 'unestablished') return 'It is not established, so it does no harm yet.';
	if (status === 'open' || steps.includes('open')) return 'Whether it stands is still open.';
	if (steps.every((s) => s === 'holds')) return `It stands: ${what}.`;
	return 'It holds, but its step does not: it does no harm.';
}

/**
 * Every objection and undercut on the map, one paragraph per objecting statement (an undercut
 * aimed at several steps is told once), with what it targets, its answers and how it fares.
 */
function objections(ctx: Ctx): string[] {
	const byNode = new Map<string, MapLink[]>();
	for (const l of ctx.map.links) {
		if (l.relation === 'supports' || !live(ctx)(l)) continue;
		if (l.relation === 'attacks' && isAnswer(ctx, l)) continue;
		byNode.set(l.from, [...(byNode.get(l.from) ?? []), l]);
	}
	const target = (l: MapLink) => {
		if (l.relation === 'attacks')
			return ctx.index.node.get(l.to)?.kind === 'thesis' ? 'the thesis' : mdText(ctx.name(l.to));
		const under = ctx.index.link.get(l.to);
		return under ? `from *${mdText(ctx.name(under.from))}* to *${mdText(ctx.name(under.to))}*` : '';
	};
	const out: string[] = [];
	for (const [id, links] of byNode) {
		const n = ctx.index.node.get(id)!;
		const relation = links[0]!.relation;
		const who =
			n.origin === 'source' ? 'The author anticipates an objection' : `${cap(byWhom(n))} objects`;
		const targets = list(links.map(target));
		const to =
			relation === 'undercuts'
				? `to the ${links.length === 1 ? 'step' : 'steps'} ${targets}`
				: `to ${targets}`;
		const name = n.label ? ` (“${mdText(n.label)}”)` : '';
		const parts = [`${who}${name} ${to}${says(ctx, n)}`];
		for (const a of (ctx.index.incoming.get(id) ?? []).filter(
			(a) => a.relation === 'attacks' && live(ctx)(a)
		)) {
			const r = ctx.index.node.get(a.from)!;
			const status = ctx.evaluation.nodes.get(r.id)?.status ?? 'open';
			parts.push(
				`${r.origin === 'source' ? 'The author answers' : `${cap(byWhom(r))} answers`}${says(ctx, r)} The answer ${statusPhrase(status)}.`
			);
		}
		const status = ctx.evaluation.nodes.get(id)?.status ?? 'open';
		const steps = links.map((l) => ctx.evaluation.links.get(l.id)?.status ?? 'open');
		parts.push(fate(relation, status, steps));
		out.push(parts.join(' '));
	}
	return out;
}

/** What the text states and what the reconstruction adds, counted over the source's items. */
function statedInferred(ctx: Ctx): string | undefined {
	const nodes = ctx.map.nodes.filter((n) => n.origin === 'source' && !isPlaceholder(n));
	const links = ctx.map.links.filter((l) => l.origin === 'source');
	if (!nodes.length) return undefined;
	const inferredNodes = nodes.filter(inferred);
	const inferredLinks = links.filter(inferred);
	const parts = [
		`Of the text’s ${plural(nodes.length, 'statement')} on the map, the text states ${nodes.length - inferredNodes.length}${inferredNodes.length ? ` and the reconstruction infers ${inferredNodes.length}` : ''}; of the ${plural(links.length, 'link')} between them, the text states ${links.length - inferredLinks.length}${inferredLinks.length ? ` and the reconstruction infers ${inferredLinks.length}` : ''}.`
	];
	const hidden = nodes.filter((n) => n.kind === 'assumption');
	if (hidden.length)
		parts.push(
			`The argument needs ${hidden.length === 1 ? 'an assumption' : 'assumptions'} the text does not state: ${list(hidden.map((n) => `that ${clause(ctx, n.text)}`))}.`
		);
	const readerItems = ctx.map.nodes.filter((n) => n.origin === 'reader').length;
	if (readerItems)
		parts.push(
			`The ${plural(readerItems, 'statement')} a reader added (objections, evidence, assumptions) are the critique, not the text.`
		);
	return parts.join(' ');
}

/** Who wrote the critique on the map, if anyone. */
function readers(map: ArgumentMap): string[] {
	const names = map.nodes.filter((n) => n.origin === 'reader').map((n) => n.author ?? 'a reader');
	return names.filter((n, i) => names.indexOf(n) === i);
}

/**
 * The critical summary of a map, in Markdown.
 * @example print(map) // "# Critical summary: …\n\n## The thesis\n\nThe author argues that …"
 */
export function print(map: ArgumentMap, evaluation: Evaluation = evaluate(map)): string {
	const index = indexMap(map);
	const ctx: Ctx = {
		map,
		index,
		evaluation,
		name: (id) => displayName(index.node.get(id), id, 48),
		names: namesIn(map)
	};
	const title = map.title ?? map.source?.title ?? 'Argument map';
	const out: string[] = [`# Critical summary: ${mdText(title)}`];
	const src = map.source;
	if (src) {
		const by = [src.author, src.publication, src.date].filter(Boolean).map((s) => mdText(s!));
		out.push(
			`*A reading of “${mdText(src.title)}”${by.length ? `, ${by.join(', ')}` : ''}.*${src.url ? ` <${src.url}>` : ''}`
		);
	}
	const summary = thesisSummary(map, evaluation, index);
	const thesis = index.thesis;
	out.push('## The thesis');
	if (!thesis || !summary) {
		out.push('The map has no thesis yet, so there is no argument to summarise.');
		return out.join('\n\n') + '\n';
	}
	const who = readers(map);
	out.push(
		[
			`The author argues${says(ctx, thesis)}`,
			summary.reasons.length
				? `The map gives ${plural(summary.reasons.length, 'reason')} for it.`
				: 'The map gives no reason for it.',
			who.length ? `The critique on this map is by ${list(who.map(mdText))}.` : '',
			`On the map the thesis ${statusPhrase(summary.status)}.`
		]
			.filter(Boolean)
			.join(' ')
	);
	if (summary.reasons.length) {
		out.push('## The reasons');
		summary.reasons.forEach((r, i) => out.push(reasonParagraph(ctx, r, i, summary.reasons.length)));
	}
	const stated = statedInferred(ctx);
	if (stated) out.push('## What the text states and what is inferred', stated);
	const objs = objections(ctx);
	out.push('## Objections and how they fare');
	out.push(...(objs.length ? objs : ['Nobody has raised an objection on this map yet.']));
	out.push('## What follows');
	const carried = summary.reasons.filter((r) => r.carries).length;
	out.push(
		[
			sentence(summary.sentence),
			summary.reasons.length
				? `${carried} of the ${plural(summary.reasons.length, 'reason')} still ${carried === 1 ? 'carries' : 'carry'} the thesis.`
				: '',
			summary.standingObjections.length
				? `${plural(summary.standingObjections.length, 'objection')} to the thesis ${summary.standingObjections.length === 1 ? 'stands' : 'stand'}: ${list(summary.standingObjections.map((id) => mdText(ctx.name(id))))}.`
				: 'No objection to the thesis itself stands.'
		]
			.filter(Boolean)
			.join(' ')
	);
	return out.join('\n\n') + '\n';
}
