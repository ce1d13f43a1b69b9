/**
 * The secrets of an exercise: keys and tokens are long random strings kept only as SHA-256
 * hashes and compared in constant time.
 *
 * Two keys, both revocable: the teacher key (the teacher link: the class view) and the join key
 * (the student link: joining by name). Reissuing the join key stops the old student link from
 * making new submissions, while students who joined keep their work: their own submission token
 * (cookie and resume link) is what opens it, not the link they came by. Reissuing the teacher
 * key locks every browser holding the old one out of the class view.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { saveExercise, type Exercise } from './exercise-store';

/** The hash kept in place of a secret. */
export const hashOf = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
/** A new key or token: random, shown once, stored only as its hash. */
export const newSecret = () => randomBytes(32).toString('base64url');

/** Whether `secret` is the one whose hash is `storedHash`, compared in constant time. */
export function matchesHash(secret: string | null | undefined, storedHash: string): boolean {
	if (!secret) return false;
	const a = Buffer.from(hashOf(secret), 'hex');
	const b = Buffer.from(storedHash, 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether `key` is this exercise's teacher key. */
export function isTeacher(exercise: Exercise, key: string | null | undefined): boolean {
	return matchesHash(key, exercise.teacherHash);
}

/** Whether `key` is this exercise's join key (the student link's); an old link's key is not. */
export function canJoin(exercise: Exercise, key: string | null | undefined): boolean {
	return exercise.joinHash === undefined || matchesHash(key, exercise.joinHash);
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
	const next = { ...exercise, [field]: hashOf(key), updated: new Date().toISOString() };
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
