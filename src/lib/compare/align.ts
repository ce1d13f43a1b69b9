/**
 * Which student statement is which reference statement. Every pair gets a similarity from the
 * signals there are without a language model: the overlap of their anchored passages, their
 * stemmed content words (also against the reference's passage), the numbers they mention,
 * their kind and role, and, in refinement passes, whether their neighbours in the graph are
 * aligned to each other. The assignment is solved globally (Hungarian method); a pair below
 * the threshold is no match. `greedyAlign` is the baseline it is measured against: greedy by
 * fuzzy string ratio, as arg-tech's AMF evaluation aligns nodes. See docs/comparison.md.
 */
import type { ArgumentMap } from '../model/schema';
import { indexMap, type MapIndex } from '../model/queries';
import { assign } from './hungarian';
import {
	FAR_FACTOR,
	NEIGHBOUR_WEIGHT,
	WEIGHTS,
	baseSignals,
	combine,
	context,
	profiles,
	type Weights
} from './align-signals';
import {
	finish,
	round,
	roundSignals,
	type AlignOptions,
	type AlignedPair,
	type Alignment
} from './alignment';

export {
	FAR_FACTOR,
	FAR_WORDS,
	NEIGHBOUR_WEIGHT,
	WEIGHTS,
	combine,
	type Signals
} from './align-signals';
export type { AlignOptions, AlignedPair, Alignment } from './alignment';
export { GREEDY_THRESHOLD, greedyAlign, stringRatio } from './greedy';

/** Refinement passes after the first assignment. */
export const PASSES = 2;
/** Below this similarity a pair is not a match. */
export const THRESHOLD = 0.3;

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
