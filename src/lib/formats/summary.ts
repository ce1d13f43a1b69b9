/**
 * A critical summary to write from: the map in Markdown prose a student can start an essay
 * with. The thesis in the reader's words, each reason with its evidence and figures, what the
 * text states and what the reconstruction infers, the objections and how they fare (the
 * statuses of model/evaluate.ts), and what follows (model/follows.ts). Sentences, not an
 * outline: the outline is its own export.
 *
 * Prints only; pure.
 */
import { STATUS_WORDS, evaluate, type Evaluation } from '../model/evaluate';
import { thesisSummary, type ThesisReason, type ThesisSummary } from '../model/follows';
import { displayName, indexMap } from '../model/queries';
import type { ArgumentMap } from '../model/schema';
import { mdText } from './outline';

import {
	namesIn,
	manySentences,
	sentence,
	ordinal,
	list,
	statusPhrase,
	inferred,
	byWhom,
	figures,
	type Ctx,
	clause,
	says,
	cap,
	count,
	live,
	named,
	thatList,
	supportsOf,
	objectionsAmong
} from './summary-words';
import { objections, statedInferred } from './summary-critique';

export { mdText };
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
