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
import { thesisSummary, type ThesisReason, type ThesisSummary } from '../model/follows';
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

/**
 * The capitalised words the map's texts use in mid-sentence, and never in lower case: names
 * ("Japan", "UN"). The first word of a run of capitalised words ("South Korea", "New Railway")
 * counts as a name too.
 */
/** Words that open a sentence before a name without being part of it ("After Westvale …"). */
const OPENERS = new Set(
	(
		'a an the this that these those some other others most many all each every both no not only ' +
		'even if although because since when while after before during under over through in on at ' +
		'by for with without from to of as like unlike its their our his her my your one two three'
	).split(' ')
);

function namesIn(map: ArgumentMap): Set<string> {
	const names = new Set<string>();
	const alone = new Set<string>();
	const lower = new Set<string>();
	const runs: [string, string][] = [];
	const word = (w: string | undefined) => w?.replace(/^[“"(]+|[”"),;:.!?]+$/g, '') ?? '';
	const capital = (w: string) => /^\p{Lu}/u.test(w);
	for (const n of map.nodes) {
		const words = n.text.split(/\s+/);
		words.forEach((raw, i) => {
			const w = word(raw);
			if (!w) return;
			if (!capital(w)) lower.add(w.split(/[’']/)[0]!);
			else if (i === 0 || /[.!?:;]["”’)]?$/.test(words[i - 1]!)) {
				const next = word(words[i + 1]);
				if (capital(next)) runs.push([w, next]);
			} else {
				names.add(w);
				if (!capital(word(words[i - 1]))) alone.add(w);
			}
		});
	}
	// "South Korea …", "New Railway …": a name of two words, whose second word never stands
	// alone ("Promoting Japanese …" is a verb before a name that does).
	for (const [first, second] of runs)
		if (!alone.has(second) && !OPENERS.has(first.toLowerCase()) && !/ing$/.test(first))
			names.add(first);
	for (const w of names) if (lower.has(w.toLowerCase())) names.delete(w);
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
	return item.origin === 'reader' ? (item.author ? mdText(item.author) : 'a reader') : 'the author';
}

/** The numbers a text writes out ("1,000", "2.6"), as numbers. */
function numbersIn(text: string): Set<number> {
	return new Set(
		[...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')))
	);
}

/**
 * A statement's figures in brackets, those its words do not already give: "(about 1,000 students)"
 * after a paraphrase without the number, nothing after "…a $210 million soft loan…".
 */
function figures(n: MapNode): string {
	const said = numbersIn(n.text);
	const given = (v: number) =>
		[1, 1e3, 1e6, 1e9].some((k) => said.has(Math.round((v / k) * 1e6) / 1e6));
	const left = (n.figures ?? []).filter(
		(f) => !given(f.value) || (f.year !== undefined && !said.has(f.year))
	);
	return left.length ? ` (${left.map((f) => mdText(formatFigure(f))).join('; ')})` : '';
}

interface Ctx {
	map: ArgumentMap;
	index: MapIndex;
	evaluation: Evaluation;
	name: (id: string) => string;
	names: ReadonlySet<string>;
	/** What has been said once already, to be said shortly the next time. */
	said: Set<string>;
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

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/** A count in words up to nine, in figures above: "three reasons", "24 statements". */
const count = (n: number, one: string, many = `${one}s`) =>
	`${NUMBER_WORDS[n] ?? n} ${n === 1 ? one : many}`;

const live = (ctx: Ctx) => (l: MapLink) => {
	const n = ctx.index.node.get(l.from);
	return !!n && !isPlaceholder(n);
};

/** A statement by its name, in italics: its label, else its first words. */
const named = (ctx: Ctx, id: string) =>
	ctx.index.node.get(id)?.kind === 'thesis' ? 'the thesis' : `*${mdText(ctx.name(id))}*`;

/** "that a, that b and that c", or with semicolons when an item has commas of its own. */
function thatList(items: string[]): string {
	if (items.length <= 1 || !items.some((i) => i.includes(','))) return list(items);
	return `${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}`;
}

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

/** The objections and undercuts among `ids`, by name: what took something down. */
const objectionsAmong = (ctx: Ctx, ids: string[]) =>
	ids.filter((id) =>
		(ctx.index.outgoing.get(id) ?? []).some((l) => l.from === id && l.relation !== 'supports')
	);

/**
 * Why a reason does not carry the thesis, in a sentence, or undefined when it does: a premise
 * of its step that fell (with what felled it), an undercut of the step, or the reason itself.
 */
function whyNot(ctx: Ctx, r: ThesisReason, told: Map<string, string>): string | undefined {
	if (r.carries) return undefined;
	const link = ctx.index.link.get(r.link)!;
	const status = (id: string) => ctx.evaluation.nodes.get(id)?.status ?? 'open';
	const fallen = (link.with ?? []).filter((p) => status(p) !== 'holds');
	if (fallen.length) {
		const p = fallen[0]!;
		const n = ctx.index.node.get(p)!;
		const by = objectionsAmong(ctx, ctx.evaluation.nodes.get(p)?.because ?? []);
		const what = n.kind === 'assumption' ? 'assumption' : 'premise';
		const first = told.get(p);
		const self = ctx.index.node.get(r.id)!;
		if (!first) told.set(p, self.label ? mdText(self.label) : 'the reason above');
		const fate =
			status(p) === 'open'
				? `That ${what} is still undecided, so whether the reason carries the thesis is open.`
				: `${by.length ? `${cap(list(by.map((b) => named(ctx, b))))} ${status(p) === 'defeated' ? (by.length === 1 ? 'defeats' : 'defeat') : by.length === 1 ? 'leaves unsupported' : 'leave unsupported'} that ${what}` : `That ${what} is ${STATUS_WORDS[status(p)]}`}, so the reason no longer carries the thesis.`;
		if (first)
			return `Like ${first}, it needs ${n.label ? named(ctx, p) : `the ${what} that ${clause(ctx, n.text)}`}, and falls with it.`;
		return `It needs ${n.label ? `${named(ctx, p)}, the ${what}` : `the ${what}`} that ${clause(ctx, n.text)}. ${fate}`;
	}
	const step = ctx.evaluation.links.get(r.link);
	if (step?.status === 'defeated') {
		const by = objectionsAmong(ctx, step.because);
		return `${list(by.map((b) => named(ctx, b)))} ${by.length === 1 ? 'undercuts' : 'undercut'} its step to the thesis, so it no longer carries it.`;
	}
	const because = ctx.evaluation.nodes.get(r.id)?.because ?? [];
	const by = objectionsAmong(ctx, because);
	const other = because.filter((b) => !by.includes(b) && ctx.index.node.has(b));
	if (r.status === 'open')
		return `Whether it holds is still open${other.length ? `: ${list(other.map((b) => named(ctx, b)))} ${other.length === 1 ? 'is' : 'are'} undecided` : ''}.`;
	const causes = [
		by.length
			? `${list(by.map((b) => named(ctx, b)))} ${by.length === 1 ? 'takes' : 'take'} away its support`
			: '',
		other.length
			? `${list(other.map((b) => named(ctx, b)))} ${other.length === 1 ? 'is' : 'are'} not established`
			: ''
	].filter(Boolean);
	return `On this map the reason itself is ${STATUS_WORDS[r.status]}${causes.length ? `: ${causes.join(', and ')}` : ''}.`;
}

/** One paragraph on a reason: what it says, its evidence and figures, stated or inferred, its fate. */
function reasonParagraph(
	ctx: Ctx,
	r: ThesisReason,
	i: number,
	told: Map<string, string>,
	assumed: Map<string, string>
): string {
	const node = ctx.index.node.get(r.id)!;
	const link = ctx.index.link.get(r.link)!;
	const label = node.label ? `**${sentence(mdText(node.label))}** ` : '';
	const whose =
		node.origin === 'reader' ? `${cap(byWhom(node))} adds a reason` : `The ${ordinal(i)} reason is`;
	const parts: string[] = [`${label}${whose}${says(ctx, node)}`];
	// Stated and inferred: said only where the reason is not simply stated and offered for the thesis.
	if (node.origin === 'source') {
		if (inferred(node))
			parts.push('The text does not say this in so many words: it is the reader’s inference.');
		else if (inferred(link))
			parts.push(
				'The text says this, but does not itself offer it for the thesis: that step is inferred.'
			);
	}
	const { evidence, claims, assumptions } = supportsOf(ctx, r.id);
	const authors = evidence.filter(({ id }) => ctx.index.node.get(id)!.origin !== 'reader');
	const readers = evidence.filter(({ id }) => ctx.index.node.get(id)!.origin === 'reader');
	if (authors.length) {
		const items = authors.map(({ id }) => {
			const e = ctx.index.node.get(id)!;
			return manySentences(e.text)
				? `“${mdText(e.text).replace(/[.]$/, '')}”${figures(e)}`
				: `that ${clause(ctx, e.text)}${figures(e)}`;
		});
		parts.push(
			authors.length === 1
				? `As evidence the author gives ${items[0]}.`
				: `As evidence the author gives ${count(authors.length, 'thing')}: ${thatList(items)}.`
		);
		const stated = authors.filter(({ link }) => !inferred(link)).length;
		if (stated < authors.length)
			parts.push(
				stated
					? `The text itself ties ${count(stated, 'of these', 'of these')} to the reason; the tie of the rest is inferred.`
					: ctx.said.has('untied')
						? `Here too the text gives the evidence without tying it to the reason.`
						: (ctx.said.add('untied'),
							`The text gives ${authors.length === 1 ? 'this evidence' : 'these facts'} without tying ${authors.length === 1 ? 'it' : 'them'} to the reason: the tie is inferred.`)
			);
	} else if (!claims.length && node.origin === 'source')
		parts.push('The author gives no evidence for it.');
	for (const { id } of readers) {
		const e = ctx.index.node.get(id)!;
		parts.push(`${cap(byWhom(e))} adds evidence${says(ctx, e)}`);
	}
	for (const c of claims) {
		const n = ctx.index.node.get(c.from)!;
		const how =
			n.origin === 'reader'
				? ` (added by ${byWhom(n)})`
				: inferred(c) || inferred(n)
					? ' (the reader’s inference, not the text’s)'
					: '';
		parts.push(`It rests in turn on the claim${how}${says(ctx, n)}`);
	}
	const fresh = assumptions.filter((a) => !assumed.has(a.id));
	const shared = assumptions.filter((a) => assumed.has(a.id));
	if (fresh.length)
		parts.push(
			`It takes for granted ${list(fresh.map((a) => `that ${clause(ctx, a.text)}`))}${fresh.every((a) => a.origin === 'source' && a.kind === 'assumption') ? ', which the text leaves unstated' : ''}.`
		);
	for (const a of shared)
		parts.push(`It shares with ${assumed.get(a.id)} the assumption that ${clause(ctx, a.text)}.`);
	for (const a of assumptions)
		if (!assumed.has(a.id))
			assumed.set(a.id, node.label ? mdText(node.label) : `the ${ordinal(i)} reason`);
	const not = whyNot(ctx, r, told);
	if (not) parts.push(not);
	return parts.join(' ');
}

/** An attack on an objection (a rebuttal), told with the objection. */
function isAnswer(ctx: Ctx, l: MapLink): boolean {
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
function objections(ctx: Ctx): { author: string[]; reader: string[] } {
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
function statedInferred(ctx: Ctx): string | undefined {
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
function readers(map: ArgumentMap): string[] {
	const names = map.nodes.filter((n) => n.origin === 'reader').map((n) => n.author ?? 'a reader');
	return names.filter((n, i) => names.indexOf(n) === i);
}

/** What follows for the thesis, in the summary's own words (model/follows.ts decides it). */
function follows(ctx: Ctx, summary: ThesisSummary, objectionCount: number): string {
	const n = summary.reasons.length;
	const carried = summary.reasons.filter((r) => r.carries);
	const thesis = ctx.index.thesis!;
	const toThesis = (ctx.index.incoming.get(thesis.id) ?? []).filter(
		(l) => l.relation === 'attacks' && live(ctx)(l)
	);
	const parts: string[] = [];
	if (thesis.verdict) parts.push(sentence(summary.sentence));
	else if (summary.status === 'holds')
		parts.push(
			n
				? `The thesis stands on this map: ${carried.length === n ? (n === 1 ? 'its reason carries it' : `all ${count(n, 'reason')} carry it`) : `${count(carried.length, 'of its reasons', 'of its reasons')} carry it (${list(carried.map((r) => named(ctx, r.id)))})`}${toThesis.length ? `, and no objection to it stands` : ''}. To contest it, a reader would have to bring down enough of those reasons (reject or question them, or undercut their steps to the thesis), or raise an objection to the thesis that stands.`.replace(
						/(\w+) of its reasons carry/,
						(_, k: string) =>
							`${k} of its ${count(n, 'reason')} carry`.replace(
								/ of its (\w+ reasons?)/,
								' of its $1'
							)
					)
				: 'The thesis stands only because nobody has questioned it: the map gives it no reason.'
		);
	else if (summary.status === 'defeated')
		parts.push(
			`The thesis is defeated on this map: ${list(summary.standingObjections.map((id) => (ctx.index.node.get(id)?.label ? named(ctx, id) : `the objection that ${clause(ctx, ctx.index.node.get(id)!.text)}`)))} ${summary.standingObjections.length === 1 ? 'stands' : 'stand'} against it unanswered${carried.length ? `, and on this map that outweighs the ${count(carried.length, 'reason')} still carrying it` : ''}. That is a verdict on the argument as mapped here, not proof that the thesis is false.`
		);
	else if (summary.status === 'unestablished')
		parts.push(
			n
				? `The thesis is not established on this map: none of its ${count(n, 'reason')} carries it any more. That does not show it false; it shows that the text, read critically, has not made its case.`
				: 'The thesis is not established: it is questioned and given no reason. Nothing shows it false.'
		);
	else
		parts.push(
			`Whether the thesis stands is still open${carried.length ? '' : ': none of its reasons carries it for certain'}. Settling the undecided statements above decides it.`
		);
	// What most of the fallen reasons share: one premise taken away takes them all.
	const fallenBy = new Map<string, number>();
	for (const r of summary.reasons.filter((x) => !x.carries))
		for (const p of ctx.index.link.get(r.link)?.with ?? [])
			if (ctx.evaluation.nodes.get(p)?.status !== 'holds')
				fallenBy.set(p, (fallenBy.get(p) ?? 0) + 1);
	const [widest] = [...fallenBy].sort((a, b) => b[1] - a[1]);
	if (widest && widest[1] > 1)
		parts.push(
			`${cap(count(widest[1], 'of the reasons', 'of the reasons'))} fall with one assumption${ctx.index.node.get(widest[0])!.label ? ` (${named(ctx, widest[0])})` : ''}, that ${clause(ctx, ctx.index.node.get(widest[0])!.text)}. That is where the argument is weakest.`
		);
	if (objectionCount && summary.status !== 'defeated' && toThesis.length === 0 && !thesis.verdict)
		parts.push(
			'No objection is aimed at the thesis itself; they all bear on its reasons and their steps.'
		);
	return parts.join(' ');
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
		names: namesIn(map),
		said: new Set()
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
	const objs = objections(ctx);
	const own = summary.reasons.filter((r) => index.node.get(r.id)?.origin !== 'reader').length;
	const added = summary.reasons.length - own;
	const author = src?.author ? mdText(src.author) : 'The author';
	out.push(
		[
			`${author} argues${says(ctx, thesis)}`,
			own
				? `The text gives ${count(own, 'reason')} for it${objs.author.length ? ` and takes up ${count(objs.author.length, 'objection')}` : ''}.`
				: 'The text gives no reason for it.',
			added ? `A reader adds ${count(added, 'reason')} of their own.` : '',
			who.length
				? `The critique on this map is by ${list(who.map(mdText))}, ${who.length === 1 ? 'a reader' : 'readers'} of the text.`
				: '',
			`${who.length ? 'With the critique weighed in, the' : 'Taken as the text gives it, the'} thesis ${statusPhrase(summary.status)}.`
		]
			.filter(Boolean)
			.join(' ')
	);
	if (summary.reasons.length) {
		out.push('## The reasons');
		const told = new Map<string, string>();
		const assumed = new Map<string, string>();
		let k = 0;
		for (const r of summary.reasons) {
			const reader = index.node.get(r.id)?.origin === 'reader';
			out.push(reasonParagraph(ctx, r, reader ? k : k++, told, assumed));
		}
	}
	const stated = statedInferred(ctx);
	if (stated) out.push('## What the text states and what is inferred', stated);
	out.push('## Objections and how they fare');
	if (!objs.author.length && !objs.reader.length)
		out.push('Nobody has raised an objection on this map yet.');
	else {
		// Whose objections are whose: the text's own first, then the readers'.
		if (objs.reader.length)
			out.push(
				`${objs.author.length ? `The text itself takes up ${count(objs.author.length, 'objection')}` : 'The text takes up no objection to its own argument'}; the critique of ${who.length ? list(who.map(mdText)) : 'a reader'} adds ${objs.author.length ? count(objs.reader.length, 'more', 'more') : count(objs.reader.length, 'objection')}.`
			);
		out.push(...objs.author, ...objs.reader);
	}
	out.push('## What follows');
	out.push(follows(ctx, summary, objs.author.length + objs.reader.length));
	return out.join('\n\n') + '\n';
}
