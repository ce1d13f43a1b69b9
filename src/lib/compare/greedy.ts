/**
 * The baseline alignment is measured against: greedy by fuzzy string ratio, as arg-tech's AMF
 * evaluation aligns nodes. See docs/comparison.md.
 */
import type { ArgumentMap } from '../model/schema';
import { finish, round, type AlignOptions, type AlignedPair, type Alignment } from './alignment';

/** The greedy baseline's threshold on string ratio (its best on the fixtures; see the bench). */
export const GREEDY_THRESHOLD = 0.4;

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
