import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_BLOCK_CHARS } from '../model/words';
import {
	BLOCK_SEPARATOR,
	blockAt,
	blockSpan,
	blocksFromText,
	indexText,
	looksLikeMarkdown,
	paragraphAt,
	paragraphCount,
	paragraphSpan,
	sentenceSpans
} from './text';

const blocksOf = (raw: string, markdown = false) => {
	const r = blocksFromText(raw, { markdown });
	if (!r.ok) throw new Error(r.problem.message);
	return r.blocks;
};

describe('blocksFromText', () => {
	it('splits on blank lines, normalises line endings and trims each block', () => {
		expect(
			blocksOf('  First line\r\nstill first.  \r\n\r\n\r\nSecond.\rThird line of second.\n')
		).toEqual([{ text: 'First line\nstill first.' }, { text: 'Second.\nThird line of second.' }]);
	});

	it('reads a text without blank lines as one block per line (a paste from many pages)', () => {
		expect(blocksOf('One.\nTwo.\n\nThree.')).toHaveLength(2);
		expect(blocksOf('One.\nTwo.\nThree.')).toEqual([
			{ text: 'One.' },
			{ text: 'Two.' },
			{ text: 'Three.' }
		]);
	});

	it('keeps Markdown headings as blocks of their own, and keeps the text of links and emphasis', () => {
		expect(
			blocksOf(
				'# A title\nThe **first** paragraph, with [a link](https://example.org) and _emphasis_.\n\n## Part two ##\n\nMore.',
				true
			)
		).toEqual([
			{ text: 'A title' },
			{ text: 'The first paragraph, with a link and emphasis.' },
			{ text: 'Part two' },
			{ text: 'More.' }
		]);
	});

	it('leaves no Markdown marks in the text a reader sees: quotes, code, escapes, emphasis, links', () => {
		const blocks = blocksOf(readFileSync('tests/fixtures/texts/night-buses.md', 'utf8'), true);
		const texts = blocks.map((b) => b.text);
		expect(texts.slice(0, 3)).toEqual([
			'Keep the Night Buses Running',
			'Opinion · Transport',
			'By Ada Fenwick, who drives the N4 three nights a week'
		]);
		// An escaped star is a star the writer typed; emphasis marks go.
		expect(texts[3]).toContain('calls them a luxury that costs *too much* for too few riders.');
		expect(texts[4]).toBe(
			'"Night services carry fewer than 600 people a night," the board\'s paper says.'
		);
		expect(texts[6]).toBe(
			"The paper's own table (see the board's appendix) puts the saving at £410,000 a year. It leaves out what the hospital would spend on taxis for its night staff, which its own report estimates at £250,000."
		);
		expect(texts[7]).toBe(
			'• Two of the four routes run past the hospital.\n• One serves the bakery district.'
		);
		for (const t of texts) expect(t).not.toMatch(/^>|`|\\|\*\*|_\w|\]\(|https?:/m);
	});

	it('reduces the rarer marks too, and keeps what only looks like one', () => {
		expect(
			blocksOf(
				[
					'Title',
					'===',
					'A [wiki](https://en.wikipedia.org/wiki/A_(b)) link, a [ref][1], <https://a.example>, ~~gone~~, *stars*, `a*b*` and snake_case_name, 3 * 4 * 5.',
					'',
					'* * *',
					'',
					'> > A quote',
					'>',
					'> in two paragraphs.',
					'',
					'```',
					'code',
					'```',
					'[1]: https://b.example'
				].join('\n'),
				true
			).map((b) => b.text)
		).toEqual([
			'Title',
			'A wiki link, a ref, https://a.example, gone, stars, a*b* and snake_case_name, 3 * 4 * 5.',
			'A quote',
			'in two paragraphs.',
			'code'
		]);
	});

	it('tells a pasted Markdown text from a plain one', () => {
		expect(looksLikeMarkdown(readFileSync('tests/fixtures/texts/night-buses.md', 'utf8'))).toBe(
			true
		);
		expect(looksLikeMarkdown('> Quoted.\n\nReply.')).toBe(true);
		expect(looksLikeMarkdown('See [the report](https://example.org).')).toBe(true);
		expect(looksLikeMarkdown('A *very* good and *cheap* plan.')).toBe(true);
		for (const name of ['branch-libraries.txt', 'empty-homes.txt'])
			expect(looksLikeMarkdown(readFileSync(`tests/fixtures/texts/${name}`, 'utf8'))).toBe(false);
		expect(
			looksLikeMarkdown('Costs:\n- buses\n- heating\n\n3 * 4 = 12, and it is *one* star.')
		).toBe(false);
	});

	it('refuses what is not a text, with a code, a place and a sentence', () => {
		expect(blocksFromText(' \n\n \t')).toEqual({
			ok: false,
			problem: { code: 'empty-text', message: 'the text is empty' }
		});
		expect(blocksFromText('PK\u0003\u0004\u0000\u0000')).toMatchObject({
			ok: false,
			problem: { code: 'not-text' }
		});
		const long = blocksFromText(`Short.\n\n${'word '.repeat(MAX_BLOCK_CHARS / 4)}`);
		expect(long).toMatchObject({
			ok: false,
			problem: { code: 'block-too-long', line: 3, block: 1 }
		});
		if (!long.ok)
			expect(long.problem.message).toMatch(/^the paragraph at line 3 has 24,999 characters/);
	});

	it('reads our own op-eds into paragraphs', () => {
		const blocks = blocksOf(readFileSync('tests/fixtures/texts/four-day-week.md', 'utf8'), true);
		expect(blocks[0]).toEqual({ text: 'A Four-Day School Week Is a False Economy' });
		expect(blocks.some((b) => b.text === 'The savings are smaller than they look')).toBe(true);
		expect(blocks.every((b) => !b.text.includes('**') && !b.text.startsWith('#'))).toBe(true);
	});
});

describe('indexText', () => {
	const blocks = [
		{ text: 'Site menu', skip: true as const },
		{ text: 'First paragraph.' },
		{ text: 'A caption', skip: true as const },
		{ text: 'Second paragraph.' }
	];
	const index = indexText(blocks);

	it('joins the blocks with a blank line and numbers only the blocks that are not skipped', () => {
		expect(index.text).toBe(blocks.map((b) => b.text).join(BLOCK_SEPARATOR));
		expect(index.starts).toEqual([0, 11, 29, 40]);
		expect(index.paragraphs).toEqual([undefined, 1, undefined, 2]);
		expect(paragraphCount(index)).toBe(2);
		expect(indexText(blocks)).toBe(index); // computed once per text
	});

	it('turns offsets into blocks and paragraphs and back', () => {
		expect(blockAt(index, 0)).toBe(0);
		expect(blockAt(index, 9)).toBe(0); // the end of block 0
		expect(blockAt(index, 10)).toBe(1); // the blank line belongs to the next block
		expect(blockAt(index, index.text.length)).toBe(3);
		expect(paragraphAt(index, 12)).toBe(1);
		expect(paragraphAt(index, 30)).toBeUndefined();
		expect(paragraphSpan(index, 2)).toEqual({ start: 40, end: 57 });
		expect(index.text.slice(40, 57)).toBe('Second paragraph.');
		expect(paragraphSpan(index, 3)).toBeUndefined();
		expect(blockSpan(index, 1)).toEqual({ start: 11, end: 27 });
	});
});

describe('sentenceSpans', () => {
	const sentences = (t: string) => sentenceSpans(t).map((s) => t.slice(s.start, s.end));

	it('splits after . ! ? before a capital or a number, with closing quotes kept', () => {
		expect(sentences('It rose. Then it fell! Why? “Ask them.” 2024 was worse.')).toEqual([
			'It rose.',
			'Then it fell!',
			'Why?',
			'“Ask them.”',
			'2024 was worse.'
		]);
	});

	it('does not split after titles, initials and abbreviations, or inside numbers', () => {
		expect(
			sentences('Dr. Ito met J. Smith in the U.S. They spent $2.6 million, e.g. On the loan.')
		).toEqual(['Dr. Ito met J. Smith in the U.S. They spent $2.6 million, e.g. On the loan.']);
		expect(sentences('It cost 2.6% of GDP. Nobody asked.')).toEqual([
			'It cost 2.6% of GDP.',
			'Nobody asked.'
		]);
	});

	it('ends a sentence at a line break inside a block (a list, a verse)', () => {
		expect(sentences('- one item\n- another item')).toEqual(['- one item', '- another item']);
	});
});
