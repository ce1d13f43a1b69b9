/**
 * Attaching a text to a map: the map gets the text as blocks, and every anchor is found in it
 * again and rewritten from the text (position, quote, context within the 15-word rule). An
 * anchor that cannot be placed is kept as it was and reported, never moved. Also the problems
 * `warrant validate` reports for a map whose anchors do not fit its own text.
 */
import { MAP_SIZE_RULE, MAX_MAP_BYTES } from '../model/parse';
import type { Problem } from '../model/problems';
import type { Anchor, ArgumentMap, Block } from '../model/schema';
import { serializeMap } from '../model/serialize';
import { anchorFromSelection, resolveAnchors, type OrphanReason } from './anchor';
import { fold } from './fold';
import { placeAnchors, listNumbers, type Orphan } from './coverage';
import { blocksFromText, indexText, type TextProblem } from './text';

export interface AttachOptions {
	/** Read a string as Markdown (headings, links and emphasis to plain text). */
	markdown?: boolean;
	/**
	 * Blocks (0-based) that are not part of the argument, marked `skip`. `'auto'` (the default
	 * for a string) skips the blocks before the map's paragraph 1, found from where its quotes
	 * are, so the anchors' paragraph numbers still hold; blocks given as blocks keep their marks.
	 */
	skip?: readonly number[] | 'auto';
}

export interface AttachReport {
	/** Anchors in the map. */
	total: number;
	/** Found as quoted, and found with edits. */
	exact: number;
	fuzzy: number;
	/** Anchors that could not be placed: kept as they were. */
	orphans: Orphan[];
	/** The blocks marked `skip` (0-based). */
	skipped: number[];
	/** "79 of 79 anchors found", "77 of 79 anchors found; 2 orphans". */
	summary: string;
}

/** Why a text cannot be attached: the text's own problems, a wrong skip list, or size. */
export interface AttachProblem {
	code: TextProblem['code'] | 'bad-skip' | 'too-large';
	message: string;
	line?: number;
	block?: number;
}

export type AttachResult =
	{ ok: true; map: ArgumentMap; report: AttachReport } | { ok: false; problem: AttachProblem };

/**
 * `map` with `text` attached and every anchor re-resolved against it. Example:
 * ```ts
 * const r = attachText(map, articleText);
 * if (r.ok) { save(r.map); say(r.report.summary); } // "79 of 79 anchors found"
 * ```
 */
export function attachText(
	map: ArgumentMap,
	text: string | readonly Block[],
	options: AttachOptions = {}
): AttachResult {
	let blocks: Block[];
	if (typeof text === 'string') {
		const read = blocksFromText(text, { markdown: options.markdown });
		if (!read.ok) return { ok: false, problem: read.problem };
		blocks = read.blocks;
	} else blocks = text.map((b) => ({ ...b }));

	const skip = options.skip ?? (typeof text === 'string' ? 'auto' : undefined);
	if (skip === 'auto') {
		const lead = leadingBlocks(map, blocks);
		blocks = blocks.map((b, i) => (i < lead ? { ...b, skip: true as const } : withoutSkip(b)));
	} else if (skip) {
		const wrong = skip.filter((i) => !Number.isInteger(i) || i < 0 || i >= blocks.length);
		if (wrong.length)
			return {
				ok: false,
				problem: {
					code: 'bad-skip',
					message: `the text has blocks 1 to ${blocks.length}; there is no block ${listNumbers(wrong.map((i) => i + 1))}`
				}
			};
		const marked = new Set(skip);
		blocks = blocks.map((b, i) => (marked.has(i) ? { ...b, skip: true as const } : withoutSkip(b)));
	}
	if (blocks.every((b) => b.skip))
		return {
			ok: false,
			problem: { code: 'bad-skip', message: 'every block is marked as not part of the argument' }
		};

	const index = indexText(blocks);
	const all = map.nodes.flatMap((n, i) => (n.anchors ?? []).map((a, k) => ({ n, i, a, k })));
	const resolved = resolveAnchors(
		index,
		all.map((x) => x.a)
	);
	const report: AttachReport = {
		total: all.length,
		exact: 0,
		fuzzy: 0,
		orphans: [],
		skipped: blocks.flatMap((b, i) => (b.skip ? [i] : [])),
		summary: ''
	};
	const rewritten = new Map<string, Anchor[]>();
	resolved.forEach((r, j) => {
		const { n, i, a, k } = all[j]!;
		const anchors = rewritten.get(n.id) ?? [...(n.anchors ?? [])];
		rewritten.set(n.id, anchors);
		const orphan = (reason: OrphanReason, score: number) =>
			report.orphans.push({
				node: n.id,
				anchor: k,
				path: ['nodes', i, 'anchors', k],
				resolution: { status: 'orphan', reason, score, paragraph: a.paragraph }
			});
		if (r.status === 'orphan') {
			report.orphans.push({
				node: n.id,
				anchor: k,
				path: ['nodes', i, 'anchors', k],
				resolution: r
			});
			return;
		}
		const made = anchorFromSelection(index, r.start, r.end);
		if (!made.ok) {
			orphan('outside-argument', r.score);
			return;
		}
		anchors[k] = made.anchor;
		report[r.status]++;
	});
	const found = report.total - report.orphans.length;
	report.summary = `${found} of ${report.total} anchor${report.total === 1 ? '' : 's'} found${
		report.orphans.length
			? `; ${report.orphans.length} orphan${report.orphans.length === 1 ? '' : 's'}`
			: ''
	}`;

	const next: ArgumentMap = {
		...map,
		nodes: map.nodes.map((n) => (rewritten.has(n.id) ? { ...n, anchors: rewritten.get(n.id) } : n)),
		text: blocks
	};
	const bytes = new TextEncoder().encode(serializeMap(next)).length;
	if (bytes > MAX_MAP_BYTES)
		return {
			ok: false,
			problem: {
				code: 'too-large',
				message: `with this text the map would be ${(bytes / 1048576).toFixed(1)} MB; ${MAP_SIZE_RULE}`
			}
		};
	return { ok: true, map: next, report };
}

function withoutSkip(b: Block): Block {
	return { text: b.text };
}

/**
 * How many blocks come before the map's paragraph 1: for each anchor whose quote is in exactly
 * one block, the block it is in less the paragraph it names; the most common answer, when most
 * anchors agree. 0 when the map has no such anchors.
 */
export function leadingBlocks(map: ArgumentMap, blocks: readonly Block[]): number {
	const folded = blocks.map((b) => fold(b.text).text);
	const votes = new Map<number, number>();
	let voters = 0;
	for (const n of map.nodes)
		for (const a of n.anchors ?? []) {
			if (!a.quote) continue;
			const q = fold(a.quote).text.trim();
			const where = folded.flatMap((t, i) => (t.includes(q) ? [i] : []));
			if (where.length !== 1) continue;
			const offset = where[0]! - (a.paragraph - 1);
			if (offset < 0) continue;
			voters++;
			votes.set(offset, (votes.get(offset) ?? 0) + 1);
		}
	const [best] = [...votes].sort((x, y) => y[1] - x[1]);
	return best && best[1] * 2 > voters ? best[0] : 0;
}

// ---------------------------------------------------------------------------------------------
// Checking a map's anchors against its own text

const REASONS: Record<OrphanReason, (score: number) => string> = {
	'not-found': () => 'is not in the text',
	weak: (s) => `is not in the text as it stands (the best match scores ${s.toFixed(2)})`,
	ambiguous: () => 'fits two places in the text equally well',
	'context-elsewhere': () =>
		'has its words in the text, but not where its context is: the passage was changed',
	'outside-argument': () => 'is in a block marked as not part of the argument'
};

/**
 * One problem per anchor that its map's own text cannot place, with its place in the file:
 * what `warrant validate` prints. Empty for a map without a text.
 */
export function orphanProblems(map: ArgumentMap): Problem[] {
	const placed = placeAnchors(map);
	if (!placed) return [];
	return placed.orphans.map((o) => {
		const anchor = map.nodes[o.path[1] as number]!.anchors![o.anchor]!;
		const what = anchor.quote
			? `the anchor “${anchor.quote}”`
			: `the anchor to paragraph ${anchor.paragraph}`;
		return {
			code: 'orphan',
			path: o.path,
			message: `${what} ${REASONS[o.resolution.reason](o.resolution.score)}; select the passage again to re-anchor it`
		};
	});
}
