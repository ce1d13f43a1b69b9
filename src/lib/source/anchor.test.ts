import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorSchema, type Anchor, type Block } from '../model/schema';
import { countWords } from '../model/words';
import {
	CONFIDENCE,
	LONG_QUOTE_WORDS,
	anchorFromSelection,
	resolveAnchor,
	resolveAnchors,
	type Resolution
} from './anchor';
import { blocksFromText, indexText } from './text';

const blocks: Block[] = [
	{ text: 'Home | About', skip: true },
	{ text: 'The council spent $4.2 million on the old bridge in 2019.' },
	{
		text: 'Critics say the council spent too much. The council says the bridge will last fifty years.'
	}
];
const index = indexText(blocks);
const at = (phrase: string, from = 0) => {
	const start = index.text.indexOf(phrase, from);
	if (start < 0) throw new Error(`not in the text: ${phrase}`);
	return { start, end: start + phrase.length };
};
function anchor(start: number, end: number, input: readonly Block[] = blocks): Anchor {
	const r = anchorFromSelection(input, start, end);
	if (!r.ok) throw new Error(r.problem.message);
	return r.anchor;
}
/** The text of `blocks` with one phrase replaced. */
const edited = (from: string, to: string): Block[] =>
	blocks.map((b) => ({ ...b, text: b.text.replace(from, to) }));
const placed = (r: Resolution) => {
	if (r.status === 'orphan') throw new Error(`orphan: ${JSON.stringify(r)}`);
	return r;
};

describe('anchorFromSelection', () => {
	it('makes an anchor of whole words with context, a position and the paragraph', () => {
		const sel = at('million on the old');
		// A sloppy selection: white space at both ends and half a word at the start.
		const a = anchor(sel.start + 2, sel.end + 1);
		expect(a).toEqual({
			paragraph: 1,
			quote: 'million on the old',
			prefix: 'The council spent $4.2 ',
			suffix: ' bridge in 2019.\n\nCritics say the',
			start: sel.start,
			end: sel.end
		});
		expect(countWords(`${a.prefix}${a.quote}${a.suffix}`)).toBe(15);
		expect(anchorSchema.safeParse(a).success).toBe(true);
	});

	it('keeps a long selection as a position range and its first 11 words, with short context', () => {
		const sel = { start: at('Critics').start, end: index.text.length };
		const a = anchor(sel.start, sel.end);
		expect(a.quote).toBe('Critics say the council spent too much. The council says the');
		expect(countWords(a.quote!)).toBe(LONG_QUOTE_WORDS);
		expect(countWords(`${a.prefix}${a.quote}${a.suffix}`)).toBe(15);
		expect(a).toMatchObject({ paragraph: 2, start: sel.start, end: sel.end });
	});

	it('starts a selection that begins outside the argument at the first numbered paragraph', () => {
		const a = anchor(0, at('The council spent').end);
		expect(a).toMatchObject({ paragraph: 1, quote: 'The council spent', start: at('The').start });
	});

	it('refuses an empty selection and one wholly outside the argument, with a sentence', () => {
		expect(anchorFromSelection(blocks, 3, 3)).toMatchObject({
			ok: false,
			problem: { code: 'empty-selection' }
		});
		const r = anchorFromSelection(blocks, 0, 4);
		expect(r).toMatchObject({ ok: false, problem: { code: 'not-argument' } });
		if (!r.ok) expect(r.problem.message).toMatch(/not part of the argument/);
	});

	it('always obeys the 15-word rule and the schema, whatever is selected in a real text', () => {
		const r = blocksFromText(readFileSync('tests/fixtures/texts/branch-libraries.txt', 'utf8'));
		if (!r.ok) throw new Error(r.problem.message);
		const text = indexText(r.blocks).text;
		fc.assert(
			fc.property(fc.nat(text.length), fc.nat(600), (start, length) => {
				const made = anchorFromSelection(r.blocks, start, start + length);
				if (!made.ok) return;
				const a = made.anchor;
				expect(countWords(`${a.prefix ?? ''}${a.quote}${a.suffix ?? ''}`)).toBeLessThanOrEqual(15);
				expect(anchorSchema.safeParse(a).success).toBe(true);
				expect(text.slice(a.start, a.start! + a.quote!.length)).toBe(a.quote);
				// …and it resolves exactly where it was made.
				expect(resolveAnchor(r.blocks, a)).toMatchObject({
					status: 'exact',
					start: a.start,
					end: a.end
				});
			}),
			{ numRuns: 200 }
		);
	});
});

describe('resolveAnchors', () => {
	it('finds anchors exactly in the text they were made in', () => {
		const anchors = [anchor(at('old bridge').start, at('old bridge').end), anchor(0, 25)];
		const [bridge, first] = resolveAnchors(blocks, anchors);
		expect(bridge).toEqual({ status: 'exact', ...at('old bridge'), score: 1, paragraph: 1 });
		expect(first).toEqual({ status: 'exact', ...at('The council'), score: 1, paragraph: 1 });
	});

	it('tells a repeated phrase apart by its context, and by position when context says nothing', () => {
		const second = at('the council', at('Critics').start);
		const a = anchor(second.start, second.end);
		expect(placed(resolveAnchor(blocks, a))).toMatchObject(second);
		// Without context, the stored position decides between places far enough apart…
		const far: Block[] = [blocks[1]!, { text: 'Filler. '.repeat(40).trim() }, blocks[2]!];
		const farText = indexText(far).text;
		const later = farText.lastIndexOf('council spent');
		const bare: Anchor = { paragraph: 3, quote: 'council spent', start: later, end: later + 13 };
		expect(placed(resolveAnchor(far, bare))).toMatchObject({ start: later, end: later + 13 });
		// …and calls places a few words apart ambiguous rather than guess.
		const close: Anchor = { paragraph: 2, quote: 'the council', ...second };
		expect(resolveAnchor(blocks, close)).toMatchObject({ status: 'orphan', reason: 'ambiguous' });
		// With neither context nor position nor a paragraph that holds it once: ambiguous.
		const lost: Anchor = { paragraph: 9, quote: 'the council' };
		expect(resolveAnchor(blocks, lost)).toMatchObject({ status: 'orphan', reason: 'ambiguous' });
	});

	it('reads a version 2 anchor (paragraph and quote) in its paragraph', () => {
		const r = resolveAnchor(blocks, { paragraph: 2, quote: 'council says the bridge' });
		expect(placed(r)).toMatchObject({
			status: 'exact',
			...at('council says the bridge'),
			paragraph: 2
		});
	});

	it('ignores white space, typographic quotes and case, as a quote typed by hand differs', () => {
		const said = 'She called it “a\u00a0kind of\n‘advertisement’”, and Left.';
		const r = resolveAnchor([{ text: said }], {
			paragraph: 1,
			quote: '"a kind of \'advertisement\'", and left'
		});
		const start = said.indexOf('“');
		expect(placed(r)).toMatchObject({ status: 'exact', start, end: said.length - 1 });
	});

	it('finds an edited quote fuzzily, at the edited place', () => {
		const a = anchor(at('spent $4.2 million on the old bridge').start, at('in 2019').end);
		const changed = edited('$4.2 million on the old', '$4.3 million on the ancient');
		const r = placed(resolveAnchor(changed, a));
		expect(r.status).toBe('fuzzy');
		expect(r.score).toBeGreaterThanOrEqual(CONFIDENCE);
		const now = indexText(changed).text;
		expect(now.slice(r.start, r.end)).toBe('spent $4.3 million on the ancient bridge in 2019');
	});

	it('finds a paragraph moved elsewhere in a new version of the text', () => {
		const a = anchor(at('will last fifty years').start, at('will last fifty years').end);
		const moved: Block[] = [blocks[0]!, blocks[2]!, blocks[1]!];
		const r = placed(resolveAnchor(moved, a));
		expect(indexText(moved).text.slice(r.start, r.end)).toBe('will last fifty years');
	});

	it('never moves an anchor whose quote is gone: it is an orphan with its best score', () => {
		const a = anchor(at('too much').start, at('too much').end);
		const gone = resolveAnchor(edited('spent too much', 'erred'), a);
		expect(gone.status).toBe('orphan');
		expect(gone.score).toBeLessThan(CONFIDENCE);
		// A quote that is still in the text, but elsewhere than its context says, is not moved
		// there either: "the council spent" stays in paragraph 1 when paragraph 2 loses it.
		const twin = anchor(at('the council spent too').start, at('the council spent').end + 16);
		const r = resolveAnchor(edited('the council spent too much', 'the cost was too high'), twin);
		expect(r).toMatchObject({ status: 'orphan' });
	});

	it('stands for the whole paragraph without a quote, and is an orphan in a paragraph that is not there', () => {
		expect(resolveAnchor(blocks, { paragraph: 2 })).toMatchObject({
			status: 'exact',
			start: at('Critics').start,
			end: index.text.length
		});
		expect(resolveAnchor(blocks, { paragraph: 7 })).toEqual({
			status: 'orphan',
			reason: 'not-found',
			score: 0,
			paragraph: 7
		});
	});
});
