/**
 * The teacher's view of a class: every submission scored against the reference now, the table
 * as CSV, and what the class most often missed, by paragraph of the text and by statement.
 */
import { compareMaps, type Comparison } from '../compare';
import type { ArgumentMap } from '../model/schema';
import { listSubmissions, type Exercise } from './exercise-store';

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
	const rows: ClassRow[] = (await listSubmissions(exercise)).map((s) => ({
		id: s.id,
		name: s.name,
		updated: s.updated,
		checks: s.checks,
		hintsUsed: Math.max(0, ...Object.values(s.hints)),
		map: s.map,
		comparison: compareMaps(exercise.reference, s.map)
	}));
	return rows.sort((a, b) => a.name.localeCompare(b.name));
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
