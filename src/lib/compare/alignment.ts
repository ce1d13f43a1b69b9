/** What an alignment is, and how one is finished: pairs rounded, the unmatched listed. */
import type { ArgumentMap } from '../model/schema';
import type { Signals, WEIGHTS } from './align-signals';

export interface AlignOptions {
	threshold?: number;
	passes?: number;
	/** Other weights for the signals (the bench's ablation); `neighbours` is NEIGHBOUR_WEIGHT. */
	weights?: Partial<Record<keyof typeof WEIGHTS | 'neighbours', number>>;
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

export const round = (x: number) => Math.round(x * 1000) / 1000;
export function roundSignals(s: Signals): Signals {
	const r = (x: number | null) => (x === null ? null : round(x));
	return {
		anchor: r(s.anchor),
		words: round(s.words),
		numbers: r(s.numbers),
		kind: round(s.kind),
		neighbours: r(s.neighbours)
	};
}

export function finish(
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
