/**
 * What of the argument's text the map covers: per numbered paragraph and sentence, whether a
 * placed anchor touches it, and a sentence a reader can take in at a glance ("14 of 17
 * paragraphs mapped; paragraph 9 not mapped").
 */
import type { ArgumentMap, MapNode, NodeKind, Origin } from '../model/schema';
import { resolveAnchors, type Placed, type Resolution } from './anchor';
import { blockSpan, sentenceSpans, toIndex, type Span, type TextInput } from './text';

/** One numbered paragraph: its place, how many anchors touch it, and its sentences. */
export interface ParagraphCoverage {
	paragraph: number;
	/** Its block in the text (0-based). */
	block: number;
	/** Its range in the whole text. */
	span: Span;
	/** How many placed anchors touch it. */
	anchors: number;
	mapped: boolean;
	/** Its sentences, as ranges of the whole text. */
	sentences: { span: Span; mapped: boolean }[];
}

export interface Coverage {
	paragraphs: ParagraphCoverage[];
	/** Numbered paragraphs that some anchor touches, and how many there are. */
	mapped: number;
	total: number;
	/** The numbers of the paragraphs no anchor touches. */
	unmapped: number[];
	sentences: { mapped: number; total: number };
	/** "14 of 17 paragraphs mapped; paragraph 9 not mapped". */
	summary: string;
}

/**
 * Which numbered paragraphs and sentences the ranges touch (placed anchors; blocks marked
 * `skip` are not counted). Example:
 * `coverage(map.text, highlights.map((h) => h)).summary` → "16 of 17 paragraphs mapped; paragraph 4 not mapped".
 */
export function coverage(input: TextInput, ranges: readonly Span[]): Coverage {
	const index = toIndex(input);
	const touches = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
	const paragraphs = index.blockOfParagraph.map((block, i): ParagraphCoverage => {
		const span = blockSpan(index, block);
		const inside = ranges.filter((r) => touches(r, span));
		const sentences = sentenceSpans(index.blocks[block]!.text).map((s) => {
			const abs = { start: s.start + span.start, end: s.end + span.start };
			return { span: abs, mapped: inside.some((r) => touches(r, abs)) };
		});
		return {
			paragraph: i + 1,
			block,
			span,
			anchors: inside.length,
			mapped: inside.length > 0,
			sentences
		};
	});
	const unmapped = paragraphs.filter((p) => !p.mapped).map((p) => p.paragraph);
	const mapped = paragraphs.length - unmapped.length;
	const sentences = paragraphs.flatMap((p) => p.sentences);
	return {
		paragraphs,
		mapped,
		total: paragraphs.length,
		unmapped,
		sentences: { mapped: sentences.filter((s) => s.mapped).length, total: sentences.length },
		summary: summary(mapped, paragraphs.length, unmapped)
	};
}

function summary(mapped: number, total: number, unmapped: number[]): string {
	const head = `${mapped} of ${total} paragraph${total === 1 ? '' : 's'} mapped`;
	if (!unmapped.length || !mapped) return head;
	return `${head}; ${unmapped.length === 1 ? 'paragraph' : 'paragraphs'} ${listNumbers(unmapped)} not mapped`;
}

/** "9", "9 and 12", "2–5, 9 and 12": runs of three or more as ranges. */
export function listNumbers(ns: readonly number[]): string {
	const parts: string[] = [];
	for (let i = 0; i < ns.length;) {
		let j = i;
		while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
		if (j - i >= 2) parts.push(`${ns[i]}–${ns[j]}`);
		else for (let k = i; k <= j; k++) parts.push(String(ns[k]));
		i = j + 1;
	}
	return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!;
}

// ---------------------------------------------------------------------------------------------
// A map's anchors against its text

/** A placed anchor of a statement: what a source panel highlights. */
export interface Highlight {
	node: string;
	kind: NodeKind;
	origin: Origin;
	/** Which of the node's anchors (0-based). */
	anchor: number;
	start: number;
	end: number;
	status: Placed['status'];
	score: number;
	paragraph: number | undefined;
}

/** An anchor that could not be placed, with where it is in the map. */
export interface Orphan {
	node: string;
	anchor: number;
	/** JSON path of the anchor in the map file: ["nodes", 3, "anchors", 0]. */
	path: (string | number)[];
	resolution: Extract<Resolution, { status: 'orphan' }>;
}

export interface MapAnchors {
	/** Placed anchors, in text order. */
	highlights: Highlight[];
	orphans: Orphan[];
	/** How many anchors there are in all. */
	total: number;
}

/**
 * Every anchor of the map resolved against `text` (by default the map's own): highlights in
 * text order and orphans. `layer: 'written'` takes only the source layer's statements, as the
 * "As written" view shows them. Undefined when there is no text to resolve against.
 */
export function placeAnchors(
	map: ArgumentMap,
	options: { text?: TextInput; layer?: 'written' | 'critique' } = {}
): MapAnchors | undefined {
	const text = options.text ?? map.text;
	if (!text) return undefined;
	const index = toIndex(text);
	const nodes = map.nodes
		.map((n, i) => ({ n, i }))
		.filter(({ n }) => options.layer !== 'written' || n.origin === 'source');
	const all = nodes.flatMap(({ n, i }) => (n.anchors ?? []).map((a, k) => ({ n, i, a, k })));
	const resolved = resolveAnchors(
		index,
		all.map((x) => x.a)
	);
	const highlights: Highlight[] = [];
	const orphans: Orphan[] = [];
	resolved.forEach((r, j) => {
		const { n, i, k } = all[j]!;
		if (r.status === 'orphan')
			orphans.push({ node: n.id, anchor: k, path: ['nodes', i, 'anchors', k], resolution: r });
		else highlights.push(highlight(n, k, r));
	});
	highlights.sort((a, b) => a.start - b.start || b.end - a.end);
	return { highlights, orphans, total: all.length };
}

function highlight(n: MapNode, anchor: number, r: Placed): Highlight {
	return {
		node: n.id,
		kind: n.kind,
		origin: n.origin,
		anchor,
		start: r.start,
		end: r.end,
		status: r.status,
		score: r.score,
		paragraph: r.paragraph
	};
}

/** The coverage of the map's own text by its anchors (optionally of the source layer only). */
export function mapCoverage(
	map: ArgumentMap,
	options: { layer?: 'written' | 'critique' } = {}
): Coverage | undefined {
	const placed = placeAnchors(map, options);
	if (!placed || !map.text) return undefined;
	return coverage(map.text, placed.highlights);
}

/** A stretch of a block's text and the statements whose anchors cover it. */
export interface Run {
	start: number;
	end: number;
	/** Ids of the statements covering it, in the order of `highlights`; empty when unmarked. */
	nodes: string[];
}

/**
 * Each block cut into runs at every highlight's edge, so a panel can draw overlapping
 * highlights as plain spans: `runs[block]` covers the block's text from start to end, offsets
 * in the whole text. Example: `highlightRuns(map.text, placed.highlights)[3]` →
 * `[{ start: 900, end: 941, nodes: [] }, { start: 941, end: 980, nodes: ['motive-2'] }, …]`.
 */
export function highlightRuns(
	input: TextInput,
	highlights: readonly (Span & { node: string })[]
): Run[][] {
	const index = toIndex(input);
	return index.blocks.map((_, b) => {
		const span = blockSpan(index, b);
		const inside = highlights.filter((h) => h.start < span.end && span.start < h.end);
		const cuts = new Set([span.start, span.end]);
		for (const h of inside) {
			if (h.start > span.start && h.start < span.end) cuts.add(h.start);
			if (h.end > span.start && h.end < span.end) cuts.add(h.end);
		}
		const points = [...cuts].sort((x, y) => x - y);
		const runs: Run[] = [];
		for (let i = 0; i + 1 < points.length; i++) {
			const start = points[i]!;
			const end = points[i + 1]!;
			const nodes = [
				...new Set(inside.filter((h) => h.start <= start && h.end >= end).map((h) => h.node))
			];
			runs.push({ start, end, nodes });
		}
		return runs;
	});
}
