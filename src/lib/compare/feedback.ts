/**
 * Findings in the words a teacher would use, each pointing at a student statement or link (or
 * at a paragraph, for what is missing), with hints in three levels: where to look, what kind of
 * thing it is, the reference's own wording. The reference's wording appears ONLY in level 3
 * hints: messages and lower hints are built from kinds, counts, ordinals, paragraph numbers
 * and the student's own words, so `forStudent` can strip what the teacher has not released.
 * Also the score, with its parts explained.
 */
import type { ArgumentMap, MapLink, MapNode } from '../model/schema';
import { indexMap, shorten, type MapIndex } from '../model/queries';
import type { Alignment } from './align';
import type { LinkKind, StructureReport } from './structure';

export type FindingCode =
	| 'missing-statement'
	| 'extra-statement'
	| 'wrong-kind'
	| 'wrong-relation'
	| 'misattached'
	| 'reversed'
	| 'shortcut'
	| 'extra-link'
	| 'missing-link'
	| 'stated-inferred';

/** What a finding points at in the student's map, or the paragraph to look at. */
export type Target =
	| { type: 'node'; id: string }
	| { type: 'link'; id: string }
	| { type: 'paragraph'; paragraph: number }
	| { type: 'map' };

/**
 * A hint, revealed one level at a time: 1 where to look, 2 what kind of thing, 3 the
 * reference's own wording (the only level that may quote the reference).
 */
export interface Hint {
	level: 1 | 2 | 3;
	text: string;
}

export interface Finding {
	/** Unique within one comparison; names no reference id. */
	id: string;
	code: FindingCode;
	/** `problem`: something to fix; `missing`: something to add; `note`: worth a second look. */
	severity: 'problem' | 'missing' | 'note';
	target: Target;
	message: string;
	hints: Hint[];
	/** Reference ids the finding is about, for the teacher's view; `forStudent` removes them. */
	reference?: string[];
}

export interface ScorePart {
	id: 'statements' | 'structure' | 'stated-inferred';
	label: string;
	points: number;
	max: number;
	explanation: string;
}

export interface Score {
	total: number;
	max: number;
	parts: ScorePart[];
}

const ORDINALS = [
	'first',
	'second',
	'third',
	'fourth',
	'fifth',
	'sixth',
	'seventh',
	'eighth',
	'ninth',
	'tenth'
];
const ordinal = (i: number) => ORDINALS[i] ?? `${i + 1}th`;
const quote = (s: string) => `“${s}”`;
/** A sentence's closing stop, unless it already ends in one (inside a closing quote too). */
const stop = (s: string) => (/[.!?…]["”’)]?$/.test(s) ? s : `${s}.`);
const NUMBER_NAMES = [
	'none',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten'
];
const count = (n: number) => NUMBER_NAMES[n] ?? String(n);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A link kind in a teacher's words, as the editor's buttons name them ("Make it a reason"). */
const RELATION_WORDS: Record<LinkKind, string> = {
	supports: 'a reason',
	attacks: 'an objection',
	undercuts: 'an undercut (it grants the reason but denies that it shows the conclusion)',
	'co-premise': 'a co-premise (it supports only together with another reason)'
};
/** A relation's name alone, without its explanation. */
const relationName = (k: LinkKind) => RELATION_WORDS[k].split(' (')[0]!;
/** What an item is to what it bears on: "a reason for", "an objection to". */
const RELATION_TO: Record<LinkKind, string> = {
	supports: 'a reason for',
	attacks: 'an objection to',
	undercuts: 'an undercut of',
	'co-premise': 'a co-premise for'
};
/** What an item does to what it bears on, as a verb. */
const RELATION_VERB: Record<LinkKind, string> = {
	supports: 'supports',
	attacks: 'objects to',
	undercuts: 'undercuts',
	'co-premise': 'supports, together with another reason,'
};

const KIND_WORDS: Record<MapNode['kind'], string> = {
	thesis: 'the thesis',
	claim: 'a claim',
	evidence: 'evidence',
	assumption: 'an unstated assumption'
};

function paragraphOf(n: MapNode | undefined): number | undefined {
	return n?.anchors?.[0]?.paragraph;
}

const where = (p: number | undefined) =>
	p === undefined ? 'Read the text again from the start.' : `Look again at paragraph ${p}.`;

/** The reference's own wording: the only place it may appear. */
const wording = (n: MapNode | undefined, lead = 'The reference puts it as'): Hint => ({
	level: 3,
	text: n ? `${lead}: ${quote(n.text)}` : 'The reference has no wording for this.'
});

interface Ctx {
	ref: ArgumentMap;
	stu: ArgumentMap;
	ri: MapIndex;
	si: MapIndex;
	s2r: Map<string, string>;
	r2s: Map<string, string>;
	/** The thesis's reasons in the reference, in the order of the text. */
	reasons: string[];
}

/** What role a reference statement plays, in a teacher's words. */
function roleWords(ctx: Ctx, id: string): { name: string; plural: string; missing: string } {
	const n = ctx.ri.node.get(id)!;
	if (n.kind === 'thesis')
		return {
			name: 'the thesis',
			plural: 'theses',
			missing: 'Your map has no statement of the author’s thesis.'
		};
	const out = (ctx.ri.outgoing.get(id) ?? []).find((l) => l.from === id);
	const co = (ctx.ri.outgoing.get(id) ?? []).find((l) => l.from !== id);
	if (n.kind === 'assumption' || co)
		return {
			name: 'an unstated assumption the argument needs',
			plural: 'assumptions',
			missing: 'The argument relies on an unstated assumption that your map does not have.'
		};
	if (out?.relation === 'undercuts')
		return {
			name: 'a reply that grants a point but denies what it shows',
			plural: 'replies',
			missing:
				'The author replies to an objection by granting its point and denying what it shows; your map does not have that reply.'
		};
	if (out?.relation === 'attacks') {
		const targetAttacks = (ctx.ri.outgoing.get(out.to) ?? []).some(
			(l) => l.from === out.to && l.relation !== 'supports'
		);
		const answered = (ctx.ri.incoming.get(id) ?? []).some((l) => l.relation === 'attacks');
		return targetAttacks
			? {
					name: 'the author’s answer to an objection',
					plural: 'answers',
					missing: 'The author answers an objection, and your map does not have the answer.'
				}
			: {
					name: `an objection the author raises${answered ? ' and answers' : ''}`,
					plural: 'objections',
					missing: `The text raises an objection${answered ? ' and answers it' : ''}; your map does not have the objection.`
				};
	}
	if (n.kind === 'evidence')
		return {
			name: 'a piece of evidence',
			plural: 'pieces of evidence',
			missing: 'The author gives evidence that your map does not have.'
		};
	if (out && out.to === ctx.ri.thesis?.id)
		return {
			name: 'a reason the author gives for the thesis',
			plural: 'reasons',
			missing: 'The author gives a reason that your map does not have.'
		};
	return {
		name: 'a claim',
		plural: 'claims',
		missing: 'The author makes a claim that your map does not have.'
	};
}

/** "your statement “…”": the student's own words, shortened. */
function yours(ctx: Ctx, studentId: string | undefined): string {
	const n = studentId ? ctx.si.node.get(studentId) : undefined;
	return n ? `your statement ${quote(shorten(n.text, 60))}` : 'a statement you have not mapped yet';
}

/** A reference claim named by its place: "the second reason" or "another claim". */
function reasonName(ctx: Ctx, refId: string): string {
	const i = ctx.reasons.indexOf(refId);
	if (i >= 0) return `the ${ordinal(i)} reason`;
	if (refId === ctx.ri.thesis?.id) return 'the thesis';
	return 'another statement';
}

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
		const children = (ctx.ri.incoming.get(id) ?? []).filter((l) => gone.has(l.from)).length;
		const also = children
			? ` It comes with ${children > 1 ? `${count(children)} pieces` : 'a piece'} of evidence, which your map does not have either.`
			: '';
		let message: string;
		if (role.plural === 'reasons') {
			const found = ctx.reasons.filter((r) => !gone.has(r)).length;
			const lost = ctx.reasons.length - found;
			const which = lost === 1 ? 'the one missing' : 'one of those missing';
			message = `You have ${count(found)} of the ${count(ctx.reasons.length)} reasons the author gives; ${p === undefined ? `read the text again for ${lost === 1 ? 'it' : 'them'}.` : `${which} is in paragraph ${p}.`}`;
		} else if (role.plural === 'pieces of evidence' && parent && ctx.r2s.has(parent)) {
			const siblings = (ctx.ri.incoming.get(parent) ?? []).filter(
				(l) => ctx.ri.node.get(l.from)?.kind === 'evidence'
			);
			const found = siblings.filter((l) => !gone.has(l.from)).length;
			message =
				siblings.length === 1
					? `The author backs ${yours(ctx, ctx.r2s.get(parent))} with evidence your map does not have. ${where(p)}`
					: `You have ${count(found)} of the ${count(siblings.length)} pieces of evidence the author gives for ${yours(ctx, ctx.r2s.get(parent))}; ${where(p).replace(/^L/, 'l')}`;
		} else message = `${role.missing} ${where(p)}`;
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
			message:
				'This statement is not in the author’s argument as the reference reconstructs it. If it is your own view, mark it as yours; if the author says it, check what it does in the argument.',
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

const KIND_OF_NODE = (ctx: Ctx, s: string, r: string): Finding | undefined => {
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
function onLink(
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

function linkFindings(ctx: Ctx, report: StructureReport): Finding[] {
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

function linkTargetNode(ctx: Ctx, to: string): string {
	return ctx.ri.link.get(to)?.from ?? to;
}

/** What a reference link makes of its source: "a reason for", "an answer to" (an objection). */
function relationTo(ctx: Ctx, rl: { relation: LinkKind | MapLink['relation']; to: string }) {
	const answers =
		rl.relation === 'attacks' &&
		(ctx.ri.outgoing.get(rl.to) ?? []).some((l) => l.from === rl.to && l.relation !== 'supports');
	return answers ? 'an answer to' : RELATION_TO[rl.relation];
}

/** What a reference link points at, quoted: a statement, or the step a link makes. */
function linkTargetText(ctx: Ctx, to: string): string {
	const l = ctx.ri.link.get(to);
	if (l)
		return `the step from ${quote(ctx.ri.node.get(l.from)!.text)} to ${quote(ctx.ri.node.get(l.to)?.text ?? '')}`;
	return quote(ctx.ri.node.get(to)!.text);
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
	const inTextRatio = agreeTotal ? (agreeTotal - disagree) / agreeTotal : 0;
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
				? `${agreeTotal - disagree} of your ${agreeTotal} matched statements and links are marked stated or inferred as the text has them.`
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
	const findings = [
		...missing(ctx, report),
		...linkFindings(ctx, report),
		...inTextFindings(ctx, report),
		...kinds,
		...extras(ctx, report)
	];
	return { findings, score: score(ctx, report, alignment) };
}
