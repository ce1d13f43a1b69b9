/**
 * Format version 3: the source text as blocks, anchors with selectors and the 15-word rule,
 * and `inText` on source items only.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMap, validateMap } from './parse';
import { serializeMap } from './serialize';
import type { Anchor, ArgumentMap } from './schema';
import { inTextOf } from './queries';
import { countWords, MAX_BLOCKS } from './words';

const small = (): ArgumentMap =>
	JSON.parse(readFileSync('tests/fixtures/small.map.json', 'utf8')) as ArgumentMap;
const problemsOf = (value: unknown) => {
	const r = validateMap(value);
	return r.ok ? [] : r.problems;
};
/** The small map with one anchor on its thesis. */
function anchored(anchor: Partial<Anchor> & Record<string, unknown>): ArgumentMap {
	const m = small();
	m.nodes[0]!.anchors = [anchor as Anchor];
	return m;
}

describe('countWords', () => {
	it('counts words as the copied-runs check does: runs of letters and digits', () => {
		expect(countWords('a $68 million loan')).toBe(4);
		expect(countWords('Japan’s peace-loving course')).toBe(4);
		expect(countWords('2.6% of GDP — in 2012')).toBe(6);
		expect(countWords('  ')).toBe(0);
	});
});

describe('anchors (version 3)', () => {
	it('accepts a quote selector with context and a position', () => {
		const m = anchored({
			paragraph: 2,
			prefix: 'the loan of ',
			quote: '$68 million',
			suffix: ' was repaid',
			start: 120,
			end: 131
		});
		expect(problemsOf(m)).toEqual([]);
		// Canonical order: paragraph, quote, prefix, suffix, start, end.
		const text = serializeMap(m);
		expect(text.indexOf('"quote"')).toBeLessThan(text.indexOf('"prefix"'));
		expect(text.indexOf('"suffix"')).toBeLessThan(text.indexOf('"start"'));
		const back = parseMap(text);
		expect(back.ok && back.map.nodes[0]!.anchors).toEqual(m.nodes[0]!.anchors);
	});

	it('counts prefix, quote and suffix together against the 15-word rule', () => {
		const ten = 'one two three four five six seven eight nine ten';
		expect(problemsOf(anchored({ paragraph: 1, quote: ten, suffix: ' a b c d e' }))).toEqual([]);
		const p = problemsOf(
			anchored({ paragraph: 1, prefix: 'x y ', quote: ten, suffix: ' a b c d' })
		);
		expect(p).toHaveLength(1);
		expect(p[0]).toMatchObject({ code: 'schema', path: ['nodes', 0, 'anchors', 0, 'quote'] });
		expect(p[0]!.message).toBe(
			'prefix, quote and suffix together may have at most 15 words; these have 16'
		);
		const alone = problemsOf(anchored({ paragraph: 1, quote: `${ten} a b c d e f` }));
		expect(alone[0]!.message).toBe('a quote may have at most 15 words; this one has 16');
	});

	it('refuses context without a quote, half a position and an end before the start', () => {
		expect(problemsOf(anchored({ paragraph: 1, prefix: 'before ' }))[0]!.message).toBe(
			'context needs a quote to stand beside'
		);
		expect(problemsOf(anchored({ paragraph: 1, quote: 'x', start: 4 }))[0]).toMatchObject({
			path: ['nodes', 0, 'anchors', 0, 'end'],
			message: 'start and end come together: give both or neither'
		});
		expect(problemsOf(anchored({ paragraph: 1, quote: 'x', start: 4, end: 4 }))[0]!.message).toBe(
			'must be after start (4); found 4'
		);
	});
});

describe('the source text (version 3)', () => {
	it('is optional, and saved one block per object after the links', () => {
		const m = small();
		m.text = [{ text: 'A byline', skip: true }, { text: 'First paragraph.\nSecond line.' }];
		expect(problemsOf(m)).toEqual([]);
		const text = serializeMap(m);
		expect(text.indexOf('"links"')).toBeLessThan(text.indexOf('"text": [')); // argument first
		expect(text).toContain('{\n      "text": "A byline",\n      "skip": true\n    }');
		expect(parseMap(text).ok).toBe(true);
	});

	it('refuses an empty block, a blank line inside a block, a carriage return and too many blocks', () => {
		const withText = (blocks: unknown) => ({ ...small(), text: blocks });
		expect(problemsOf(withText([{ text: '' }]))[0]!.message).toBe('must not be empty');
		expect(problemsOf(withText([{ text: 'a\n\nb' }]))[0]!.message).toBe(
			'must not contain a blank line (blocks are split there)'
		);
		expect(problemsOf(withText([{ text: 'a\r\nb' }]))[0]!.path).toEqual(['text', 0, 'text']);
		expect(problemsOf(withText([{ text: 'a', skip: false }]))[0]!.path).toEqual([
			'text',
			0,
			'skip'
		]);
		const many = Array.from({ length: MAX_BLOCKS + 1 }, () => ({ text: 'x' }));
		expect(problemsOf(withText(many))[0]!.message).toBe(`must have at most ${MAX_BLOCKS} blocks`);
	});
});

describe('inText', () => {
	it('is for source items; a reader item carrying it is a problem with a sentence', () => {
		const m = small();
		m.nodes[1]!.inText = 'inferred';
		m.links[0]!.inText = 'inferred';
		expect(problemsOf(m)).toEqual([]);
		const o = m.nodes.findIndex((n) => n.origin === 'reader');
		m.nodes[o]!.inText = 'stated';
		const p = problemsOf(m);
		expect(p).toHaveLength(1);
		expect(p[0]).toMatchObject({ code: 'in-text', path: ['nodes', o, 'inText'] });
		expect(p[0]!.message).toMatch(/reader's own.*remove "inText" or make it a source statement/);
	});

	it('reads as stated on a source item that does not say, and as nothing on a reader item', () => {
		expect(inTextOf({ origin: 'source' })).toBe('stated');
		expect(inTextOf({ origin: 'source', inText: 'inferred' })).toBe('inferred');
		expect(inTextOf({ origin: 'reader' })).toBeUndefined();
	});
});
