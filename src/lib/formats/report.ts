/**
 * A map as a report a teacher reads on paper: who wrote the critique, what they added, and the
 * outline with every statement's status in words and the reader's judgements beside it
 * (verdicts, questions, flags, the strength and scheme of a step). The report route renders it.
 */
import { FLAGS, SCHEMES, questionById } from '../model/catalogue';
import { STATUS_WORDS, type Evaluation, type Status } from '../model/evaluate';
import { displayName, formatFigure, indexMap, nodeName, type MapIndex } from '../model/queries';
import type { ArgumentMap, MapLink, MapNode } from '../model/schema';
import { inferredHere, outlineOf, type OutlineItem, type OutlineRelation } from './outline';

/** One of the reader's judgements on a statement or on the step that puts it here. */
export interface ReportNote {
	kind: 'verdict' | 'question' | 'flag' | 'link' | 'strength' | 'scheme' | 'doubt';
	text: string;
	author?: string;
}

export interface ReportRow {
	/** The row's path in the outline ("0/2/1"): a statement can appear under two conclusions. */
	key: string;
	/** 1 for a root. */
	depth: number;
	id: string;
	relation: OutlineRelation;
	/** Shown in full above; here only named. */
	repeat: boolean;
	/** The label ("Motive 3"), "Thesis", or what kind of statement it is. */
	name: string;
	text: string;
	/** For an undercut: the step it attacks, "the step from “…” to Motive 3". */
	undercuts?: string;
	figures: string[];
	/** The text does not state it (or the tie that puts it here); the reconstruction infers it. */
	inferred: boolean;
	status: Status;
	/** The status in words: "holds", "not established", "defeated", "open". */
	statusWords: string;
	/** A reader's statement: who added it. */
	addedBy?: string;
	notes: ReportNote[];
}

/**
 * Who wrote the critique: the authors of the reader's statements, links, questions and flags,
 * each once, in the order they first appear in the map.
 */
export function readerAuthors(map: ArgumentMap): string[] {
	const names = new Set<string>();
	const add = (name?: string) => {
		if (name) names.add(name);
	};
	for (const item of [...map.nodes, ...map.links]) {
		if (item.origin === 'reader') add(item.author);
		if ('questioned' in item) add(item.questioned?.author);
		for (const f of item.flags ?? []) add(f.author);
	}
	return [...names];
}

export interface CritiqueCounts {
	statements: number;
	links: number;
	verdicts: number;
	questions: number;
	flags: number;
	/** Steps the reader weighed (strength) or named (scheme). */
	steps: number;
}

/** How much the reader did, for the report's header. */
export function critiqueCounts(map: ArgumentMap): CritiqueCounts {
	return {
		statements: map.nodes.filter((n) => n.origin === 'reader').length,
		links: map.links.filter((l) => l.origin === 'reader').length,
		verdicts: map.nodes.filter((n) => n.verdict).length,
		questions: map.nodes.filter((n) => n.questioned).length,
		flags: [...map.nodes, ...map.links].reduce((k, x) => k + (x.flags?.length ?? 0), 0),
		steps: map.links.filter((l) => l.strength || l.scheme).length
	};
}

/** "3 statements added, 2 verdicts, 1 flag", leaving out what is none; "" when nothing. */
export function countsSentence(c: CritiqueCounts): string {
	const part = (n: number, one: string, many: string) =>
		n ? `${n} ${n === 1 ? one : many}` : undefined;
	return [
		part(c.statements, 'statement added', 'statements added'),
		part(c.links, 'link added', 'links added'),
		part(c.verdicts, 'verdict', 'verdicts'),
		part(c.questions, 'statement questioned', 'statements questioned'),
		part(c.flags, 'flag', 'flags'),
		part(c.steps, 'step weighed', 'steps weighed')
	]
		.filter(Boolean)
		.join(', ');
}

function flagNotes(flags: MapNode['flags'], where: string): ReportNote[] {
	return (flags ?? []).map((f) => ({
		kind: 'flag',
		text: `${where}${FLAGS[f.type as keyof typeof FLAGS]?.name ?? f.type}${f.note ? `: ${f.note}` : ''}`,
		...(f.author ? { author: f.author } : {})
	}));
}

/** The reader's judgements on a statement itself. */
function nodeNotes(n: MapNode): ReportNote[] {
	const notes: ReportNote[] = [];
	if (n.verdict) notes.push({ kind: 'verdict', text: `Verdict: ${n.verdict}` });
	if (n.questioned)
		notes.push({
			kind: 'question',
			text: n.questioned.note ? `Questioned: ${n.questioned.note}` : 'Questioned',
			...(n.questioned.author ? { author: n.questioned.author } : {})
		});
	return [...notes, ...flagNotes(n.flags, 'Flag: ')];
}

/** A statement named in a sentence: "Motive 3", "the thesis", or the start of its words quoted. */
function named(n: MapNode | undefined, fallback: string): string {
	if (!n) return fallback;
	if (n.label) return n.label;
	return n.kind === 'thesis' ? 'the thesis' : `“${displayName(n, fallback, 40)}”`;
}

/** What a link argues about, named: "Motive 3", or "the step from Motive 3 to the thesis". */
function targetName(l: MapLink, index: MapIndex): string {
	if (l.relation !== 'undercuts') return named(index.node.get(l.to), l.to);
	const step = index.link.get(l.to);
	if (!step) return 'a step';
	return `the step from ${named(index.node.get(step.from), step.from)} to ${named(index.node.get(step.to), step.to)}`;
}

/** The reader's judgements on the step that puts a statement under its conclusion. */
function linkNotes(l: MapLink, n: MapNode, index: MapIndex): ReportNote[] {
	const target = targetName(l, index);
	const notes: ReportNote[] = [];
	// A reader's link between statements someone else wrote (a reader's statement says so itself).
	if (l.origin === 'reader' && (n.origin !== 'reader' || n.author !== l.author))
		notes.push({
			kind: 'link',
			text: `Link added: it ${l.relation} ${target}`,
			...(l.author ? { author: l.author } : {})
		});
	if (l.strength) notes.push({ kind: 'strength', text: `Its step to ${target} is ${l.strength}` });
	if (l.scheme)
		notes.push({
			kind: 'scheme',
			text: `Argument scheme: ${SCHEMES[l.scheme]?.name ?? l.scheme}`
		});
	for (const [q, answer] of Object.entries(l.answers ?? {}))
		if (answer === 'doubted')
			notes.push({ kind: 'doubt', text: `Doubted: ${questionById(q)?.question ?? q}` });
	return [...notes, ...flagNotes(l.flags, 'Flag on its step: ')];
}

/**
 * The outline of the map as the report prints it: every row expanded, in the outline's order
 * (`outlineOf`), with each statement's status in words and the reader's marks.
 */
export function reportRows(map: ArgumentMap, evaluation: Evaluation): ReportRow[] {
	const index = indexMap(map);
	const rows: ReportRow[] = [];
	const walk = (item: OutlineItem, key: string, depth: number) => {
		const n = index.node.get(item.id)!;
		const link = item.link ? index.link.get(item.link) : undefined;
		const status = evaluation.nodes.get(n.id)?.status ?? 'open';
		rows.push({
			key,
			depth,
			id: n.id,
			relation: item.relation,
			repeat: item.repeat,
			name: nodeName(n),
			text: n.text,
			...(link?.relation === 'undercuts' ? { undercuts: targetName(link, index) } : {}),
			figures: (n.figures ?? []).map(formatFigure),
			inferred: inferredHere(index, item),
			status,
			statusWords: STATUS_WORDS[status],
			...(n.origin === 'reader' ? { addedBy: n.author ?? 'a reader' } : {}),
			// A repeated row points back: its judgements were listed where it first appears.
			notes: [
				...(link && item.relation !== 'co-premise' ? linkNotes(link, n, index) : []),
				...(item.repeat ? [] : nodeNotes(n))
			]
		});
		item.children.forEach((c, i) => walk(c, `${key}/${i}`, depth + 1));
	};
	outlineOf(map).forEach((r, i) => walk(r, `${i}`, 1));
	return rows;
}
