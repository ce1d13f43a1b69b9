/**
 * The signals of a student/reference pair, each from 0 to 1: the overlap of their anchored
 * passages, their stemmed content words (also against the reference's passage), the numbers
 * they mention, their kind and role; and `combine`, the pair's similarity from them. The
 * neighbourhood signal is filled in by align.ts's refinement passes.
 */
import type { ArgumentMap, MapNode, NodeKind } from '../model/schema';
import { roleOf, type MapIndex, type Role } from '../model/queries';
import { resolveAnchor } from '../source/anchor';
import { indexText, sentenceSpans, type Span, type TextIndex } from '../source/text';
import { contentStems, numbersIn } from './words';

/** The weights of the signals in a pair's base similarity; absent signals are left out. */
export const WEIGHTS = { anchor: 0.4, words: 0.35, numbers: 0.1, kind: 0.15 } as const;
/** How much the graph neighbourhood counts in a refinement pass. */
export const NEIGHBOUR_WEIGHT = 0.25;
/** Anchored in different paragraphs and sharing less than this of their words: … */
export const FAR_WORDS = 0.1;
/** … the similarity is scaled by this. */
export const FAR_FACTOR = 0.5;

export type Weights = Record<keyof typeof WEIGHTS | 'neighbours', number>;

/** Each signal from 0 to 1, or null when it cannot be measured for this pair. */
export interface Signals {
	anchor: number | null;
	words: number;
	numbers: number | null;
	kind: number;
	neighbours: number | null;
}

/** A statement made ready for comparing. */
export interface Profile {
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

export interface Context {
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

export function context(reference: ArgumentMap, student: ArgumentMap): Context {
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

export function profiles(map: ArgumentMap, index: MapIndex, ctx: Context): Profile[] {
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

export function baseSignals(s: Profile, r: Profile): Signals {
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
