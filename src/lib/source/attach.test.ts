import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	ARTICLE_PATH,
	NO_ARTICLE,
	articleBlocks,
	articleExists
} from '../../../tests/fixtures/article';
import { loadMap } from '../../../tests/fixtures/load';
import { parseMap } from '../model/parse';
import type { ArgumentMap } from '../model/schema';
import { serializeMap } from '../model/serialize';
import { countWords } from '../model/words';
import { attachText, leadingBlocks, orphanProblems } from './attach';
import { mapCoverage } from './coverage';
import { indexText } from './text';

const text = readFileSync('tests/fixtures/texts/branch-libraries.txt', 'utf8');
const map = loadMap('tests/fixtures/branch-libraries.map.json');
const anchorsOf = (m: ArgumentMap) => m.nodes.flatMap((n) => n.anchors ?? []);

function attached(m: ArgumentMap, t: Parameters<typeof attachText>[1], options = {}) {
	const r = attachText(m, t, options);
	if (!r.ok) throw new Error(r.problem.message);
	return r;
}

describe('attachText', () => {
	it('attaches the text and rewrites every anchor from it, within the 15-word rule', () => {
		const { map: after, report } = attached(map, text);
		expect(report.summary).toBe('14 of 14 anchors found');
		expect(report).toMatchObject({ total: 14, exact: 14, fuzzy: 0, orphans: [] });
		// The navigation, the title and the byline come before paragraph 1 of the anchors.
		expect(report.skipped).toEqual([0, 1, 2]);
		const index = indexText(after.text!);
		anchorsOf(after).forEach((a, i) => {
			const before = anchorsOf(map)[i]!;
			expect(a.paragraph).toBe(before.paragraph);
			expect(a.quote).toBe(before.quote);
			expect(index.text.slice(a.start, a.end)).toBe(a.quote);
			expect(countWords(`${a.prefix ?? ''}${a.quote}${a.suffix ?? ''}`)).toBe(15);
		});
		// What it makes is a valid map file, and the same again when read back.
		const saved = serializeMap(after);
		const back = parseMap(saved);
		expect(back.ok && serializeMap(back.map)).toBe(saved);
		expect(orphanProblems(after)).toEqual([]);
	});

	it('finds anchors again in a new version of the text, and orphans what is gone without moving it', () => {
		const first = attached(map, text).map;
		const revised = text
			.replace('had about 1,200 visitors a day in 2023', 'had about 1,250 visitors a day in 2023')
			.replace(
				'Some will say that libraries are a relic',
				'Some will call libraries old-fashioned'
			);
		const { map: after, report } = attached(first, revised);
		expect(report.summary).toBe('13 of 14 anchors found; 1 orphan');
		expect(report.fuzzy).toBe(1);
		expect(report.orphans).toMatchObject([
			{ node: 'objection-phones', anchor: 0, path: ['nodes', 10, 'anchors', 0] }
		]);
		// The orphan is kept exactly as it was.
		expect(after.nodes[10]!.anchors).toEqual(first.nodes[10]!.anchors);
		const visitors = after.nodes.find((n) => n.id === 'visitors')!.anchors![0]!;
		expect(visitors.quote).toBe('had about 1,250 visitors a day in 2023');
		// …and validate says where the orphan is and what to do.
		const [problem] = orphanProblems(after);
		expect(problem).toMatchObject({ code: 'orphan', path: ['nodes', 10, 'anchors', 0] });
		expect(problem!.message).toMatch(
			/^the anchor “libraries are a relic” .*; select the passage again to re-anchor it$/
		);
	});

	it('takes the blocks to skip from the caller, and refuses blocks that are not there', () => {
		const { report } = attached(map, text, { skip: [0, 1, 2, 15] });
		expect(report.skipped).toEqual([0, 1, 2, 15]);
		expect(report.summary).toBe('14 of 14 anchors found');
		const wrong = attachText(map, text, { skip: [0, 40, 41] });
		expect(wrong).toEqual({
			ok: false,
			problem: {
				code: 'bad-skip',
				message: 'the text has blocks 1 to 16; there is no block 41 and 42'
			}
		});
		expect(attachText(map, '   ')).toMatchObject({ ok: false, problem: { code: 'empty-text' } });
	});

	it('counts the blocks before paragraph 1 from where the quotes are', () => {
		const r = attached(map, text, { skip: [] });
		expect(leadingBlocks(map, r.map.text!)).toBe(3);
		expect(
			leadingBlocks({ ...map, nodes: map.nodes.map(({ anchors: _, ...n }) => n) }, r.map.text!)
		).toBe(0);
	});
});

describe('attaching the seed article to the Japan–Mongolia map (read at run time, never copied)', () => {
	it.skipIf(!articleExists)(
		'finds every anchor, with the paragraph numbers the map already has',
		() => {
			const article = readFileSync(ARTICLE_PATH, 'utf8');
			for (const file of [
				'arguments/japan-mongolia.map.json',
				'arguments/japan-mongolia-critique.map.json'
			]) {
				const before = loadMap(file);
				const { map: after, report } = attached(before, articleBlocks(article));
				const n = anchorsOf(before).length;
				expect(report.summary, file).toBe(`${n} of ${n} anchors found`);
				expect(anchorsOf(after).map((a) => a.paragraph)).toEqual(
					anchorsOf(before).map((a) => a.paragraph)
				);
				expect(mapCoverage(after)!.summary).toBe('17 of 17 paragraphs mapped');
				expect(orphanProblems(after)).toEqual([]);
				// The same without the skip marks: the blocks before paragraph 1 are found from the quotes.
				expect(attached(before, article).report).toMatchObject({
					summary: `${n} of ${n} anchors found`,
					skipped: [0, 1, 2, 3]
				});
			}
			expect(anchorsOf(loadMap('arguments/japan-mongolia.map.json'))).toHaveLength(82);
		}
	);
	if (!articleExists) it.skip(NO_ARTICLE, () => {});
});
