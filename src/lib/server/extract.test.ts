import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	MAX_BLOCK_CHARS,
	MAX_BLOCKS,
	extract,
	flattenDeepNesting,
	isoDate,
	languageTag,
	normalizeText
} from './extract';
import { sourceSchema } from '../model/schema';
import { ARTICLE_BLOCKS, ARTICLE_SOURCE } from '../../../tests/fixtures/import/expected';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');

/** The metadata as a map's `source`: extract's output must fit it as it is. */
function asSource({ blocks: _b, truncated: _t, ...source }: ReturnType<typeof extract>) {
	return sourceSchema.parse(source);
}

describe('extracting an article', () => {
	const page = extract(fixture('article.html'), {
		url: 'https://ledger.example/opinion/library-sundays?utm_source=x'
	});

	it('keeps the metadata the page declares', () => {
		expect(asSource(page)).toEqual({
			...ARTICLE_SOURCE,
			url: 'https://ledger.example/opinion/library-sundays?utm_source=x'
		});
	});

	it('keeps the article and leaves out navigation, related links and footer', () => {
		expect(page.blocks[0]).toMatch(/^The town library is closed on the one day/);
		expect(page.blocks.at(-1)).toMatch(/rests on evidence rather than on habit\.$/);
		const all = page.blocks.join('\n');
		for (const furniture of ['Sport', 'Weather', 'More on this topic', 'All rights reserved'])
			expect(all).not.toContain(furniture);
	});

	it('gives headings, list items and quotes blocks of their own, as plain text', () => {
		expect(page.blocks).toContain('What it would cost');
		expect(page.blocks).toContain('Staff: £14,200 a year');
		expect(page.blocks).toContain('Heating and lighting: £4,300 a year');
		expect(page.blocks).toContain(
			'“We would rather pay for open doors than for locked ones,” one parent told the consultation.'
		);
		expect(page.blocks).toHaveLength(ARTICLE_BLOCKS);
		for (const block of page.blocks) {
			expect(block).toBe(normalizeText(block));
			expect(block).not.toMatch(/[<>]/);
		}
	});

	it('takes the canonical address of a saved page when no address is given', () => {
		expect(extract(fixture('article.html')).url).toBe(
			'https://ledger.example/opinion/library-sundays'
		);
	});
});

describe('a page that declares nothing', () => {
	it('still yields its paragraphs, and a title from the address or a fallback', () => {
		const page = extract(fixture('no-metadata.html'), { url: 'https://letters.example/x' });
		expect(page.title).toBe('letters.example');
		expect(page.blocks).toHaveLength(3);
		expect(page.blocks[0]).toMatch(/^Bicycle lanes on the high street/);
		expect(Object.keys(page).sort()).toEqual(['blocks', 'title', 'url']);
		expect(extract(fixture('no-metadata.html')).title).toBe('Untitled text');
	});
});

describe('a hostile page', () => {
	const page = extract(fixture('hostile.html'), { url: 'https://bus.example/' });
	const all = [...page.blocks, page.title].join('\n');

	it('yields its text and nothing that runs', () => {
		expect(page.blocks).toEqual([
			'Keep the night bus',
			'The night bus is the only way home for shift workers at the hospital after the last train. Cutting it would save the operator little and cost nurses and cleaners a safe journey.',
			"Read the operator's figures and the timetable before deciding.",
			'Ridership fell during the works on the bridge, and has recovered since. A route used by three hundred people a night is not a route nobody uses.'
		]);
		for (const trace of [
			'javascript:',
			'data:',
			'onload',
			'onclick',
			'onerror',
			'injected by script',
			'styled text',
			'text inside a frame',
			'vector text',
			'typed value',
			'text in a template',
			'hidden paragraph',
			'invisible paragraph',
			'enable JavaScript',
			'tracker.example'
		])
			expect(all).not.toContain(trace);
		expect(page.blocks.join('')).not.toMatch(/[<>]|alert/);
	});

	it('keeps a title as the characters it is made of: text, shown as text', () => {
		// <title> holds raw text in HTML: this is what a browser's tab shows too. It is a
		// string, never parsed or inserted as markup; the UI escapes it like any other text.
		expect(page.title).toBe("A harmless title<script>alert('in title')</script>");
		expect(page.url).toBe('https://bus.example/');
	});
});

describe('plain text and fragments', () => {
	it('splits plain text on blank lines and joins the lines of a paragraph', () => {
		const text = extract(fixture('plain.txt'), { type: 'text', language: 'en' });
		expect(text).toEqual({
			title: 'The case for a four-day school week',
			language: 'en',
			blocks: [
				'The case for a four-day school week',
				'Schools that moved to four longer days report fewer absences on the remaining days. Teachers use the fifth day for planning, which they otherwise do in the evenings.',
				'Parents who work five days need childcare on the fifth day, and the districts that tried it rarely provided any.'
			]
		});
		expect(extract('one\r\n\r\ntwo\r\n \r\nthree', { type: 'text' }).blocks).toEqual([
			'one',
			'two',
			'three'
		]);
	});

	it('reads an HTML fragment or a page without <body> as a browser would', () => {
		expect(extract('<p>a <b>bold</b>ly written</p><p>two</p>').blocks).toEqual([
			'a boldly written',
			'two'
		]);
		const loose = extract('<!doctype html><html lang=de><title>Titel</title><p>Text.</p></html>');
		expect(loose).toMatchObject({ title: 'Titel', language: 'de', blocks: ['Text.'] });
	});

	it('puts the cells of a table row in one block, apart', () => {
		const page = extract(
			'<table><tr><th>Year</th><th>Visits</th></tr><tr><td>2023</td><td>1,240</td></tr></table>'
		);
		expect(page.blocks).toEqual(['Year Visits', '2023 1,240']);
	});

	it('gives an empty page no blocks and still a title', () => {
		expect(extract('')).toEqual({ title: 'Untitled text', blocks: [] });
		expect(extract('   ', { type: 'text' })).toEqual({ title: 'Untitled text', blocks: [] });
	});
});

describe('caps', () => {
	it('splits an overlong block at a space and stops at the block limit', () => {
		const word = 'word ';
		const long = extract(`<p>${word.repeat(MAX_BLOCK_CHARS / 2)}</p>`);
		expect(long.blocks.length).toBe(3);
		for (const block of long.blocks) expect(block.length).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
		expect(long.blocks.join(' ')).toBe(word.repeat(MAX_BLOCK_CHARS / 2).trim());

		const many = extract(Array.from({ length: MAX_BLOCKS + 10 }, (_, i) => `p${i}`).join('\n\n'), {
			type: 'text'
		});
		expect(many.blocks).toHaveLength(MAX_BLOCKS);
		expect(many.truncated).toBe(true);
	});

	it('reads deeply nested markup quickly and without running out of stack', () => {
		// 400,000 unclosed tags fit in the 2 MB a fetch allows; parsed as they are, they take
		// minutes (the parser's work grows with the square of the depth).
		const started = Date.now();
		const deep = extract(`${'<b>'.repeat(400_000)}<p>deep</p>`);
		const nested = extract(`${'<div>'.repeat(20_000)}<p>deep</p>${'</div>'.repeat(20_000)}`);
		expect(deep.blocks).toEqual(['deep']);
		expect(nested.blocks).toEqual(['deep']);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('flattens only what is nested too deep, and drops scripts there whole', () => {
		const article = fixture('article.html');
		expect(flattenDeepNesting(article)).toBe(article);
		expect(
			flattenDeepNesting('<div><div><p>a<script>if (a<b) x()</script></p></div></div>', 2)
		).toBe('<div><div>a</div></div>');
		// A ">" inside an attribute value does not end the tag.
		expect(flattenDeepNesting('<div><a title="a>b" href="x">t</a></div>', 1)).toBe('<div>t</div>');
	});
});

describe('dates and languages', () => {
	it.each([
		['2024-03-17', '2024-03-17'],
		['2024-03-17T23:30:00-05:00', '2024-03-17'],
		['2024-03-17T08:30:00Z', '2024-03-17'],
		['17 March 2024', '2024-03-17'],
		['March 17, 2024', '2024-03-17'],
		['2024-02-30', undefined],
		['yesterday', undefined],
		['', undefined]
	])('%s → %s', (input, date) => {
		expect(isoDate(input)).toBe(date);
	});

	it('finds datePublished in JSON-LD given as a list, and survives a huge graph', () => {
		const page = (ld: string) =>
			`<html><head><script type="application/ld+json">${ld}</script></head><body><p>Text.</p></body></html>`;
		expect(extract(page('[{"@type":"Article","datePublished":"2019-05-06"}]')).date).toBe(
			'2019-05-06'
		);
		const huge = JSON.stringify({ '@graph': Array.from({ length: 200_000 }, (_, n) => ({ n })) });
		expect(extract(page(huge)).blocks).toEqual(['Text.']);
	});

	it('reads <time datetime> when nothing else declares a date', () => {
		const page = extract(
			'<html><body><article><p>By A. Writer <time datetime="2021-11-05T10:00">5 Nov</time></p><p>Text of the piece.</p></article></body></html>'
		);
		expect(page.date).toBe('2021-11-05');
	});

	it.each([
		['en', 'en'],
		['EN-gb', 'en-gb'],
		['pt_BR', 'pt-BR'],
		['x-klingon', undefined],
		['english', undefined],
		['', undefined]
	])('language %s → %s', (input, tag) => {
		expect(languageTag(input)).toBe(tag);
	});
});
