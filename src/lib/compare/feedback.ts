/**
 * Findings in the words a teacher would use, each pointing at a student statement or link (or
 * at a paragraph, for what is missing), with hints in three levels: where to look, what kind of
 * thing it is, the reference's own wording. The reference's wording appears ONLY in level 3
 * hints: messages and lower hints are built from kinds, counts, ordinals, paragraph numbers
 * and the student's own words, so `forStudent` can strip what the teacher has not released.
 * Also the score, with its parts explained.
 */
import type { ArgumentMap, MapNode } from '../model/schema';
import { indexMap } from '../model/queries';
import type { Alignment } from './align';
import type { StructureReport } from './structure';
import {
	type Finding,
	type ScorePart,
	type Score,
	quote,
	count,
	plural,
	paragraphOf,
	where,
	wording,
	type Ctx,
	roleWords,
	yours,
	stop
} from './findings';
import { KIND_OF_NODE, linkFindings } from './link-findings';
export type { Finding, FindingCode, Hint, Score, ScorePart, Target } from './findings';

function missing(ctx: Ctx, report: StructureReport): Finding[] {
	const out: Finding[] = [];
	const gone = new Set(report.missingStatements);
	for (const id of report.missingStatements) {
		const n = ctx.ri.node.get(id)!;
		const p = paragraphOf(n);
		// Evidence under a missing claim is told with its claim.
		const parent = (ctx.ri.outgoing.get(id) ?? []).find((l) => l.from === id)?.to;
		if (parent && gone.has(parent) && n.kind === 'evidence') continue;
		const role = roleWords(ctx, id);
		// Only its evidence: its reasons and objections are findings of their own.
		const children = (ctx.ri.incoming.get(id) ?? []).filter(
			(l) => gone.has(l.from) && ctx.ri.node.get(l.from)?.kind === 'evidence'
		).length;
		const also = children
			? ` It comes with ${children > 1 ? `${count(children)} pieces` : 'a piece'} of evidence, which your map does not have either.`
			: '';
		let message: string;
		if (role.plural === 'reasons') {
			const found = ctx.reasons.filter((r) => !gone.has(r)).length;
			const lost = ctx.reasons.length - found;
			const which = lost === 1 ? 'the one missing' : 'one of those missing';
			const look =
				p === undefined
					? `read the text again for ${lost === 1 ? 'it' : 'them'}.`
					: `${which} is in paragraph ${p}.`;
			// The count is said once, with the first reason missing; the others name their place.
			const first = ctx.reasons.find((r) => gone.has(r)) === id;
			message =
				ctx.reasons.length === 1
					? `You do not have the reason the author gives; ${p === undefined ? 'read the text again for it.' : `it is in paragraph ${p}.`}`
					: first
						? `You have ${count(found)} of the ${count(ctx.reasons.length)} reasons the author gives; ${look}`
						: `Another reason the author gives is missing too${p === undefined ? '.' : `; it is in paragraph ${p}.`}`;
		} else if (role.plural === 'pieces of evidence' && parent && ctx.r2s.has(parent)) {
			const siblings = (ctx.ri.incoming.get(parent) ?? []).filter(
				(l) => ctx.ri.node.get(l.from)?.kind === 'evidence'
			);
			const found = siblings.filter((l) => !gone.has(l.from)).length;
			// Where to look is hint 1 (and the button to the paragraph): not repeated here.
			message =
				siblings.length === 1
					? `The author backs ${yours(ctx, ctx.r2s.get(parent))} with evidence your map does not have.`
					: stop(
							`You have ${count(found)} of the ${count(siblings.length)} pieces of evidence the author gives for ${yours(ctx, ctx.r2s.get(parent))}`
						);
		} else message = role.missing;
		const figures = n.kind === 'evidence' && /\d/.test(n.text) ? ' with a figure in it' : '';
		out.push({
			id: `missing-statement:${out.length + 1}`,
			code: 'missing-statement',
			severity: 'missing',
			target: p === undefined ? { type: 'map' } : { type: 'paragraph', paragraph: p },
			message: message + also,
			hints: [
				{ level: 1, text: where(p) },
				{
					level: 2,
					text: `Look for ${role.name}${figures}.`
				},
				wording(n)
			],
			reference: [id]
		});
	}
	return out;
}

function extras(ctx: Ctx, report: StructureReport): Finding[] {
	return report.extraStatements.map((id) => {
		const n = ctx.si.node.get(id)!;
		const p = paragraphOf(n);
		return {
			id: `extra-statement:${id}`,
			code: 'extra-statement',
			severity: 'note',
			target: { type: 'node', id },
			message: `Y${yours(ctx, id).slice(1)} is not in the author’s argument as the reference reconstructs it. If it is your own view, mark it as yours; if the author says it, check what it does in the argument.`,
			hints: [
				{
					level: 1,
					text:
						p === undefined
							? 'It has no passage: which words of the text say it?'
							: `Read paragraph ${p} again: does the author say this, or is it your comment?`
				},
				{
					level: 2,
					text: 'Your own statements (a critique, an objection of yours) belong to you, not to the author: add them as yours.'
				},
				{ level: 3, text: 'The reference has nothing that says this.' }
			]
		};
	});
}

function inTextFindings(ctx: Ctx, report: StructureReport): Finding[] {
	return report.inText.map((d) => {
		const stated = d.found === 'stated';
		const isLink = d.item === 'link';
		const refFrom = isLink ? ctx.ri.link.get(d.reference)!.from : d.reference;
		const p = paragraphOf(ctx.ri.node.get(refFrom));
		return {
			id: `stated-inferred:${d.student}`,
			code: 'stated-inferred',
			severity: 'problem',
			target: { type: isLink ? 'link' : 'node', id: d.student },
			message: stated
				? isLink
					? 'This link is your inference: the text does not state it. Mark it as inferred.'
					: 'This statement is your inference: the text does not say it in so many words. Mark it as inferred.'
				: isLink
					? 'The text states this step itself: mark the link as stated.'
					: 'The text says this itself: mark the statement as stated.',
			hints: [
				{ level: 1, text: where(p) },
				{
					level: 2,
					text: isLink
						? stated
							? 'Look for a word that ties the two (because, so, thus, this shows): the text has none here.'
							: 'The text ties the two with its own words here.'
						: stated
							? 'The text leaves this unsaid: the argument needs it, but no sentence says it.'
							: 'A sentence of the text says this in its own words.'
				},
				{
					level: 3,
					text: isLink
						? `In the reference, the link from ${quote(ctx.ri.node.get(refFrom)!.text)} is marked ${d.expected}.`
						: `In the reference, ${quote(ctx.ri.node.get(d.reference)!.text)} is marked ${d.expected}.`
				}
			],
			reference: [d.reference]
		};
	});
}

function score(ctx: Ctx, report: StructureReport, alignment: Alignment): Score {
	const W: Record<MapNode['kind'], number> = { thesis: 3, claim: 2, evidence: 1, assumption: 1 };
	const matched = new Set(alignment.pairs.map((p) => p.reference));
	let got = 0;
	let all = 0;
	const byKind = new Map<string, [number, number]>();
	for (const n of ctx.ref.nodes) {
		all += W[n.kind];
		const k = byKind.get(n.kind) ?? [0, 0];
		k[1]++;
		if (matched.has(n.id)) {
			got += W[n.kind];
			k[0]++;
		}
		byKind.set(n.kind, k);
	}
	const kinds = (['thesis', 'claim', 'evidence', 'assumption'] as const)
		.filter((k) => byKind.has(k))
		.map((k) => {
			const [a, b] = byKind.get(k)!;
			const noun = {
				thesis: 'thesis',
				claim: 'claims',
				evidence: 'pieces of evidence',
				assumption: 'assumptions'
			}[k];
			return k === 'thesis' ? (a ? 'the thesis' : 'not the thesis') : `${a} of ${b} ${noun}`;
		});
	const v = report.links;
	const right = v.filter((x) => x.verdict === 'matched').length;
	const wrongKind = v.filter((x) => x.verdict === 'wrong-relation').length;
	const misplaced = v.filter((x) => x.verdict === 'misattached' || x.verdict === 'reversed').length;
	const extra = v.filter((x) => x.verdict === 'extra').length;
	const refLinks = ctx.ref.links.length;
	const unaligned = v.filter((x) => x.verdict === 'unaligned').length;
	const judged = v.length;
	const p = judged ? right / judged : 0;
	const r = refLinks ? right / refLinks : 1;
	const structureRatio = p + r ? (2 * p * r) / (p + r) : 0;
	const agreeTotal =
		alignment.pairs.length +
		v.filter((x) => x.verdict === 'matched' || x.verdict === 'wrong-relation').length;
	const disagree = report.inText.length;
	// Out of the whole argument, not of what matched: a map with the given thesis alone has
	// marked almost nothing, and must not score this part in full.
	const argument = ctx.ref.nodes.length + refLinks;
	const agreed = Math.max(0, agreeTotal - disagree);
	const inTextRatio = argument ? Math.min(1, agreed / argument) : 0;
	const parts: ScorePart[] = [
		{
			id: 'statements',
			label: 'Statements found',
			max: 50,
			points: Math.round(50 * (all ? got / all : 0)),
			explanation: `You found ${alignment.pairs.length} of the ${ctx.ref.nodes.length} statements of the author’s argument: ${kinds.join(', ')}. The thesis counts three points, each claim two, each piece of evidence or assumption one.`
		},
		{
			id: 'structure',
			label: 'Structure',
			max: 35,
			points: Math.round(35 * structureRatio),
			explanation: `${right} of the ${refLinks} links of the argument are in your map with the right kind and direction${wrongKind ? `; ${plural(wrongKind, 'has', 'have')} the wrong kind` : ''}${misplaced ? `; ${plural(misplaced, 'goes', 'go')} to the wrong statement` : ''}${extra ? `; ${plural(extra, 'is a step', 'are steps')} the text does not make` : ''}${unaligned ? `; ${plural(unaligned, 'joins', 'join')} a statement the author does not make` : ''}. Scored as the balance (F1) of how many of your links are right and how many of the author’s you have.`
		},
		{
			id: 'stated-inferred',
			label: 'Stated or inferred',
			max: 15,
			points: Math.round(15 * inTextRatio),
			explanation: agreeTotal
				? `${agreed} of the ${argument} statements and links of the author’s argument are in your map and marked stated or inferred as the text has them${disagree ? `; ${plural(disagree, 'is', 'are')} marked the other way` : ''}.`
				: 'Nothing matched yet to judge stated and inferred on.'
		}
	];
	return { total: parts.reduce((n, x) => n + x.points, 0), max: 100, parts };
}

/** The findings and the score of a comparison. */
export function feedback(
	reference: ArgumentMap,
	student: ArgumentMap,
	alignment: Alignment,
	report: StructureReport
): { findings: Finding[]; score: Score } {
	const ri = indexMap(reference);
	const si = indexMap(student);
	const thesis = ri.thesis?.id;
	const pos = (id: string) => ri.node.get(id)?.anchors?.[0]?.start ?? Infinity;
	const reasons = reference.links
		.filter(
			(l) => l.to === thesis && l.relation === 'supports' && ri.node.get(l.from)?.kind === 'claim'
		)
		.map((l) => l.from)
		.sort((a, b) => pos(a) - pos(b));
	const ctx: Ctx = {
		ref: reference,
		stu: student,
		ri,
		si,
		s2r: new Map(alignment.pairs.map((p) => [p.student, p.reference])),
		r2s: new Map(alignment.pairs.map((p) => [p.reference, p.student])),
		reasons
	};
	const kinds = alignment.pairs.flatMap((p) => KIND_OF_NODE(ctx, p.student, p.reference) ?? []);
	const all = [
		...missing(ctx, report),
		...linkFindings(ctx, report),
		...inTextFindings(ctx, report),
		...kinds,
		...extras(ctx, report)
	];
	// The same sentence about the same place is said once.
	const said = new Set<string>();
	const findings = all.filter((f) => {
		const key = `${JSON.stringify(f.target)}:${f.message}`;
		if (said.has(key)) return false;
		said.add(key);
		return true;
	});
	return { findings, score: score(ctx, report, alignment) };
}
