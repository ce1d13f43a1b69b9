import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classCsv, classRows } from './exercise-class';
import { canJoin, isTeacher, reissueStudentLink, reissueTeacherLink } from './exercise-keys';
import { deleteSubmission, loadExercise } from './exercise-store';
import {
	check,
	createExercise,
	joinExercise,
	nextHint,
	saveSubmission,
	setReleased,
	starterMap,
	submissionFor,
	updateReference
} from './exercises';

const env = { args: process.env.WARRANT_ARGUMENTS_DIR, data: process.env.WARRANT_DATA_DIR };
let args: string;
let data: string;
const reference = JSON.parse(
	readFileSync('tests/fixtures/compare/bike-lanes/reference.map.json', 'utf8')
);
const student = JSON.parse(
	readFileSync('tests/fixtures/compare/bike-lanes/incomplete.map.json', 'utf8')
);

beforeAll(() => {
	args = mkdtempSync(join(tmpdir(), 'warrant-ex-args-'));
	data = mkdtempSync(join(tmpdir(), 'warrant-ex-data-'));
	writeFileSync(join(args, 'bike-lanes.map.json'), JSON.stringify(reference));
	cpSync('arguments/japan-mongolia.map.json', join(args, 'japan-mongolia.map.json'));
	process.env.WARRANT_ARGUMENTS_DIR = args;
	process.env.WARRANT_DATA_DIR = data;
});
afterAll(() => {
	for (const [k, v] of [
		['WARRANT_ARGUMENTS_DIR', env.args],
		['WARRANT_DATA_DIR', env.data]
	] as const)
		if (v === undefined) delete process.env[k];
		else process.env[k] = v;
	rmSync(args, { recursive: true, force: true });
	rmSync(data, { recursive: true, force: true });
});

describe('exercises on the server', () => {
	it('is made only from a map that carries its text, and pins a copy of it', async () => {
		const none = await createExercise({ from: 'nope', start: 'text', hintLevel: 2 });
		expect(none).toMatchObject({ ok: false, status: 404 });
		const noText = await createExercise({ from: 'japan-mongolia', start: 'text', hintLevel: 2 });
		expect(noText).toMatchObject({ ok: false, status: 422 });
		const r = await createExercise({ from: 'bike-lanes', start: 'thesis', hintLevel: 2 });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.exercise.id).toMatch(/^[\w-]{22}$/);
		expect(isTeacher(r.exercise, r.teacherKey)).toBe(true);
		expect(isTeacher(r.exercise, `${r.teacherKey}x`)).toBe(false);
		// Stored: the key's hash, never the key.
		const stored = readFileSync(join(data, 'exercises', r.exercise.id, 'exercise.json'), 'utf8');
		expect(stored).not.toContain(r.teacherKey);
		// Pinned: a later edit of the source map changes nothing until the teacher updates.
		const edited = { ...reference, title: 'Edited after' };
		writeFileSync(join(args, 'bike-lanes.map.json'), JSON.stringify(edited));
		const again = await loadExercise(r.exercise.id);
		expect(again.ok && again.exercise.reference.title).toBe(reference.title);
		const updated = await updateReference(r.exercise);
		expect(updated.ok && updated.exercise.reference.title).toBe('Edited after');
		writeFileSync(join(args, 'bike-lanes.map.json'), JSON.stringify(reference));
		expect(await loadExercise('../../etc/passwd')).toMatchObject({ ok: false, status: 404 });
	});

	it('starts a student from the text, the thesis, or the thesis and its reasons', () => {
		const text = starterMap(reference, 'text');
		expect(text.text).toEqual(reference.text);
		expect(text.nodes).toHaveLength(1);
		expect(text.nodes[0]!.text).not.toBe(
			reference.nodes.find((n: { kind: string }) => n.kind === 'thesis').text
		);
		const thesis = starterMap(reference, 'thesis');
		expect(thesis.nodes[0]!.text).toBe(
			reference.nodes.find((n: { kind: string }) => n.kind === 'thesis').text
		);
		const scaffold = starterMap(reference, 'scaffold');
		expect(scaffold.nodes.length).toBeGreaterThan(2);
		expect(scaffold.links.every((l) => l.to === 'thesis')).toBe(true);
	});

	it('lets a student open only their own submission, check it, and reveal hints one at a time up to the released level', async () => {
		const r = await createExercise({ from: 'bike-lanes', start: 'text', hintLevel: 2 });
		if (!r.ok) throw new Error(r.message);
		const ex = r.exercise;
		const ana = await joinExercise(ex, '  Ana  ', r.joinKey);
		const ben = await joinExercise(ex, 'Ben', r.joinKey);
		if (!ana.ok || !ben.ok) throw new Error('join');
		expect(ana.submission.name).toBe('Ana');
		expect(await joinExercise(ex, '   ', r.joinKey)).toMatchObject({ ok: false, status: 400 });
		// Ana's credential opens Ana's work only; a made-up or altered one opens nothing.
		const mine = await submissionFor(ex, ana.credential);
		expect(mine.ok && mine.submission.id).toBe(ana.submission.id);
		const [anaId] = ana.credential.split('.');
		const [, benToken] = ben.credential.split('.');
		expect(await submissionFor(ex, `${anaId}.${benToken}`)).toMatchObject({
			ok: false,
			status: 403
		});
		expect(await submissionFor(ex, 'x.y')).toMatchObject({ ok: false, status: 403 });
		expect(await submissionFor(ex, undefined)).toMatchObject({ ok: false, status: 403 });

		// Saving validates; checking shows findings with their first hint only.
		expect(await saveSubmission(ex, ana.submission, { nodes: 'no' })).toMatchObject({
			ok: false,
			status: 422
		});
		const saved = await saveSubmission(ex, ana.submission, student);
		if (!saved.ok) throw new Error(saved.message);
		const { view } = await check(ex, saved.submission);
		expect(view.findings.length).toBeGreaterThan(0);
		expect(view.findings.every((f) => f.hints.every((h) => h.level === 1))).toBe(true);
		expect(JSON.stringify(view)).not.toContain('"reference"');
		const f = view.findings[0]!;
		const after = await submissionFor(ex, ana.credential);
		if (!after.ok) throw new Error('after');
		const h2 = await nextHint(ex, after.submission, f.id);
		expect(h2).toMatchObject({ ok: true, level: 2 });
		const again = await submissionFor(ex, ana.credential);
		if (!again.ok) throw new Error('again');
		// Level 3 quotes the reference: this teacher released only 2.
		expect(await nextHint(ex, again.submission, f.id)).toMatchObject({ ok: false, status: 403 });

		// The class: both students, scored; the CSV guards against spreadsheet formulas.
		const rows = await classRows(ex);
		expect(rows.map((x) => x.name)).toEqual(['Ana', 'Ben']);
		expect(rows[0]!.hintsUsed).toBe(2);
		expect(rows[0]!.comparison.score.total).toBeGreaterThan(rows[1]!.comparison.score.total);
		const csv = classCsv([{ ...rows[0]!, name: '=HYPERLINK("x")' }]);
		expect(csv.split('\n')[0]).toMatch(/^name,score,/);
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
		expect(await deleteSubmission(ex, ben.submission.id)).toBe(true);
		expect((await classRows(ex)).map((x) => x.name)).toEqual(['Ana']);
	});

	it('revokes the student link (old one cannot join, joined students keep their work) and the teacher link', async () => {
		const r = await createExercise({ from: 'bike-lanes', start: 'text', hintLevel: 2 });
		if (!r.ok) throw new Error(r.message);
		const stored = () =>
			readFileSync(join(data, 'exercises', r.exercise.id, 'exercise.json'), 'utf8');
		expect(stored()).not.toContain(r.joinKey);
		// Without the student link's key, or with a wrong one, nobody joins.
		const keyless = await joinExercise(r.exercise, 'Eve', undefined);
		expect(keyless).toMatchObject({ ok: false, status: 403 });
		expect(!keyless.ok && keyless.message).toMatch(/missing its key/);
		expect(await joinExercise(r.exercise, 'Eve', `${r.joinKey}x`)).toMatchObject({
			ok: false,
			status: 403
		});
		const ana = await joinExercise(r.exercise, 'Ana', r.joinKey);
		if (!ana.ok) throw new Error(ana.message);

		const s = await reissueStudentLink(r.exercise);
		expect(s.joinKey).not.toBe(r.joinKey);
		expect(stored()).not.toContain(s.joinKey);
		const reloaded = await loadExercise(r.exercise.id);
		if (!reloaded.ok) throw new Error('reload');
		const ex = reloaded.exercise;
		expect(canJoin(ex, r.joinKey)).toBe(false);
		const old = await joinExercise(ex, 'Late', r.joinKey);
		expect(old).toMatchObject({ ok: false, status: 403 });
		expect(!old.ok && old.message).toMatch(/no longer in use.*resume link/);
		expect((await joinExercise(ex, 'Ben', s.joinKey)).ok).toBe(true);
		// Ana, who joined by the old link, still opens her work with her own credential.
		expect((await submissionFor(ex, ana.credential)).ok).toBe(true);

		const t = await reissueTeacherLink(ex);
		const after = await loadExercise(ex.id);
		if (!after.ok) throw new Error('reload');
		expect(isTeacher(after.exercise, r.teacherKey)).toBe(false);
		expect(isTeacher(after.exercise, t.teacherKey)).toBe(true);
		expect(stored()).not.toContain(t.teacherKey);
		// The student link is untouched by a new teacher link.
		expect(canJoin(after.exercise, s.joinKey)).toBe(true);
	});

	it('keeps whether the reference is released', async () => {
		const r = await createExercise({ from: 'bike-lanes', start: 'text', hintLevel: 1 });
		if (!r.ok) throw new Error(r.message);
		expect(r.exercise.released).toBe(false);
		await setReleased(r.exercise, true);
		const on = await loadExercise(r.exercise.id);
		expect(on.ok && on.exercise.released).toBe(true);
		await setReleased(r.exercise, false);
		const off = await loadExercise(r.exercise.id);
		expect(off.ok && off.exercise.released).toBe(false);
	});
});
