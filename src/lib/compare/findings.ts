/**
 * What a finding is (its code, what it points at, its hints) and the words findings are made of:
 * ordinals, counts, relation and kind names, the roles of the reference's statements, the
 * student's own words. The reference's wording comes only through `wording`, a level-3 hint.
 */
import type { ArgumentMap, MapNode } from '../model/schema';
import { numberWord, ordinal } from '../model/english';
import { shorten, type MapIndex } from '../model/queries';
import type { LinkKind } from './structure';

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

export { stop } from '../model/english';
export const quote = (s: string) => `“${s}”`;
export const count = (n: number) => numberWord(n);
export { ordinal };
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A link kind in a teacher's words, as the editor's buttons name them ("Make it a reason"). */
export const RELATION_WORDS: Record<LinkKind, string> = {
	supports: 'a reason',
	attacks: 'an objection',
	undercuts: 'an undercut (it grants the reason but denies that it shows the conclusion)',
	'co-premise': 'a co-premise (it supports only together with another reason)'
};
/** A relation's name alone, without its explanation. */
export const relationName = (k: LinkKind) => RELATION_WORDS[k].split(' (')[0]!;
/** What an item is to what it bears on: "a reason for", "an objection to". */
export const RELATION_TO: Record<LinkKind, string> = {
	supports: 'a reason for',
	attacks: 'an objection to',
	undercuts: 'an undercut of',
	'co-premise': 'a co-premise for'
};
/** What an item does to what it bears on, as a verb. */
export const RELATION_VERB: Record<LinkKind, string> = {
	supports: 'supports',
	attacks: 'objects to',
	undercuts: 'undercuts',
	'co-premise': 'supports, together with another reason,'
};

export const KIND_WORDS: Record<MapNode['kind'], string> = {
	thesis: 'the thesis',
	claim: 'a claim',
	evidence: 'evidence',
	assumption: 'an unstated assumption'
};

export function paragraphOf(n: MapNode | undefined): number | undefined {
	return n?.anchors?.[0]?.paragraph;
}

export const where = (p: number | undefined) =>
	p === undefined
		? 'No one passage of the text says it: think about what the argument needs at this point.'
		: `Look again at paragraph ${p}.`;

/** The reference's own wording: the only place it may appear. */
export const wording = (n: MapNode | undefined, lead = 'The reference puts it as'): Hint => ({
	level: 3,
	text: n ? `${lead}: ${quote(n.text)}` : 'The reference has no wording for this.'
});

export interface Ctx {
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
export function roleWords(ctx: Ctx, id: string): { name: string; plural: string; missing: string } {
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
export function yours(ctx: Ctx, studentId: string | undefined): string {
	const n = studentId ? ctx.si.node.get(studentId) : undefined;
	return n ? `your statement ${quote(shorten(n.text, 60))}` : 'a statement you have not mapped yet';
}

/** A reference claim named by its place: "the second reason" or "another claim". */
export function reasonName(ctx: Ctx, refId: string): string {
	const i = ctx.reasons.indexOf(refId);
	if (i >= 0) return `the ${ordinal(i)} reason`;
	if (refId === ctx.ri.thesis?.id) return 'the thesis';
	return 'another statement';
}
