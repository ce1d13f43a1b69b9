/**
 * The student's structure against the reference's, through the alignment: each student link is
 * matched, of the wrong kind, attached to the wrong claim, past a claim the student has not
 * mapped (a shortcut), reversed, extra, or touches a
 * statement the reference lacks; reference links and statements the student has not got; and
 * where stated and inferred disagree. Ids only: the words are feedback.ts's business.
 */
import type { ArgumentMap, InText, MapLink } from '../model/schema';
import { indexMap, inTextOf, type MapIndex } from '../model/queries';
import type { Alignment } from './align';

/** How a link bears on its target; `co-premise`: only together with another reason. */
export type LinkKind = 'supports' | 'attacks' | 'undercuts' | 'co-premise';

export type LinkVerdict =
	| { verdict: 'matched'; student: string; reference: string }
	| {
			verdict: 'wrong-relation';
			student: string;
			reference: string;
			expected: LinkKind;
			found: LinkKind;
			/** The reference link answers an objection (attacks an attack) and the student made it a support. */
			answer: boolean;
	  }
	| {
			verdict: 'misattached';
			student: string;
			/** The reference link of the same reason, to its right target. */
			reference: string;
			/** Reference node ids: where the reason goes, and where the student put it. */
			expectedTarget: string;
			foundTarget: string;
	  }
	| { verdict: 'reversed'; student: string; reference: string }
	| {
			verdict: 'shortcut';
			student: string;
			/** The reference link of the same reason, to a claim the student has not mapped. */
			reference: string;
			/** That claim (a reference node id), which itself bears on the student's target. */
			skipped: string;
	  }
	/** Between two statements the reference has, but the reference makes no such step. */
	| { verdict: 'extra'; student: string }
	/** From or to a statement the reference does not have. */
	| { verdict: 'unaligned'; student: string };

export interface InTextDifference {
	item: 'node' | 'link';
	student: string;
	reference: string;
	expected: InText;
	found: InText;
}

export interface StructureReport {
	/** One verdict per student link, in the student's order. */
	links: LinkVerdict[];
	/** Reference links whose two ends the student has found, but not linked. */
	missingLinks: string[];
	/** Reference statements the student has not got. */
	missingStatements: string[];
	/** The student's source statements that the reference does not have. */
	extraStatements: string[];
	/** Aligned statements and links whose stated/inferred differs. */
	inText: InTextDifference[];
}

/** The node a link bears on: its `to`, or for an undercut the premise of the link it attacks. */
function targetNode(index: MapIndex, l: MapLink): string | undefined {
	const link = index.link.get(l.to);
	return link ? link.from : index.node.has(l.to) ? l.to : undefined;
}

export function compareStructure(
	reference: ArgumentMap,
	student: ArgumentMap,
	alignment: Alignment
): StructureReport {
	const ri = indexMap(reference);
	const si = indexMap(student);
	const s2r = new Map(alignment.pairs.map((p) => [p.student, p.reference]));
	const r2s = new Map(alignment.pairs.map((p) => [p.reference, p.student]));
	/** Student link id → the reference link it stands for (matched, wrong kind or misattached). */
	const linkTo = new Map<string, string>();
	const verdicts = new Map<string, LinkVerdict>();

	const judge = (l: MapLink): LinkVerdict => {
		const rF = s2r.get(l.from);
		const sTarget = targetNode(si, l);
		const rT = sTarget === undefined ? undefined : s2r.get(sTarget);
		const sTargetLink = si.link.has(l.to) ? l.to : undefined;
		if (!rF || !rT) return { verdict: 'unaligned', student: l.id };
		const fromHere = reference.links.filter((R) => R.from === rF || R.with?.includes(rF));
		const same = fromHere
			.filter((R) => targetNode(ri, R) === rT)
			.filter((R) => !sTargetLink || !ri.link.has(R.to) || linkTo.get(sTargetLink) === R.to)
			.sort((a, b) => Number(b.from === rF) - Number(a.from === rF));
		const R = same[0];
		if (R) {
			const expected: LinkKind = R.from === rF ? R.relation : 'co-premise';
			let found: LinkKind = l.relation;
			// The student made a co-premise of a statement the reference has as a reason of its own.
			for (const w of l.with ?? []) {
				const rW = s2r.get(w);
				if (rW && reference.links.some((x) => x.from === rW && targetNode(ri, x) === rT))
					found = 'co-premise';
			}
			if (expected === found) return { verdict: 'matched', student: l.id, reference: R.id };
			const target = ri.node.get(rT);
			const targetAttacks = (ri.outgoing.get(rT) ?? []).some(
				(x) => x.from === rT && x.relation !== 'supports'
			);
			return {
				verdict: 'wrong-relation',
				student: l.id,
				reference: R.id,
				expected,
				found,
				answer: !!target && expected === 'attacks' && found === 'supports' && targetAttacks
			};
		}
		const reversed = reference.links.find((R) => R.from === rT && targetNode(ri, R) === rF);
		if (reversed) return { verdict: 'reversed', student: l.id, reference: reversed.id };
		const own =
			fromHere.find((R) => R.from === rF && R.relation === 'supports') ??
			fromHere.find((R) => R.from === rF);
		const expectedTarget = own && targetNode(ri, own);
		// Linked past a claim the student has not mapped, to what that claim bears on.
		if (
			own &&
			expectedTarget &&
			!r2s.has(expectedTarget) &&
			reference.links.some((x) => x.from === expectedTarget && targetNode(ri, x) === rT)
		)
			return { verdict: 'shortcut', student: l.id, reference: own.id, skipped: expectedTarget };
		if (own && expectedTarget)
			return {
				verdict: 'misattached',
				student: l.id,
				reference: own.id,
				expectedTarget,
				foundTarget: rT
			};
		return { verdict: 'extra', student: l.id };
	};

	// Links to statements first, so that an undercut can find the link it attacks.
	const order = [...student.links].sort(
		(a, b) => Number(si.link.has(a.to)) - Number(si.link.has(b.to))
	);
	for (const l of order) {
		const v = judge(l);
		verdicts.set(l.id, v);
		if ('reference' in v) linkTo.set(l.id, v.reference);
	}
	const links = student.links.map((l) => verdicts.get(l.id)!);

	// A shortcut's reference link is not covered: it is missing (and so is its claim).
	const covered = new Set(
		links.flatMap((v) => ('reference' in v && v.verdict !== 'shortcut' ? [v.reference] : []))
	);
	const missingLinks = reference.links
		.filter((R) => !covered.has(R.id))
		.filter((R) => {
			const t = targetNode(ri, R);
			return r2s.has(R.from) && t !== undefined && r2s.has(t);
		})
		.map((R) => R.id);

	const inText: InTextDifference[] = [];
	for (const p of alignment.pairs) {
		const s = si.node.get(p.student);
		const r = ri.node.get(p.reference);
		if (!s || !r || s.origin !== 'source' || r.origin !== 'source') continue;
		const expected = inTextOf(r)!;
		const found = inTextOf(s)!;
		if (expected !== found)
			inText.push({ item: 'node', student: s.id, reference: r.id, expected, found });
	}
	for (const v of links) {
		if (v.verdict !== 'matched' && v.verdict !== 'wrong-relation') continue;
		const s = si.link.get(v.student)!;
		const r = ri.link.get(v.reference)!;
		if (s.origin !== 'source' || r.origin !== 'source') continue;
		const expected = inTextOf(r)!;
		const found = inTextOf(s)!;
		if (expected !== found)
			inText.push({ item: 'link', student: s.id, reference: r.id, expected, found });
	}

	return {
		links,
		missingLinks,
		missingStatements: [...alignment.unmatchedReference],
		extraStatements: alignment.unmatchedStudent.filter(
			(id) => si.node.get(id)?.origin === 'source'
		),
		inText
	};
}
