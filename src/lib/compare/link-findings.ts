/**
 * Findings on the student's links and statement kinds: a link of the wrong kind, evidence under
 * the wrong claim, a reversed link, a skipped step, a missing or extra link, a statement of the
 * wrong kind. Each points at the student's link (or statement) with hints in three levels.
 */
import type { MapLink } from '../model/schema';
import type { LinkKind, StructureReport } from './structure';
import {
	type FindingCode,
	type Hint,
	type Finding,
	quote,
	stop,
	RELATION_WORDS,
	relationName,
	RELATION_TO,
	RELATION_VERB,
	KIND_WORDS,
	paragraphOf,
	where,
	wording,
	type Ctx,
	roleWords,
	yours,
	reasonName
} from './findings';

export const KIND_OF_NODE = (ctx: Ctx, s: string, r: string): Finding | undefined => {
	const sn = ctx.si.node.get(s)!;
	const rn = ctx.ri.node.get(r)!;
	if (sn.kind === rn.kind) return undefined;
	if (sn.kind === 'assumption' || rn.kind === 'assumption') return undefined;
	return {
		id: `wrong-kind:${s}`,
		code: 'wrong-kind',
		severity: 'note',
		target: { type: 'node', id: s },
		message: `You marked this as ${KIND_WORDS[sn.kind]}; in the author’s argument it is ${KIND_WORDS[rn.kind]}.`,
		hints: [
			{ level: 1, text: where(paragraphOf(rn)) },
			{
				level: 2,
				text:
					rn.kind === 'evidence'
						? 'Evidence is a fact, a figure, an example or a source offered in support, not a claim that itself needs support.'
						: rn.kind === 'thesis'
							? 'The thesis is what the whole text argues for.'
							: 'A claim is something the author argues for or from, not a fact offered as support.'
			},
			wording(rn)
		],
		reference: [r]
	};
};

/** A finding on one of the student's links. */
export function onLink(
	code: FindingCode,
	severity: Finding['severity'],
	id: string,
	message: string,
	hints: Hint[],
	reference?: string[]
): Finding {
	const f: Finding = {
		id: `${code}:${id}`,
		code,
		severity,
		target: { type: 'link', id },
		message,
		hints
	};
	if (reference) f.reference = reference;
	return f;
}

export function linkFindings(ctx: Ctx, report: StructureReport): Finding[] {
	const out: Finding[] = [];
	for (const v of report.links) {
		const sl = ctx.si.link.get(v.student)!;
		const from = ctx.si.node.get(sl.from);
		const rFrom = ctx.s2r.get(sl.from);
		const p = paragraphOf(rFrom ? ctx.ri.node.get(rFrom) : undefined);
		if (v.verdict === 'wrong-relation') {
			const rl = ctx.ri.link.get(v.reference)!;
			let message: string;
			if (v.answer)
				message = 'The author answers this objection: you mapped the answer as support.';
			else if (v.expected === 'co-premise')
				message =
					'In the text this works only together with another reason: link it as a co-premise, not as a reason on its own.';
			else if (v.found === 'co-premise')
				message =
					'You joined this to another reason as a co-premise; in the text each supports on its own.';
			else if (v.expected === 'attacks' && v.found === 'supports')
				message =
					'This is an objection to the statement you linked it to, not a reason for it: link it as an objection.';
			else if (v.expected === 'supports' && v.found === 'attacks')
				message = 'The author offers this as a reason; you mapped it as an objection.';
			else if (v.expected === 'undercuts')
				message = `The author does not deny this point; the reply grants it and denies what it shows. You mapped it as ${relationName(v.found)}.`;
			else
				message = `In the text this is ${relationName(v.expected)}, not ${relationName(v.found)}.`;
			out.push({
				id: `wrong-relation:${v.student}`,
				code: 'wrong-relation',
				severity: 'problem',
				target: { type: 'link', id: v.student },
				message,
				hints: [
					{
						level: 1,
						text: `${where(p)} Which words tell you how this bears on what it is linked to?`
					},
					{ level: 2, text: `The link should be ${RELATION_WORDS[v.expected]}.` },
					{
						level: 3,
						text: stop(
							`The reference has ${quote(ctx.ri.node.get(rl.from)!.text)} as ${relationTo(ctx, { relation: v.expected, to: rl.to })} ${linkTargetText(ctx, rl.to)}`
						)
					}
				],
				reference: [v.reference]
			});
		} else if (v.verdict === 'misattached') {
			const what =
				from?.kind === 'evidence'
					? 'This evidence'
					: from?.kind === 'claim'
						? 'This claim'
						: 'This';
			const right = ctx.r2s.get(v.expectedTarget);
			const right_ = reasonName(ctx, v.expectedTarget);
			const wrong = reasonName(ctx, v.foundTarget);
			const not =
				wrong === right_ || wrong === 'another statement'
					? 'the statement you linked it to'
					: right_.endsWith(' reason') && wrong.endsWith(' reason')
						? wrong.replace(/ reason$/, '')
						: wrong === 'the thesis'
							? 'the thesis directly'
							: wrong;
			const message = `${what} supports ${right_} in the text, not ${not}.`;
			out.push({
				id: `misattached:${v.student}`,
				code: 'misattached',
				severity: 'problem',
				target: { type: 'link', id: v.student },
				message: right ? stop(`${message} Link it to ${yours(ctx, right)}`) : message,
				hints: [
					{
						level: 1,
						text: `${where(paragraphOf(ctx.ri.node.get(v.expectedTarget)))} Which claim does the author back with it?`
					},
					{
						level: 2,
						text: `It belongs under ${roleWords(ctx, v.expectedTarget).name}${right ? '' : ', which you have not mapped yet'}.`
					},
					wording(ctx.ri.node.get(v.expectedTarget), 'In the reference it supports')
				],
				reference: [v.reference, v.expectedTarget]
			});
		} else if (v.verdict === 'shortcut') {
			const skipped = ctx.ri.node.get(v.skipped);
			const to = reasonName(ctx, ctx.s2r.get(sl.to) ?? '');
			const toName = to === 'another statement' ? 'the statement you linked it to' : to;
			out.push(
				onLink(
					'shortcut',
					'note',
					v.student,
					`The author does not offer this directly for ${toName}: it backs ${reasonName(ctx, v.skipped)}, which you have not mapped yet, and that in turn supports ${to === 'another statement' ? 'it' : toName}.`,
					[
						{ level: 1, text: where(paragraphOf(skipped)) },
						{
							level: 2,
							text: `Between the two belongs ${roleWords(ctx, v.skipped).name}.`
						},
						wording(skipped, 'The claim in between, in the reference')
					],
					[v.reference, v.skipped]
				)
			);
		} else if (v.verdict === 'reversed') {
			out.push(
				onLink(
					'reversed',
					'problem',
					v.student,
					'This link points the wrong way: in the text the other statement is the reason for this one.',
					[
						{ level: 1, text: where(p) },
						{
							level: 2,
							text: 'Ask which of the two the author offers as grounds, and which one those grounds are for.'
						},
						{
							level: 3,
							text: stop(
								`The reference has ${quote(ctx.ri.node.get(ctx.ri.link.get(v.reference)!.from)!.text)} as the reason`
							)
						}
					],
					[v.reference]
				)
			);
		} else if (v.verdict === 'extra') {
			out.push(
				onLink(
					'extra-link',
					'note',
					v.student,
					'The text does not make this step. If it is your own reading, say so by marking the link as inferred; otherwise look for what this statement bears on.',
					[
						{ level: 1, text: where(p) },
						{ level: 2, text: 'In the author’s argument this statement bears on something else.' },
						{ level: 3, text: 'The reference has no such link.' }
					]
				)
			);
		}
	}
	report.missingLinks.forEach((id, i) => {
		const rl = ctx.ri.link.get(id)!;
		const s = ctx.r2s.get(rl.from)!;
		const rel = rl.relation;
		out.push({
			id: `missing-link:${i + 1}`,
			code: 'missing-link',
			severity: 'missing',
			target: { type: 'node', id: s },
			message: stop(
				`You found this statement, but not what it bears on: in the text it ${RELATION_VERB[rel]} ${yours(ctx, ctx.r2s.get(linkTargetNode(ctx, rl.to)))}`
			),
			hints: [
				{ level: 1, text: where(paragraphOf(ctx.ri.node.get(rl.from))) },
				{ level: 2, text: `Link it as ${RELATION_WORDS[rel]}.` },
				{
					level: 3,
					text: stop(`In the reference it is ${relationTo(ctx, rl)} ${linkTargetText(ctx, rl.to)}`)
				}
			],
			reference: [id]
		});
	});
	return out;
}

export function linkTargetNode(ctx: Ctx, to: string): string {
	return ctx.ri.link.get(to)?.from ?? to;
}

/** What a reference link makes of its source: "a reason for", "an answer to" (an objection). */
export function relationTo(ctx: Ctx, rl: { relation: LinkKind | MapLink['relation']; to: string }) {
	const answers =
		rl.relation === 'attacks' &&
		(ctx.ri.outgoing.get(rl.to) ?? []).some((l) => l.from === rl.to && l.relation !== 'supports');
	return answers ? 'an answer to' : RELATION_TO[rl.relation];
}

/** What a reference link points at, quoted: a statement, or the step a link makes. */
export function linkTargetText(ctx: Ctx, to: string): string {
	const l = ctx.ri.link.get(to);
	if (l)
		return `the step from ${quote(ctx.ri.node.get(l.from)!.text)} to ${quote(ctx.ri.node.get(l.to)?.text ?? '')}`;
	return quote(ctx.ri.node.get(to)!.text);
}
