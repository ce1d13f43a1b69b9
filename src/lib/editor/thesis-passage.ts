/**
 * Where a new map's thesis is in its text: the sentence that says it, found by the words they
 * share, so that a thesis typed on /new is anchored as if it had been selected. Only a clear
 * match counts (most of the words in common); otherwise the thesis stays unanchored and the
 * reader anchors it with H.
 */
import type { Anchor, Block } from '../model/schema';
import { anchorFromSelection } from '../source/anchor';
import { indexText, sentenceSpans } from '../source/text';

/** How alike the thesis and a sentence must be (Dice over their words) to anchor it. */
export const THESIS_MATCH = 0.5;

/** A text's words for matching: lower case, four letters or more, a plural's "s" off. */
function words(text: string): Set<string> {
	const out = new Set<string>();
	for (const w of text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*|\d[\d.,]*/gu) ?? []) {
		if (w.length < 4 && !/\d/.test(w)) continue;
		out.add(w.replace(/['’]s$/, '').replace(/(?<=\p{L}{3})s$/u, ''));
	}
	return out;
}

function dice(a: Set<string>, b: Set<string>): number {
	if (!a.size || !b.size) return 0;
	let shared = 0;
	for (const w of a) if (b.has(w)) shared++;
	return (2 * shared) / (a.size + b.size);
}

/**
 * The anchor of the sentence (or two sentences running on) of `blocks` that says `thesis`, or
 * undefined when none is clearly it. Blocks marked "not part of the argument" are not searched.
 */
export function thesisAnchor(blocks: readonly Block[], thesis: string): Anchor | undefined {
	const want = words(thesis);
	if (!want.size) return undefined;
	const index = indexText(blocks);
	let best: { score: number; start: number; end: number } | undefined;
	blocks.forEach((b, i) => {
		if (b.skip) return;
		const at = index.starts[i]!;
		const spans = sentenceSpans(b.text);
		spans.forEach((s, k) => {
			// A thesis often spans a sentence and the next ("…, and so …").
			for (const end of [s.end, spans[k + 1]?.end]) {
				if (end === undefined) continue;
				const score = dice(want, words(b.text.slice(s.start, end)));
				if (!best || score > best.score + 1e-9)
					best = { score, start: at + s.start, end: at + end };
			}
		});
	});
	if (!best || best.score < THESIS_MATCH) return undefined;
	const r = anchorFromSelection(blocks, best.start, best.end);
	return r.ok ? r.anchor : undefined;
}
