/**
 * The furniture at the top of a pasted text: its headline and byline. The New map form marks them
 * as not part of the argument and offers the headline as the map's title, as a page's declared
 * title would be. A suggestion only: the reader sees the marks and can undo them in one click.
 */
import type { Block } from '../model/schema';

/** A byline: "By Dana Whitcombe, who rides…", "— Sam Lee". */
const BYLINE = /^(by|—|–)\s+\S/i;
/** A sentence ends like this; a headline usually does not. */
const SENTENCE_END = /[.!?:;…"”')]$/;
const MAX_WORDS = 14;

/** A block's lines, trimmed, without blank ones. */
const linesOf = (text: string) =>
	text
		.split(/\r\n|\r|\n/)
		.map((l) => l.trim())
		.filter(Boolean);

function furnitureLine(t: string): boolean {
	if (t.split(/\s+/).length > MAX_WORDS) return false;
	return BYLINE.test(t) || !SENTENCE_END.test(t);
}

function furniture(text: string): boolean {
	const lines = linesOf(text);
	if (lines.length === 1) return furnitureLine(lines[0]!);
	// A headline with its byline on the next line, pasted without a blank line between them.
	const [headline, byline] = lines;
	return (
		lines.length === 2 &&
		!BYLINE.test(headline!) &&
		furnitureLine(headline!) &&
		BYLINE.test(byline!)
	);
}

/**
 * How many blocks at the top of a text are its headline and byline: short one-line blocks that
 * end without a sentence's stop, or that read "By …". At most two, and never every block.
 * Example: ["Let Teens Sleep", "By a parent", "Schools should start later."] → 2.
 */
export function frontMatter(blocks: readonly Pick<Block, 'text'>[]): number {
	let n = 0;
	while (n < 2 && n < blocks.length && furniture(blocks[n]!.text)) n++;
	return Math.min(n, Math.max(0, blocks.length - 1));
}

/** A pasted text's headline, as a title: its first block, when `frontMatter` counts it. */
export function pastedTitle(blocks: readonly Pick<Block, 'text'>[]): string | undefined {
	const first = linesOf(blocks[0]?.text ?? '')[0];
	if (!first || !frontMatter(blocks) || BYLINE.test(first)) return undefined;
	return first.slice(0, 300);
}

/** A pasted text's author, from its byline: "By Dana Whitcombe, who rides…" → "Dana Whitcombe". */
export function pastedAuthor(blocks: readonly Pick<Block, 'text'>[]): string | undefined {
	const n = frontMatter(blocks);
	for (const line of blocks.slice(0, n).flatMap((b) => linesOf(b.text))) {
		const m = /^(?:by|—|–)\s+([^,;(]+)/i.exec(line);
		const name = m?.[1]?.trim().replace(/[.\s]+$/, '');
		if (name && name.split(/\s+/).length <= 6) return name.slice(0, 200);
	}
	return undefined;
}
