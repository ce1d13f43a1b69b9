/**
 * Exercises: a teacher turns a map that carries its text into a reconstruction exercise; each
 * student works on their own submission and asks the server to check it. Stored under
 * `WARRANT_DATA_DIR` (default ./data), which no /maps or /api/maps route serves:
 *
 *   data/exercises/ID/exercise.json          the pinned reference, settings, key hashes
 *   data/exercises/ID/submissions/SUB.json   one student's map, token hash, hints used
 *
 * The reference is a copy, pinned: editing the source map changes nothing until the teacher
 * updates the exercise. Keys and tokens are long random strings kept only as SHA-256 hashes and
 * compared in constant time; exercise and submission ids are random too, so no URL can be
 * guessed into someone else's work. Checking runs here; a student gets `forStudent`'s view.
 *
 * Two keys, both revocable: the teacher key (the teacher link: the class view) and the join key
 * (the student link: joining by name). Reissuing the join key stops the old student link from
 * making new submissions, while students who joined keep their work: their own submission token
 * (cookie and resume link) is what opens it, not the link they came by. Reissuing the teacher
 * key locks every browser holding the old one out of the class view.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { compareMaps, forStudent, written, type Comparison, type StudentView } from '../compare';
import { validateMap } from '../model/parse';
import { PLACEHOLDER_TAG } from '../model/queries';
import { mapSchema, type ArgumentMap } from '../model/schema';
import { templateMap } from '../model/templates';
import { loadMap, writeAtomic } from './store';

/** What students start from: the text only, the text and the thesis, or thesis and reasons. */
export const STARTS = ['text', 'thesis', 'scaffold'] as const;
export type Start = (typeof STARTS)[number];
export type HintLevel = 1 | 2 | 3;

const ID = /^[A-Za-z0-9_-]{22}$/;
const hash = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const newId = () => randomBytes(16).toString('base64url');
const newSecret = () => randomBytes(32).toString('base64url');

const exerciseSchema = z.object({
	id: z.string().regex(ID),
	title: z.string().min(1).max(200),
	from: z.string(),
	start: z.enum(STARTS),
	hintLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]),
	/** The teacher has released the reference: students see it beside their map. */
	released: z.boolean(),
	teacherHash: z.string(),
	/** The student link's key; exercises made before there was one are joined by their id. */
	joinHash: z.string().optional(),
	created: z.string(),
	updated: z.string(),
	reference: mapSchema
});
export type Exercise = z.infer<typeof exerciseSchema>;

const submissionSchema = z.object({
	id: z.string().regex(ID),
	name: z.string().min(1).max(80),
	tokenHash: z.string(),
	updated: z.string(),
	/** Per finding id, the highest hint level shown. */
	hints: z.record(z.string(), z.number().int().min(0).max(3)),
	checks: z.number().int().min(0),
	map: mapSchema
});
export type Submission = z.infer<typeof submissionSchema>;

export type Refusal = { ok: false; status: 400 | 403 | 404 | 422; message: string };
type Result<T> = ({ ok: true } & T) | Refusal;

export function dataDir(): string {
	return resolve(process.env.WARRANT_DATA_DIR || 'data');
}
const exerciseDir = (id: string) => join(dataDir(), 'exercises', id);
const submissionFile = (ex: string, sub: string) =>
	join(exerciseDir(ex), 'submissions', `${sub}.json`);
const saveExercise = (exercise: Exercise) =>
	writeAtomic(join(exerciseDir(exercise.id), 'exercise.json'), JSON.stringify(exercise));

function same(secret: string | null | undefined, storedHash: string): boolean {
	if (!secret) return false;
	const a = Buffer.from(hash(secret), 'hex');
	const b = Buffer.from(storedHash, 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}

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
		teacherHash: hash(teacherKey),
		joinHash: hash(joinKey),
		created: now,
		updated: now,
		// The argument as written: a slot nobody filled in is not asked of students.
		reference: written(loaded.map)
	};
	await mkdir(join(exerciseDir(exercise.id), 'submissions'), { recursive: true });
	await saveExercise(exercise);
	return { ok: true, exercise, teacherKey, joinKey };
}

/** An exercise by id; a malformed or unknown id is "not found", never a path. */
export async function loadExercise(id: string): Promise<Result<{ exercise: Exercise }>> {
	const gone: Refusal = { ok: false, status: 404, message: 'There is no such exercise.' };
	if (!ID.test(id)) return gone;
	const text = await readFile(join(exerciseDir(id), 'exercise.json'), 'utf8').catch(() => '');
	const parsed = text ? exerciseSchema.safeParse(JSON.parse(text)) : undefined;
	return parsed?.success ? { ok: true, exercise: parsed.data } : gone;
}

/** Whether `key` is this exercise's teacher key. */
export function isTeacher(exercise: Exercise, key: string | null | undefined): boolean {
	return same(key, exercise.teacherHash);
}

/** Whether `key` is this exercise's join key (the student link's); an old link's key is not. */
export function canJoin(exercise: Exercise, key: string | null | undefined): boolean {
	return exercise.joinHash === undefined || same(key, exercise.joinHash);
}

/** Why a student may not join with `key`, in words; undefined when they may. */
export function joinRefusal(exercise: Exercise, key: string | null | undefined) {
	if (canJoin(exercise, key)) return undefined;
	const resume = 'If you have already started, open your resume link to go on with your work.';
	return key
		? `This student link is no longer in use: your teacher has replaced it. Ask them for the new link. ${resume}`
		: `This link is missing its key: open the whole student link your teacher gave you (it ends in “?join=…”). ${resume}`;
}

/** The student link as a path: `/x/ID?join=KEY` (or `/x/ID` for an exercise made without one). */
export const studentPath = (exercise: Exercise, joinKey: string | undefined) =>
	`/x/${exercise.id}${joinKey ? `?join=${joinKey}` : ''}`;

/** A new key in place of the one whose hash is `field`; the old key is refused from now on. */
async function reissue(exercise: Exercise, field: 'joinHash' | 'teacherHash') {
	const key = newSecret();
	const next = { ...exercise, [field]: hash(key), updated: new Date().toISOString() };
	await saveExercise(next);
	return { exercise: next, key };
}

/** A new key for the student link; the old link can no longer join. Shown once. */
export async function reissueStudentLink(
	exercise: Exercise
): Promise<{ exercise: Exercise; joinKey: string }> {
	const r = await reissue(exercise, 'joinHash');
	return { exercise: r.exercise, joinKey: r.key };
}

/** A new teacher key; the old teacher link and every browser holding it are refused. Shown once. */
export async function reissueTeacherLink(
	exercise: Exercise
): Promise<{ exercise: Exercise; teacherKey: string }> {
	const r = await reissue(exercise, 'teacherHash');
	return { exercise: r.exercise, teacherKey: r.key };
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
		tokenHash: hash(token),
		updated: new Date().toISOString(),
		hints: {},
		checks: 0,
		map: starterMap(exercise.reference, exercise.start)
	};
	await writeAtomic(submissionFile(exercise.id, submission.id), JSON.stringify(submission), true);
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
	if (!id || !token || !ID.test(id)) return refused;
	const text = await readFile(submissionFile(exercise.id, id), 'utf8').catch(() => '');
	const parsed = text ? submissionSchema.safeParse(JSON.parse(text)) : undefined;
	if (!parsed?.success || !same(token, parsed.data.tokenHash)) return refused;
	return { ok: true, submission: parsed.data };
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
	await writeAtomic(submissionFile(exercise.id, submission.id), JSON.stringify(next));
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
	await writeAtomic(submissionFile(exercise.id, submission.id), JSON.stringify(next));
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
	await writeAtomic(submissionFile(exercise.id, submission.id), JSON.stringify(next));
	return { ok: true, level, hint: hint.text };
}

export interface ClassRow {
	id: string;
	name: string;
	updated: string;
	checks: number;
	/** The highest hint level the student opened. */
	hintsUsed: number;
	/** The student's map (the side-by-side view draws it; never sent to another student). */
	map: ArgumentMap;
	comparison: Comparison;
}

/** Every submission, scored against the reference now (the teacher's view). */
export async function classRows(exercise: Exercise): Promise<ClassRow[]> {
	const dir = join(exerciseDir(exercise.id), 'submissions');
	const files = (await readdir(dir).catch(() => [])).filter((f) => /^[\w-]{22}\.json$/.test(f));
	const rows: ClassRow[] = [];
	for (const f of files) {
		const parsed = submissionSchema.safeParse(JSON.parse(await readFile(join(dir, f), 'utf8')));
		if (!parsed.success) continue;
		const s = parsed.data;
		rows.push({
			id: s.id,
			name: s.name,
			updated: s.updated,
			checks: s.checks,
			hintsUsed: Math.max(0, ...Object.values(s.hints)),
			map: s.map,
			comparison: compareMaps(exercise.reference, s.map)
		});
	}
	return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** Remove one student's work (the class view's "delete"). */
export async function deleteSubmission(exercise: Exercise, id: string): Promise<boolean> {
	if (!ID.test(id)) return false;
	await rm(submissionFile(exercise.id, id), { force: true });
	return true;
}

/** Re-pin the reference from the source map as it is now; every submission is scored anew. */
export async function updateReference(exercise: Exercise): Promise<Result<{ exercise: Exercise }>> {
	const loaded = await loadMap(exercise.from);
	if (!loaded.ok) return { ok: false, status: 404, message: `The map "${exercise.from}" is gone.` };
	const next = { ...exercise, reference: written(loaded.map), updated: new Date().toISOString() };
	await saveExercise(next);
	return { ok: true, exercise: next };
}

/** The class table as CSV: one row a student, the score and its parts. */
export function classCsv(rows: ClassRow[]): string {
	const cell = (v: string | number) => {
		const s = String(v);
		// A leading = + - @ would be read as a formula by a spreadsheet.
		const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
		return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
	};
	const parts = rows[0]?.comparison.score.parts.map((p) => p.label) ?? [];
	const head = ['name', 'score', ...parts, 'last change', 'checks', 'highest hint'];
	const lines = rows.map((r) => [
		r.name,
		r.comparison.score.total,
		...r.comparison.score.parts.map((p) => `${p.points}/${p.max}`),
		r.updated,
		r.checks,
		r.hintsUsed
	]);
	return [head, ...lines].map((l) => l.map(cell).join(',')).join('\n') + '\n';
}

export interface ClassSummary {
	/**
	 * Per numbered paragraph of the text, with its words: how many students miss a statement
	 * anchored there, how many link one of its statements wrongly (wrong kind, misattached,
	 * reversed, skipping a step, not linked), and how many do either.
	 */
	paragraphs: { paragraph: number; text: string; missed: number; linked: number; any: number }[];
	/** The reference statements most often missed, most first. */
	mostMissed: { id: string; kind: string; text: string; missed: number }[];
}

/** What the class most often missed, by paragraph and by statement (the teacher's view). */
export function classSummary(exercise: Exercise, rows: ClassRow[]): ClassSummary {
	const ref = exercise.reference;
	const numbered = (ref.text ?? []).filter((b) => !b.skip);
	const paragraphsOf = (id: string | undefined) =>
		(ref.nodes.find((n) => n.id === id)?.anchors ?? []).flatMap((a) =>
			a.paragraph ? [a.paragraph] : []
		);
	const fromOf = (link: string) => ref.links.find((l) => l.id === link)?.from;
	const tally = () => new Map<number, Set<string>>();
	const missed = tally();
	const linked = tally();
	const mark = (m: Map<number, Set<string>>, paragraphs: number[], student: string) => {
		for (const p of paragraphs) m.set(p, (m.get(p) ?? new Set()).add(student));
	};
	const byStatement = new Map<string, number>();
	for (const row of rows) {
		const { structure } = row.comparison;
		for (const id of structure.missingStatements) {
			byStatement.set(id, (byStatement.get(id) ?? 0) + 1);
			mark(missed, paragraphsOf(id), row.id);
		}
		// A link wrong or missing counts where its reason (the reference link's source) is.
		for (const id of structure.missingLinks) mark(linked, paragraphsOf(fromOf(id)), row.id);
		for (const v of structure.links)
			if (v.verdict !== 'matched' && 'reference' in v)
				mark(linked, paragraphsOf(fromOf(v.reference)), row.id);
	}
	return {
		paragraphs: numbered.map((b, i) => {
			const p = i + 1;
			const any = new Set([...(missed.get(p) ?? []), ...(linked.get(p) ?? [])]);
			return {
				paragraph: p,
				text: b.text,
				missed: missed.get(p)?.size ?? 0,
				linked: linked.get(p)?.size ?? 0,
				any: any.size
			};
		}),
		mostMissed: [...byStatement]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 8)
			.map(([id, n]) => {
				const node = ref.nodes.find((x) => x.id === id)!;
				return { id, kind: node.kind, text: node.text, missed: n };
			})
	};
}
