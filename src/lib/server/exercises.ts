/**
 * Exercises: a teacher turns a map that carries its text into a reconstruction exercise; each
 * student works on their own submission and asks the server to check it. This module is the
 * flow (make, join, save, check, hints, re-pin); where it is stored is `exercise-store.ts`, the
 * keys and links `exercise-keys.ts`, the teacher's class view `exercise-class.ts`.
 *
 * The reference is a copy, pinned: editing the source map changes nothing until the teacher
 * updates the exercise. Checking runs here; a student gets `forStudent`'s view.
 */
import { compareMaps, forStudent, written, type Comparison, type StudentView } from '../compare';
import { validateMap } from '../model/parse';
import { PLACEHOLDER_TAG } from '../model/queries';
import type { ArgumentMap } from '../model/schema';
import { templateMap } from '../model/templates';
import { hashOf, joinRefusal, matchesHash, newSecret } from './exercise-keys';
import {
	addExercise,
	newId,
	readSubmission,
	saveExercise,
	writeSubmission,
	type Exercise,
	type HintLevel,
	type Refusal,
	type Result,
	type Start,
	type Submission
} from './exercise-store';
import { loadMap } from './store';

/** The map a student starts from: the reference's source and text, and what `start` gives. */
export function starterMap(reference: ArgumentMap, start: Start): ArgumentMap {
	const thesis = reference.nodes.find((n) => n.kind === 'thesis');
	const { nodes: _n, links: _l, owner: _o, basedOn: _b, ...rest } = reference;
	const given =
		start !== 'text' && thesis
			? { ...thesis, id: 'thesis' }
			: {
					id: 'thesis',
					kind: 'thesis' as const,
					text: 'The thesis: select it in the text and press T',
					tags: [PLACEHOLDER_TAG],
					origin: 'source' as const,
					inText: 'stated' as const
				};
	const reasons =
		start === 'scaffold' && thesis
			? reference.links.filter(
					(l) =>
						l.to === thesis.id &&
						l.relation === 'supports' &&
						reference.nodes.find((n) => n.id === l.from)?.kind === 'claim'
				).length
			: 0;
	// The scaffold is a new map's: the thesis and N empty reasons (model/templates).
	const scaffold = templateMap(reference.source, '', reasons);
	const { verdict: _v, flags: _f, ...thesisNode } = given;
	return {
		...rest,
		nodes: [structuredClone(thesisNode), ...scaffold.nodes.slice(1)],
		links: scaffold.links
	};
}

/** Make an exercise of map `from` (which must carry its text). Its keys are shown once. */
export async function createExercise(opts: {
	from: string;
	title?: string;
	start: Start;
	hintLevel: HintLevel;
}): Promise<Result<{ exercise: Exercise; teacherKey: string; joinKey: string }>> {
	const loaded = await loadMap(opts.from);
	if (!loaded.ok) return { ok: false, status: 404, message: `There is no map "${opts.from}".` };
	if (!loaded.map.text)
		return {
			ok: false,
			status: 422,
			message:
				'This map does not carry its text: attach the text first, so students can select passages and be checked against them.'
		};
	if (!loaded.map.nodes.some((n) => n.kind === 'thesis'))
		return { ok: false, status: 422, message: 'This map has no thesis to check students against.' };
	const teacherKey = newSecret();
	const joinKey = newSecret();
	const now = new Date().toISOString();
	const exercise: Exercise = {
		id: newId(),
		title: (opts.title?.trim() || loaded.map.title || loaded.map.source.title).slice(0, 200),
		from: opts.from,
		start: opts.start,
		hintLevel: opts.hintLevel,
		released: false,
		teacherHash: hashOf(teacherKey),
		joinHash: hashOf(joinKey),
		created: now,
		updated: now,
		// The argument as written: a slot nobody filled in is not asked of students.
		reference: written(loaded.map)
	};
	await addExercise(exercise);
	return { ok: true, exercise, teacherKey, joinKey };
}

/** Release the reference to the students (they see it beside their map), or take it back. */
export async function setReleased(exercise: Exercise, released: boolean): Promise<Exercise> {
	const next = { ...exercise, released, updated: new Date().toISOString() };
	await saveExercise(next);
	return next;
}

/**
 * A student joins with a display name and the student link's key: their submission and its
 * token (cookie and resume link).
 */
export async function joinExercise(
	exercise: Exercise,
	name: string,
	joinKey: string | null | undefined
): Promise<Result<{ submission: Submission; credential: string }>> {
	const refused = joinRefusal(exercise, joinKey);
	if (refused) return { ok: false, status: 403, message: refused };
	const display = name.trim().replace(/\s+/g, ' ');
	if (!display || display.length > 80)
		return { ok: false, status: 400, message: 'Give a name of 1 to 80 characters.' };
	const token = newSecret();
	const submission: Submission = {
		id: newId(),
		name: display,
		tokenHash: hashOf(token),
		updated: new Date().toISOString(),
		hints: {},
		checks: 0,
		map: starterMap(exercise.reference, exercise.start)
	};
	await writeSubmission(exercise, submission, true);
	return { ok: true, submission, credential: `${submission.id}.${token}` };
}

/** The submission a credential (`SUB.TOKEN`) opens; anything else is refused the same way. */
export async function submissionFor(
	exercise: Exercise,
	credential: string | null | undefined
): Promise<Result<{ submission: Submission }>> {
	const refused: Refusal = {
		ok: false,
		status: 403,
		message: 'This browser has no work in this exercise: open your resume link, or give your name.'
	};
	const [id, token] = (credential ?? '').split('.');
	if (!id || !token) return refused;
	const submission = await readSubmission(exercise, id);
	if (!submission || !matchesHash(token, submission.tokenHash)) return refused;
	return { ok: true, submission };
}

/** Save a student's map (validated whole, as every save is). */
export async function saveSubmission(
	exercise: Exercise,
	submission: Submission,
	value: unknown
): Promise<Result<{ submission: Submission }>> {
	const r = validateMap(value);
	if (!r.ok)
		return {
			ok: false,
			status: 422,
			message: `The map is not valid: ${r.problems[0]?.message ?? 'unknown problem'}`
		};
	const next = { ...submission, map: r.map, updated: new Date().toISOString() };
	await writeSubmission(exercise, next);
	return { ok: true, submission: next };
}

/** The hint level shown for a finding: 1 at first, at most what the teacher released. */
const shownLevel = (exercise: Exercise, submission: Submission, finding: string) =>
	Math.min(exercise.hintLevel, Math.max(1, submission.hints[finding] ?? 1)) as HintLevel;

/** Check a submission against the reference; the student sees only `StudentView`. */
export async function check(
	exercise: Exercise,
	submission: Submission
): Promise<{ view: StudentView; comparison: Comparison }> {
	const comparison = compareMaps(exercise.reference, submission.map);
	const view = forStudent(comparison, exercise.hintLevel);
	view.findings = view.findings.map((f) => ({
		...f,
		hints: f.hints.filter((h) => h.level <= shownLevel(exercise, submission, f.id))
	}));
	const next = { ...submission, checks: submission.checks + 1 };
	await writeSubmission(exercise, next);
	return { view, comparison };
}

/** Show the next hint of a finding, if the teacher allows it; the class view sees who did. */
export async function nextHint(
	exercise: Exercise,
	submission: Submission,
	finding: string
): Promise<Result<{ level: HintLevel; hint: string }>> {
	const comparison = compareMaps(exercise.reference, submission.map);
	const f = comparison.findings.find((x) => x.id === finding);
	if (!f) return { ok: false, status: 404, message: 'That finding is gone: check your map again.' };
	const level = Math.min(exercise.hintLevel, (submission.hints[finding] ?? 1) + 1) as HintLevel;
	const hint = f.hints.find((h) => h.level === level);
	if (!hint || level <= (submission.hints[finding] ?? 1))
		return { ok: false, status: 403, message: 'There is no further hint for this one.' };
	const next = { ...submission, hints: { ...submission.hints, [finding]: level } };
	await writeSubmission(exercise, next);
	return { ok: true, level, hint: hint.text };
}

/** Re-pin the reference from the source map as it is now; every submission is scored anew. */
export async function updateReference(exercise: Exercise): Promise<Result<{ exercise: Exercise }>> {
	const loaded = await loadMap(exercise.from);
	if (!loaded.ok) return { ok: false, status: 404, message: `The map "${exercise.from}" is gone.` };
	const next = { ...exercise, reference: written(loaded.map), updated: new Date().toISOString() };
	await saveExercise(next);
	return { ok: true, exercise: next };
}
