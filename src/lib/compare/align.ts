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
/** Anchored in different paragraphs and sharing less than this of their words: … */
export const FAR_WORDS = 0.1;
/** … the similarity is scaled by this. */
export const FAR_FACTOR = 0.5;
/** Refinement passes after the first assignment. */
export const PASSES = 2;
/** Below this similarity a pair is not a match. */
export const THRESHOLD = 0.3;
/** The greedy baseline's threshold on string ratio (its best on the fixtures; see the bench). */
export const GREEDY_THRESHOLD = 0.4;

export interface AlignOptions {
	threshold?: number;
	passes?: number;
	/** Other weights for the signals (the bench's ablation); `neighbours` is NEIGHBOUR_WEIGHT. */
	weights?: Partial<Record<keyof typeof WEIGHTS | 'neighbours', number>>;
}

type Weights = Record<keyof typeof WEIGHTS | 'neighbours', number>;

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
	/** Content stems, each with its weight (inverse document frequency). */
	words: Map<string, number>;
	/** The total weight of `words`. */
	weight: number;
	passage: Set<string>;
	numbers: Set<number>;
}

interface Context {
	text: TextIndex | undefined;
	/** The whole text's sentences, in order, with their stems. */
	sentences: Sentences;
	idf: (stem: string) => number;
}

/** A text's sentences and the content stems of each, computed once per text. */
interface Sentences {
	spans: Span[];
	stems: Set<string>[];
}
const sentenceCache = new WeakMap<TextIndex, Sentences>();

function sentencesOf(text: TextIndex): Sentences {
	let out = sentenceCache.get(text);
	if (!out) {
		const spans: Span[] = [];
		const stems: Set<string>[] = [];
		text.blocks.forEach((b, i) => {
			for (const s of sentenceSpans(b.text)) {
				spans.push({ start: s.start + text.starts[i]!, end: s.end + text.starts[i]! });
				stems.push(new Set(contentStems(b.text.slice(s.start, s.end))));
			}
		});
		out = { spans, stems };
		sentenceCache.set(text, out);
	}
	return out;
}

function context(reference: ArgumentMap, student: ArgumentMap): Context {
	const blocks = reference.text ?? student.text;
	const text = blocks ? indexText(blocks) : undefined;
	const sentences = text ? sentencesOf(text) : { spans: [], stems: [] };
	// Document frequency over the text's sentences and every statement of both maps.
	const df = new Map<string, number>();
	const count = (stems: Iterable<string>) => {
		for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
	};
	sentences.stems.forEach(count);
	for (const n of [...reference.nodes, ...student.nodes]) count(new Set(contentStems(n.text)));
	const N = sentences.stems.length + reference.nodes.length + student.nodes.length;
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
		const passage = new Set<string>();
		for (const sp of spans) {
			ctx.sentences.spans.forEach((s, i) => {
				if (s.start < sp.end && sp.start < s.end) {
					sentences.add(i);
					for (const w of ctx.sentences.stems[i]!) passage.add(w);
				}
			});
		}
		for (const a of node.anchors ?? []) paragraphs.add(a.paragraph);
		const numbers = numbersIn(node.text);
		for (const f of node.figures ?? []) numbers.add(f.value);
		const words = new Map(contentStems(node.text).map((w) => [w, ctx.idf(w)]));
		let weight = 0;
		for (const w of words.values()) weight += w;
		return {
			node,
			role: roleOf(index, node.id),
			spans,
			sentences,
			paragraphs,
			words,
			weight,
			passage,
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

/** The weight of the student's words that are also in `other`. */
function shared(words: Map<string, number>, other: { has(s: string): boolean }): number {
	let w = 0;
	for (const [s, idf] of words) if (other.has(s)) w += idf;
	return w;
}

/** Word similarity: weighted Dice of the two texts, or how much of the student's words the reference's passage has. */
function wordSignal(s: Profile, r: Profile): number {
	if (!s.weight || !r.weight) return 0;
	const dice = (2 * shared(s.words, r.words)) / (s.weight + r.weight);
	const inPassage = r.passage.size ? shared(s.words, r.passage) / s.weight : 0;
	return Math.max(dice, 0.8 * inPassage);
}

function numberSignal(s: Profile, r: Profile): number | null {
	if (!s.numbers.size || !r.numbers.size) return null;
	let n = 0;
	for (const x of s.numbers) if (r.numbers.has(x)) n++;
	return n / Math.min(s.numbers.size, r.numbers.size);
}

const KIND: Record<NodeKind, Record<NodeKind, number>> = {
	thesis: { thesis: 1, claim: 0.1, evidence: 0, assumption: 0 },
	claim: { thesis: 0.1, claim: 1, evidence: 0.5, assumption: 0.6 },
	evidence: { thesis: 0, claim: 0.5, evidence: 1, assumption: 0.3 },
	assumption: { thesis: 0, claim: 0.6, evidence: 0.3, assumption: 1 }
};

function kindSignal(s: Profile, r: Profile): number {
	return 0.7 * KIND[s.node.kind][r.node.kind] + 0.3 * (s.role === r.role ? 1 : 0.4);
}

function baseSignals(s: Profile, r: Profile): Signals {
	return {
		anchor: anchorSignal(s, r),
		words: wordSignal(s, r),
		numbers: numberSignal(s, r),
		kind: kindSignal(s, r),
		neighbours: null
	};
}

/** The similarity of a pair from its signals. */
export function combine(
	sig: Signals,
	weights: Weights = { ...WEIGHTS, neighbours: NEIGHBOUR_WEIGHT }
): number {
	let sum = 0;
	let w = 0;
	for (const k of ['anchor', 'words', 'numbers', 'kind'] as const) {
		const v = sig[k];
		if (v === null) continue;
		sum += weights[k] * v;
		w += weights[k];
	}
	const base = w ? sum / w : 0;
	const sim =
		sig.neighbours === null
			? base
			: (1 - weights.neighbours) * base + weights.neighbours * sig.neighbours;
	// Evidence against: anchored in different paragraphs, with no word or number in common.
	// Kind and neighbours alone then do not make a match. (No anchor is no evidence either way.)
	const apart = sig.anchor === 0 && sig.words < FAR_WORDS && !sig.numbers;
	return apart ? sim * FAR_FACTOR : sim;
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

/**
 * The assignment with the greatest total margin over the threshold: a pair gains what its
 * similarity exceeds the threshold by, a pair under it gains nothing (it is no better than
 * leaving both unmatched). Maximising total similarity instead would prefer two weak pairs
 * (0.34 + 0.31) to one strong pair (0.63) and an unmatched statement.
 */
function solve(sim: number[][], threshold: number): number[] {
	const cost = sim.map((row) => row.map((v) => Math.min(0, threshold - v)));
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
	const weights: Weights = { ...WEIGHTS, neighbours: NEIGHBOUR_WEIGHT, ...options.weights };
	const ctx = context(reference, student);
	const ri = indexMap(reference);
	const si = indexMap(student);
	const R = profiles(reference, ri, ctx);
	const S = profiles(student, si, ctx);
	const signals = S.map((s) => R.map((r) => baseSignals(s, r)));
	// A statement with no anchor and no word of the text or the reference ("Junk one") is about
	// something else: kind and neighbours alone do not make it a match.
	const topic = new Set([
		...ctx.sentences.stems.flatMap((x) => [...x]),
		...R.flatMap((r) => [...r.words.keys(), ...r.passage])
	]);
	const off = S.map((x) => !x.spans.length && ![...x.words.keys()].some((w) => topic.has(w)));
	const weigh = (i: number, v: number) => (off[i] ? v * FAR_FACTOR : v);
	let sim = signals.map((row, i) => row.map((sig) => weigh(i, combine(sig, weights))));
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
				return weigh(i, combine(sig, weights));
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
