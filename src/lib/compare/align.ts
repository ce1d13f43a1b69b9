/**
 * Which student statement is which reference statement. Every pair gets a similarity from the
 * signals there are without a language model: the overlap of their anchored passages, their
 * stemmed content words (also against the reference's passage), the numbers they mention,
 * their kind and role, and, in refinement passes, whether their neighbours in the graph are
 * aligned to each other. The assignment is solved globally (Hungarian method); a pair below
 * the threshold is no match. `greedyAlign` is the baseline it is measured against: greedy by
 * fuzzy string ratio, as arg-tech's AMF evaluation aligns nodes. See docs/comparison.md.
 */
import type { ArgumentMap, MapNode, NodeKind } from '../model/schema';
import { indexMap, roleOf, type MapIndex, type Role } from '../model/queries';
import { resolveAnchor } from '../source/anchor';
import { indexText, sentenceSpans, type Span, type TextIndex } from '../source/text';
import { assign } from './hungarian';
import { contentStems, numbersIn } from './words';

/** The weights of the signals in a pair's base similarity; absent signals are left out. */
export const WEIGHTS = { anchor: 0.4, words: 0.35, numbers: 0.1, kind: 0.15 } as const;
/** How much the graph neighbourhood counts in a refinement pass. */
export const NEIGHBOUR_WEIGHT = 0.25;
/** Refinement passes after the first assignment. */
export const PASSES = 2;
/** Below this similarity a pair is not a match. */
export const THRESHOLD = 0.3;
/** The greedy baseline's threshold on string ratio (its best on the fixtures; see the bench). */
export const GREEDY_THRESHOLD = 0.4;

export interface AlignOptions {
	threshold?: number;
	passes?: number;
}

/** Each signal from 0 to 1, or null when it cannot be measured for this pair. */
export interface Signals {
	anchor: number | null;
	words: number;
	numbers: number | null;
	kind: number;
	neighbours: number | null;
}

export interface AlignedPair {
	student: string;
	reference: string;
	/** The similarity the pair was matched with, 0 to 1. */
	score: number;
	signals: Signals;
}

export interface Alignment {
	method: 'munkres' | 'greedy-ratio';
	threshold: number;
	pairs: AlignedPair[];
	/** Student statements with no reference statement: extra, or too unlike anything. */
	unmatchedStudent: string[];
	/** Reference statements the student has not got. */
	unmatchedReference: string[];
}

/** A statement made ready for comparing. */
interface Profile {
	node: MapNode;
	role: Role;
	spans: Span[];
	sentences: Set<number>;
	paragraphs: Set<number>;
	words: Map<string, number>;
	passage: Map<string, number>;
	numbers: Set<number>;
}

interface Context {
	text: TextIndex | undefined;
	/** Sentence ranges of the whole text, in order. */
	sentences: Span[];
	idf: (stem: string) => number;
}

function bag(stems: string[]): Map<string, number> {
	const m = new Map<string, number>();
	for (const s of stems) m.set(s, 1);
	return m;
}

function context(reference: ArgumentMap, student: ArgumentMap): Context {
	const blocks = reference.text ?? student.text;
	const text = blocks ? indexText(blocks) : undefined;
	const sentences: Span[] = [];
	const docs: string[] = [];
	if (text)
		text.blocks.forEach((b, i) => {
			for (const s of sentenceSpans(b.text)) {
				sentences.push({ start: s.start + text.starts[i]!, end: s.end + text.starts[i]! });
				docs.push(b.text.slice(s.start, s.end));
			}
		});
	for (const n of [...reference.nodes, ...student.nodes]) docs.push(n.text);
	const df = new Map<string, number>();
	for (const d of docs) for (const s of new Set(contentStems(d))) df.set(s, (df.get(s) ?? 0) + 1);
	const N = docs.length;
	return { text, sentences, idf: (s) => Math.log(1 + N / (df.get(s) ?? 1)) };
}

function spansOf(node: MapNode, ctx: Context): Span[] {
	const out: Span[] = [];
	for (const a of node.anchors ?? []) {
		if (a.start !== undefined && a.end !== undefined) out.push({ start: a.start, end: a.end });
		else if (ctx.text) {
			const r = resolveAnchor(ctx.text, a);
			if (r.status !== 'orphan') out.push({ start: r.start, end: r.end });
		}
	}
	return out;
}

function profiles(map: ArgumentMap, index: MapIndex, ctx: Context): Profile[] {
	return map.nodes.map((node) => {
		const spans = spansOf(node, ctx);
		const sentences = new Set<number>();
		const paragraphs = new Set<number>();
		let passage = '';
		for (const sp of spans) {
			ctx.sentences.forEach((s, i) => {
				if (s.start < sp.end && sp.start < s.end) {
					sentences.add(i);
					passage += ` ${ctx.text!.text.slice(s.start, s.end)}`;
				}
			});
		}
		for (const a of node.anchors ?? []) paragraphs.add(a.paragraph);
		const numbers = numbersIn(node.text);
		for (const f of node.figures ?? []) numbers.add(f.value);
		return {
			node,
			role: roleOf(index, node.id),
			spans,
			sentences,
			paragraphs,
			words: bag(contentStems(node.text)),
			passage: bag(contentStems(passage)),
			numbers
		};
	});
}

const total = (spans: Span[]) => spans.reduce((n, s) => n + s.end - s.start, 0);

function overlap(a: Span[], b: Span[]): number {
	let n = 0;
	for (const x of a)
		for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
	return n;
}

/** How far two statements come from the same place of the text; null if either has no anchor. */
function anchorSignal(s: Profile, r: Profile): number | null {
	if (!s.spans.length || !r.spans.length) return null;
	const ov = overlap(s.spans, r.spans);
	if (ov > 0) {
		const a = total(s.spans);
		const b = total(r.spans);
		return 0.6 * Math.min(1, ov / Math.min(a, b)) + 0.4 * Math.min(1, ov / (a + b - ov));
	}
	for (const i of s.sentences) if (r.sentences.has(i)) return 0.35;
	for (const p of s.paragraphs) if (r.paragraphs.has(p)) return 0.15;
	return 0;
}

function weight(words: Map<string, number>, idf: (s: string) => number): number {
	let w = 0;
	for (const s of words.keys()) w += idf(s);
	return w;
}

function shared(a: Map<string, number>, b: Map<string, number>, idf: (s: string) => number) {
	let w = 0;
	for (const s of a.keys()) if (b.has(s)) w += idf(s);
	return w;
}

/** Word similarity: weighted Dice of the two texts, or how much of the student's words the reference's passage has. */
function wordSignal(s: Profile, r: Profile, idf: (s: string) => number): number {
	const ws = weight(s.words, idf);
	const wr = weight(r.words, idf);
	if (!ws || !wr) return 0;
	const dice = (2 * shared(s.words, r.words, idf)) / (ws + wr);
	const inPassage = r.passage.size ? shared(s.words, r.passage, idf) / ws : 0;
	return Math.max(dice, 0.8 * inPassage);
}

function numberSignal(s: Profile, r: Profile): number | null {
	if (!s.numbers.size || !r.numbers.size) return null;
	let n = 0;
	for (const x of s.numbers) if (r.numbers.has(x)) n++;
	return n / Math.min(s.numbers.size, r.numbers.size);
}

const KIND: Record<NodeKind, Record<NodeKind, number>> = {
	thesis: { thesis: 1, claim: 0.4, evidence: 0.1, assumption: 0.2 },
	claim: { thesis: 0.4, claim: 1, evidence: 0.5, assumption: 0.6 },
	evidence: { thesis: 0.1, claim: 0.5, evidence: 1, assumption: 0.3 },
	assumption: { thesis: 0.2, claim: 0.6, evidence: 0.3, assumption: 1 }
};

function kindSignal(s: Profile, r: Profile): number {
	return 0.7 * KIND[s.node.kind][r.node.kind] + 0.3 * (s.role === r.role ? 1 : 0.4);
}

function baseSignals(s: Profile, r: Profile, ctx: Context): Signals {
	return {
		anchor: anchorSignal(s, r),
		words: wordSignal(s, r, ctx.idf),
		numbers: numberSignal(s, r),
		kind: kindSignal(s, r),
		neighbours: null
	};
}

/** The similarity of a pair from its signals. */
export function combine(sig: Signals): number {
	let sum = 0;
	let w = 0;
	for (const k of ['anchor', 'words', 'numbers', 'kind'] as const) {
		const v = sig[k];
		if (v === null) continue;
		sum += WEIGHTS[k] * v;
		w += WEIGHTS[k];
	}
	const base = sum / w;
	return sig.neighbours === null
		? base
		: (1 - NEIGHBOUR_WEIGHT) * base + NEIGHBOUR_WEIGHT * sig.neighbours;
}

/** A node's neighbours: what it bears on (its parents) and what bears on it (its children). */
function neighbours(index: MapIndex, id: string) {
	const parents = new Set<string>();
	const children = new Set<string>();
	for (const l of index.outgoing.get(id) ?? []) {
		const target = index.link.get(l.to);
		parents.add(target ? target.from : l.to);
	}
	for (const l of index.incoming.get(id) ?? []) {
		children.add(l.from);
		for (const w of l.with ?? []) children.add(w);
	}
	return { parents, children };
}

/**
 * The share of the student's neighbours that are aligned to the reference's neighbours. Only
 * the student's side counts: a neighbour the student has not mapped yet says nothing against
 * the pair (incomplete maps are the common case), one mapped elsewhere does.
 */
function agreement(mine: Set<string>, theirs: Set<string>, to: Map<string, string>): number | null {
	if (!mine.size && !theirs.size) return null;
	let n = 0;
	for (const m of mine) if (theirs.has(to.get(m) ?? '')) n++;
	return n / Math.max(mine.size, theirs.size);
}

function solve(sim: number[][], threshold: number): number[] {
	const cost = sim.map((row) => row.map((v) => (v >= threshold ? 1 - v : 1)));
	return assign(cost).map((j, i) => (j >= 0 && sim[i]![j]! >= threshold ? j : -1));
}

/**
 * Align a student's map with the reference. Example:
 * `alignMaps(reference, student).pairs` → `[{ student: 's3', reference: 'reason-1', score: 0.82, … }]`.
 */
export function alignMaps(
	reference: ArgumentMap,
	student: ArgumentMap,
	options: AlignOptions = {}
): Alignment {
	const threshold = options.threshold ?? THRESHOLD;
	const passes = options.passes ?? PASSES;
	const ctx = context(reference, student);
	const ri = indexMap(reference);
	const si = indexMap(student);
	const R = profiles(reference, ri, ctx);
	const S = profiles(student, si, ctx);
	const signals = S.map((s) => R.map((r) => baseSignals(s, r, ctx)));
	let sim = signals.map((row) => row.map(combine));
	let match = solve(sim, threshold);
	const sN = S.map((s) => neighbours(si, s.node.id));
	const rN = R.map((r) => neighbours(ri, r.node.id));
	for (let pass = 0; pass < passes; pass++) {
		const to = new Map<string, string>();
		match.forEach((j, i) => {
			if (j >= 0) to.set(S[i]!.node.id, R[j]!.node.id);
		});
		sim = signals.map((row, i) =>
			row.map((sig, j) => {
				const p = agreement(sN[i]!.parents, rN[j]!.parents, to);
				const c = agreement(sN[i]!.children, rN[j]!.children, to);
				const both = [p, c].filter((x): x is number => x !== null);
				sig.neighbours = both.length ? both.reduce((a, b) => a + b, 0) / both.length : null;
				return combine(sig);
			})
		);
		match = solve(sim, threshold);
	}
	const pairs: AlignedPair[] = [];
	match.forEach((j, i) => {
		if (j < 0) return;
		pairs.push({
			student: S[i]!.node.id,
			reference: R[j]!.node.id,
			score: round(sim[i]![j]!),
			signals: roundSignals(signals[i]![j]!)
		});
	});
	return finish('munkres', threshold, pairs, student, reference);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
function roundSignals(s: Signals): Signals {
	const r = (x: number | null) => (x === null ? null : round(x));
	return {
		anchor: r(s.anchor),
		words: round(s.words),
		numbers: r(s.numbers),
		kind: round(s.kind),
		neighbours: r(s.neighbours)
	};
}

function finish(
	method: Alignment['method'],
	threshold: number,
	pairs: AlignedPair[],
	student: ArgumentMap,
	reference: ArgumentMap
): Alignment {
	const s = new Set(pairs.map((p) => p.student));
	const r = new Set(pairs.map((p) => p.reference));
	return {
		method,
		threshold,
		pairs,
		unmatchedStudent: student.nodes.filter((n) => !s.has(n.id)).map((n) => n.id),
		unmatchedReference: reference.nodes.filter((n) => !r.has(n.id)).map((n) => n.id)
	};
}

/**
 * How alike two strings are, 0 to 1: 2 × their longest common subsequence over their total
 * length (the Indel ratio of python-Levenshtein / RapidFuzz `ratio`, which AMF uses).
 */
export function stringRatio(a: string, b: string): number {
	if (!a.length && !b.length) return 1;
	let prev = new Uint16Array(b.length + 1);
	let cur = new Uint16Array(b.length + 1);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++)
			cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
		[prev, cur] = [cur, prev];
	}
	return (2 * prev[b.length]!) / (a.length + b.length);
}

/** The baseline: pairs taken greedily by string ratio of their texts, best first, down to the threshold. */
export function greedyAlign(
	reference: ArgumentMap,
	student: ArgumentMap,
	options: AlignOptions = {}
): Alignment {
	const threshold = options.threshold ?? GREEDY_THRESHOLD;
	const all: { s: string; r: string; score: number }[] = [];
	for (const s of student.nodes)
		for (const r of reference.nodes)
			all.push({
				s: s.id,
				r: r.id,
				score: stringRatio(s.text.toLowerCase(), r.text.toLowerCase())
			});
	all.sort((a, b) => b.score - a.score);
	const usedS = new Set<string>();
	const usedR = new Set<string>();
	const pairs: AlignedPair[] = [];
	for (const p of all) {
		if (p.score < threshold) break;
		if (usedS.has(p.s) || usedR.has(p.r)) continue;
		usedS.add(p.s);
		usedR.add(p.r);
		pairs.push({
			student: p.s,
			reference: p.r,
			score: round(p.score),
			signals: { anchor: null, words: round(p.score), numbers: null, kind: 0, neighbours: null }
		});
	}
	return finish('greedy-ratio', threshold, pairs, student, reference);
}
