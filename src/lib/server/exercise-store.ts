/**
 * Where exercises live on disk, and the only code that reads or writes them. Stored under
 * `WARRANT_DATA_DIR` (default ./data), which no /maps or /api/maps route serves:
 *
 *   data/exercises/ID/exercise.json          the pinned reference, settings, key hashes
 *   data/exercises/ID/submissions/SUB.json   one student's map, token hash, hints used
 *
 * Exercise and submission ids are random, so no URL can be guessed into someone else's work;
 * a malformed id is refused before any path is built. Every read is validated by its schema.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { mapSchema } from '../model/schema';
import { writeAtomic } from './store';

/** What students start from: the text only, the text and the thesis, or thesis and reasons. */
export const STARTS = ['text', 'thesis', 'scaffold'] as const;
export type Start = (typeof STARTS)[number];
export type HintLevel = 1 | 2 | 3;

const ID = /^[A-Za-z0-9_-]{22}$/;
/** A new exercise or submission id: random, 22 URL-safe characters. */
export const newId = () => randomBytes(16).toString('base64url');

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
export type Result<T> = ({ ok: true } & T) | Refusal;

export function dataDir(): string {
	return resolve(process.env.WARRANT_DATA_DIR || 'data');
}
const exerciseDir = (id: string) => join(dataDir(), 'exercises', id);
const submissionsDir = (ex: string) => join(exerciseDir(ex), 'submissions');
const submissionFile = (ex: string, sub: string) => join(submissionsDir(ex), `${sub}.json`);

/** Write an exercise over its stored version. */
export const saveExercise = (exercise: Exercise) =>
	writeAtomic(join(exerciseDir(exercise.id), 'exercise.json'), JSON.stringify(exercise));

/** Store a new exercise, with its (empty) folder of submissions. */
export async function addExercise(exercise: Exercise): Promise<void> {
	await mkdir(submissionsDir(exercise.id), { recursive: true });
	await saveExercise(exercise);
}

/** An exercise by id; a malformed or unknown id is "not found", never a path. */
export async function loadExercise(id: string): Promise<Result<{ exercise: Exercise }>> {
	const gone: Refusal = { ok: false, status: 404, message: 'There is no such exercise.' };
	if (!ID.test(id)) return gone;
	const text = await readFile(join(exerciseDir(id), 'exercise.json'), 'utf8').catch(() => '');
	const parsed = text ? exerciseSchema.safeParse(JSON.parse(text)) : undefined;
	return parsed?.success ? { ok: true, exercise: parsed.data } : gone;
}

/** Write a submission; `exclusive` refuses to replace one already there (a new student's). */
export const writeSubmission = (exercise: Exercise, submission: Submission, exclusive = false) =>
	writeAtomic(submissionFile(exercise.id, submission.id), JSON.stringify(submission), exclusive);

/** A stored submission by id; undefined for a malformed id, a missing or an invalid file. */
export async function readSubmission(
	exercise: Exercise,
	id: string
): Promise<Submission | undefined> {
	if (!ID.test(id)) return undefined;
	const text = await readFile(submissionFile(exercise.id, id), 'utf8').catch(() => '');
	const parsed = text ? submissionSchema.safeParse(JSON.parse(text)) : undefined;
	return parsed?.success ? parsed.data : undefined;
}

/** Every valid submission of an exercise, in the order the folder lists them. */
export async function listSubmissions(exercise: Exercise): Promise<Submission[]> {
	const dir = submissionsDir(exercise.id);
	const files = (await readdir(dir).catch(() => [])).filter((f) => /^[\w-]{22}\.json$/.test(f));
	const all: Submission[] = [];
	for (const f of files) {
		const parsed = submissionSchema.safeParse(JSON.parse(await readFile(join(dir, f), 'utf8')));
		if (parsed.success) all.push(parsed.data);
	}
	return all;
}

/** Remove one student's work (the class view's "delete"). */
export async function deleteSubmission(exercise: Exercise, id: string): Promise<boolean> {
	if (!ID.test(id)) return false;
	await rm(submissionFile(exercise.id, id), { force: true });
	return true;
}
