/**
 * Choosing passages of the source text: the keyboard's sentence cursor, what a screen reader
 * hears when it moves, and where the menu for a chosen passage goes so that it hides none of
 * the lines being read. Pure: numbers and text in, numbers and text out.
 */
import { sentenceSpans, type Span, type TextIndex } from './text';

/** Sentences chosen by keyboard inside one block: `from` stays where Shift began, `to` moves. */
export interface SentenceCursor {
	block: number;
	from: number;
	to: number;
}

/**
 * The cursor after ← (`step` −1) or → (+1) in `block`: the first (or last) sentence when it
 * enters the block, else the next one, never past either end; `extend` (Shift) keeps `from`.
 * Undefined when the block has no sentence.
 */
export function moveCursor(
	index: TextIndex,
	cursor: SentenceCursor | undefined,
	block: number,
	step: 1 | -1,
	extend: boolean
): SentenceCursor | undefined {
	const n = sentenceSpans(index.blocks[block]?.text ?? '').length;
	if (!n) return undefined;
	const c = cursor?.block === block ? cursor : undefined;
	const to = Math.max(0, Math.min(n - 1, c ? c.to + step : step > 0 ? 0 : n - 1));
	return { block, from: extend && c ? c.from : to, to };
}

/** The chosen sentences as a range of the whole text. */
export function cursorSpan(index: TextIndex, c: SentenceCursor): Span | undefined {
	const spans = sentenceSpans(index.blocks[c.block]?.text ?? '');
	const lo = spans[Math.min(c.from, c.to)];
	const hi = spans[Math.max(c.from, c.to)];
	if (!lo || !hi) return undefined;
	const at = index.starts[c.block]!;
	return { start: at + lo.start, end: at + hi.end };
}

/** The first `count` words of a passage, with "…" when there are more. */
export function firstWords(text: string, count = 6): string {
	const words = text.trim().split(/\s+/);
	return words.slice(0, count).join(' ') + (words.length > count ? '…' : '');
}

/**
 * What a screen reader hears when the cursor moves, short: "Sentence 3 of paragraph 5 chosen:
 * The council's answer is that the…"; "Sentences 2 to 4 of paragraph 5 chosen: …".
 */
export function cursorAnnouncement(index: TextIndex, c: SentenceCursor): string {
	const span = cursorSpan(index, c);
	if (!span) return '';
	const lo = Math.min(c.from, c.to) + 1;
	const hi = Math.max(c.from, c.to) + 1;
	const which = lo === hi ? `Sentence ${lo}` : `Sentences ${lo} to ${hi}`;
	const n = index.paragraphs[c.block];
	const where = n === undefined ? 'of a block not part of the argument' : `of paragraph ${n}`;
	return `${which} ${where} chosen: ${firstWords(index.text.slice(span.start, span.end))}`;
}

/** A box in the coordinates of the scrolling text (its content, not the window). */
export interface TextBox {
	left: number;
	top: number;
	bottom: number;
}

/**
 * Where the menu for a chosen passage goes, in the scrolling text's coordinates: above the
 * passage when the part of the text in view has room for it, else below the passage with its
 * next line left clear (`line` is the line height); never past the text's left or right edge.
 * `view` is the part in view: its top (the scroll offset), its width.
 */
export function placeMenu(
	passage: TextBox,
	menu: { width: number; height: number },
	view: { top: number; width: number },
	line: number,
	gap = 4
): { left: number; top: number } {
	const above = passage.top - gap - menu.height;
	const top = above >= view.top ? above : passage.bottom + line + gap;
	const left = Math.max(0, Math.min(passage.left, view.width - menu.width));
	return { left, top };
}
