/**
 * A comparison turned into marks for the teacher's side-by-side view: which statement of the
 * student's map is which of the reference's (numbered pairs), and each difference with the
 * statements and links it marks on either map and a sentence that says it in plain words (the
 * marks' text equivalent). Teacher side only: it names reference statements.
 */
import type { ArgumentMap, MapLink, MapNode } from '../model/schema';
import type { FindingCode } from './feedback';
import type { Comparison } from './index';

/** The kinds of difference: the feedback's codes (a wrong kind of statement is not drawn). */
export type DiffKind = Exclude<FindingCode, 'wrong-kind'>;

/** What one difference marks on each map, by id. */
export interface DiffSide {
	nodes: string[];
	links: string[];
}

export interface DiffItem {
	id: string;
	kind: DiffKind;
	/** The difference in a sentence: the marks' text equivalent. */
	text: string;
	reference: DiffSide;
	student: DiffSide;
}

export interface MapDiff {
	/** Matched statements, numbered in the reference's order: the number shown on both maps. */
	pairs: { n: number; reference: string; student: string }[];
	items: DiffItem[];
}

/** The words on each kind of mark, for the legend and the maps' tags. */
export const DIFF_LABELS: Record<DiffKind, string> = {
	'missing-statement': 'missing',
	'extra-statement': 'no match',
	'wrong-relation': 'wrong kind',
	misattached: 'misattached',
	reversed: 'reversed',
	shortcut: 'skips a step',
	'extra-link': 'extra link',
	'missing-link': 'not linked',
	'stated-inferred': 'stated/inferred'
};

const KIND_WORDS: Record<MapNode['kind'], string> = {
	thesis: 'thesis',
	claim: 'claim',
	evidence: 'evidence',
	assumption: 'assumption'
};

function clip(text: string, max = 70): string {
	// A sentence's own full stop would end up before the caller's: "“… business.”."
	const t = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
	return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

const none = (): DiffSide => ({ nodes: [], links: [] });

/** Marks of `comparison` (of `student` against `reference`). */
export function diffMarks(
	reference: ArgumentMap,
	student: ArgumentMap,
	comparison: Comparison
): MapDiff {
	const refNode = new Map(reference.nodes.map((n) => [n.id, n]));
	const stuNode = new Map(student.nodes.map((n) => [n.id, n]));
	const refLink = new Map(reference.links.map((l) => [l.id, l]));
	const stuLink = new Map(student.links.map((l) => [l.id, l]));
	const order = new Map(reference.nodes.map((n, i) => [n.id, i]));
	const pairs = [...comparison.alignment.pairs]
		.sort((a, b) => (order.get(a.reference) ?? 0) - (order.get(b.reference) ?? 0))
		.map((p, i) => ({ n: i + 1, reference: p.reference, student: p.student }));
	const number = new Map(pairs.map((p) => [p.reference, p.n]));
	const byStudent = new Map(pairs.map((p) => [p.student, p.reference]));

	/** A statement as the teacher reads it: its pair number, kind and words. */
	const said = (n: MapNode | undefined, side: 'reference' | 'student') => {
		if (!n) return 'a statement';
		const ref = side === 'reference' ? n.id : byStudent.get(n.id);
		const num = ref !== undefined && number.has(ref) ? `#${number.get(ref)} ` : '';
		return `${num}${KIND_WORDS[n.kind]} “${clip(n.text)}”`;
	};
	const ends = (l: MapLink | undefined, side: 'reference' | 'student') => {
		const nodes = side === 'reference' ? refNode : stuNode;
		const links = side === 'reference' ? refLink : stuLink;
		if (!l) return { nodes: [] as string[], from: 'a statement', to: 'a statement' };
		// An undercut ends on a link: name that link's premise.
		const to = nodes.get(l.to) ?? nodes.get(links.get(l.to)?.from ?? '');
		return {
			nodes: [l.from, to?.id].filter((x): x is string => !!x),
			from: said(nodes.get(l.from), side),
			to: said(to, side)
		};
	};
	const relation = (l: MapLink | undefined) =>
		l?.relation === 'supports' && l.with?.length ? 'co-premise' : (l?.relation ?? 'link');

	const items: DiffItem[] = [];
	const add = (kind: DiffKind, text: string, ref: DiffSide, stu: DiffSide) =>
		items.push({ id: `d${items.length + 1}`, kind, text, reference: ref, student: stu });

	for (const id of comparison.structure.missingStatements)
		add(
			'missing-statement',
			`Missing: the reference’s ${said(refNode.get(id), 'reference')} has no match in the student’s map.`,
			{ nodes: [id], links: [] },
			none()
		);
	for (const id of comparison.alignment.unmatchedStudent)
		add(
			'extra-statement',
			`No match: the student’s ${said(stuNode.get(id), 'student')} is not in the reference.`,
			none(),
			{ nodes: [id], links: [] }
		);
	for (const v of comparison.structure.links) {
		const s = stuLink.get(v.student);
		const se = ends(s, 'student');
		const stu = { nodes: se.nodes, links: [v.student] };
		if (v.verdict === 'matched' || v.verdict === 'unaligned') continue;
		if (v.verdict === 'extra') {
			add(
				'extra-link',
				`Extra link: the student links ${se.from} to ${se.to}; the reference makes no such step.`,
				none(),
				stu
			);
			continue;
		}
		const r = refLink.get(v.reference);
		const re = ends(r, 'reference');
		const ref = { nodes: re.nodes, links: [v.reference] };
		if (v.verdict === 'wrong-relation')
			add(
				'wrong-relation',
				`Wrong kind of link: ${se.from} ${v.found} ${se.to} in the student’s map; in the reference it ${v.expected === 'co-premise' ? 'is a co-premise' : v.expected}${v.answer ? ' (it answers an objection)' : ''}.`,
				ref,
				stu
			);
		else if (v.verdict === 'misattached')
			add(
				'misattached',
				`Misattached: the student puts ${se.from} under ${se.to}; the reference has it under ${said(refNode.get(v.expectedTarget), 'reference')}.`,
				{ nodes: [v.expectedTarget, ...re.nodes.slice(0, 1)], links: ref.links },
				stu
			);
		else if (v.verdict === 'reversed')
			add(
				'reversed',
				`Reversed: the student’s link runs from ${se.from} to ${se.to}; the reference’s runs the other way.`,
				ref,
				stu
			);
		else
			add(
				'shortcut',
				`Skips a step: the student links ${se.from} straight to ${se.to}; the reference goes through ${said(refNode.get(v.skipped), 'reference')}.`,
				{ nodes: [...re.nodes, v.skipped], links: ref.links },
				stu
			);
	}
	for (const id of comparison.structure.missingLinks) {
		const r = refLink.get(id);
		const re = ends(r, 'reference');
		add(
			'missing-link',
			`Not linked: the student has both ${re.from} and ${re.to}, but not the ${relation(r)} link between them.`,
			{ nodes: re.nodes, links: [id] },
			none()
		);
	}
	for (const d of comparison.structure.inText) {
		const what =
			d.item === 'node'
				? said(stuNode.get(d.student), 'student')
				: `the link ${ends(stuLink.get(d.student), 'student').from} → ${ends(stuLink.get(d.student), 'student').to}`;
		const side = (id: string): DiffSide =>
			d.item === 'node' ? { nodes: [id], links: [] } : { nodes: [], links: [id] };
		add(
			'stated-inferred',
			`Stated or inferred: the student marks ${what} as ${d.found}; the reference has it ${d.expected}.`,
			side(d.reference),
			side(d.student)
		);
	}
	return { pairs, items };
}
