/**
 * Comparing a student's map with a reference map of the same text: which statement is which
 * (align.ts), how the structures differ (structure.ts), and what to tell the student, with a
 * score (feedback.ts). Everything returned is plain JSON-serialisable data: the server computes
 * it, the browser only shows it. See docs/comparison.md.
 */
import type { ArgumentMap } from '../model/schema';
import { alignMaps, type AlignOptions, type Alignment } from './align';
import { feedback, type Finding, type Hint, type Score } from './feedback';
import { compareStructure, type StructureReport } from './structure';
import { written } from './written';

export type { Alignment, AlignedPair, AlignOptions, Signals } from './align';
export type { Finding, FindingCode, Hint, Score, ScorePart, Target } from './feedback';
export type { LinkKind, LinkVerdict, StructureReport, InTextDifference } from './structure';
export { alignMaps, greedyAlign, THRESHOLD, WEIGHTS } from './align';
export { written } from './written';

export interface Comparison {
	/** Student statement ↔ reference statement, with each pair's signals. Teacher side only. */
	alignment: Alignment;
	findings: Finding[];
	score: Score;
	/** Link by link verdicts and what is missing, by id. Teacher side only. */
	structure: StructureReport;
}

/**
 * Compare a student's map with the reference. Example:
 * ```ts
 * const { findings, score } = compareMaps(reference, submission);
 * ```
 */
export function compareMaps(
	reference: ArgumentMap,
	student: ArgumentMap,
	options: AlignOptions = {}
): Comparison {
	// Unwritten placeholders ("Reason 2") are neither asked for nor matched.
	reference = written(reference);
	// A student's starter thesis ("select it in the text and press T") is not theirs yet either.
	student = written(student, { thesis: true });
	const alignment = alignMaps(reference, student, options);
	const structure = compareStructure(reference, student, alignment);
	const { findings, score } = feedback(reference, student, alignment, structure);
	return { alignment, findings, score, structure };
}

/** What a student may see: findings with hints up to `level`, the score; no reference ids. */
export interface StudentView {
	findings: (Omit<Finding, 'reference' | 'hints'> & { hints: Hint[] })[];
	score: Score;
	/** The highest hint level released. */
	hintLevel: 0 | 1 | 2 | 3;
}

/**
 * Strip a comparison for the student's browser: hints above the released level (level 3 is
 * the only one that quotes the reference), the alignment and the reference ids.
 */
export function forStudent(c: Comparison, level: 0 | 1 | 2 | 3): StudentView {
	return {
		findings: c.findings.map((f) => ({
			id: f.id,
			code: f.code,
			severity: f.severity,
			target: f.target,
			message: f.message,
			hints: f.hints.filter((h) => h.level <= level)
		})),
		score: c.score,
		hintLevel: level
	};
}
