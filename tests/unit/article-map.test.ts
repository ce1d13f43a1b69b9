/**
 * The hand-made map of the Japan–Mongolia article: it must satisfy the schema, stay faithful to
 * the source (anchors quote it verbatim, every body paragraph is mapped, every money figure and
 * percentage is captured) and keep the argument's shape (one thesis, five motives).
 *
 * The article itself is not part of the project; the tests that need it are skipped when it is
 * not on this machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bodyParagraphs } from '../fixtures/article';
import { describe, it, expect } from 'vitest';
import { mapSchema, type ArgumentMap } from '../../src/lib/model/schema';

const MAP_PATH = path.resolve(process.cwd(), 'arguments/japan-mongolia.map.json');
const ARTICLE_PATH = path.resolve(process.cwd(), '../shared/seeds/000_be431619a4aa177c.txt');

const raw: unknown = JSON.parse(fs.readFileSync(MAP_PATH, 'utf8'));
const map = raw as ArgumentMap;

const articleExists = fs.existsSync(ARTICLE_PATH);
if (!articleExists) {
	console.warn(
		`article-map.test: the source article is not on this machine (${ARTICLE_PATH}); ` +
			'skipping the tests that compare the map with it'
	);
}

const WORD_NUMBERS: Record<string, number> = {
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10
};
const SCALE: Record<string, number> = { million: 1e6, billion: 1e9 };

/** Every money amount the article states: "$68 million", "43 million dollars", "three billion dollars". */
function moneyAmounts(article: string): number[] {
	const out: number[] = [];
	const words = Object.keys(WORD_NUMBERS).join('|');
	const re = new RegExp(
		`\\$(\\d+(?:\\.\\d+)?)\\s*(million|billion)|\\b(\\d+(?:\\.\\d+)?|${words})\\s+(million|billion)\\s+dollars`,
		'gi'
	);
	for (const m of article.matchAll(re)) {
		const num = m[1] ?? m[3] ?? '';
		const scale = SCALE[(m[2] ?? m[4] ?? '').toLowerCase()];
		const n = /^\d/.test(num) ? Number(num) : WORD_NUMBERS[num.toLowerCase()];
		if (n === undefined || scale === undefined) throw new Error(`cannot read amount: ${m[0]}`);
		out.push(Math.round(n * scale));
	}
	return out;
}

const figures = () =>
	map.nodes.flatMap((n) => (n.figures ?? []).map((f) => ({ node: n.id, ...f })));
const percentValues = () =>
	figures()
		.filter((f) => f.unit?.startsWith('%'))
		.map((f) => f.value);
const usdValues = () =>
	figures()
		.filter((f) => f.unit === 'USD')
		.map((f) => f.value);

describe('japan-mongolia map: format and integrity', () => {
	it('parses with the map schema', () => {
		const result = mapSchema.safeParse(raw);
		const issues = result.success
			? ''
			: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
		expect(result.success, `schema issues:\n${issues}`).toBe(true);
	});

	it('has unique ids across nodes and links', () => {
		const ids = [...map.nodes.map((n) => n.id), ...map.links.map((l) => l.id)];
		const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
		expect(dupes, `duplicate ids: ${dupes.join(', ')}`).toEqual([]);
	});

	it('has links that resolve to existing nodes and are not self-links', () => {
		const nodeIds = new Set(map.nodes.map((n) => n.id));
		const bad = map.links.filter(
			(l) => !nodeIds.has(l.from) || !nodeIds.has(l.to) || l.from === l.to
		);
		expect(bad.map((l) => l.id)).toEqual([]);
	});

	it('connects every node except the thesis to some conclusion', () => {
		const froms = new Set(map.links.map((l) => l.from));
		const loose = map.nodes.filter((n) => n.kind !== 'thesis' && !froms.has(n.id)).map((n) => n.id);
		expect(loose).toEqual([]);
	});

	it('reaches the thesis from every node', () => {
		const thesis = map.nodes.find((n) => n.kind === 'thesis');
		expect(thesis).toBeDefined();
		const reached = new Set([thesis!.id]);
		let grew = true;
		while (grew) {
			grew = false;
			for (const l of map.links) {
				if (reached.has(l.to) && !reached.has(l.from)) {
					reached.add(l.from);
					grew = true;
				}
			}
		}
		const cut = map.nodes.filter((n) => !reached.has(n.id)).map((n) => n.id);
		expect(cut).toEqual([]);
	});

	it('gives every node at least one anchor with a quote', () => {
		const bare = map.nodes
			.filter((n) => !n.anchors?.length || n.anchors.some((a) => !a.quote))
			.map((n) => n.id);
		expect(bare).toEqual([]);
	});

	it('has exactly one thesis', () => {
		expect(map.nodes.filter((n) => n.kind === 'thesis')).toHaveLength(1);
	});

	it('has five motives, each supporting the thesis and each supported by something', () => {
		const thesis = map.nodes.find((n) => n.kind === 'thesis')!;
		const motives = map.nodes.filter((n) => /^Motive \d+$/.test(n.label ?? ''));
		expect(motives.map((m) => m.label).sort()).toEqual([
			'Motive 1',
			'Motive 2',
			'Motive 3',
			'Motive 4',
			'Motive 5'
		]);
		const kinds = new Map(map.nodes.map((n) => [n.id, n.kind]));
		for (const m of motives) {
			const toThesis = map.links.some(
				(l) => l.from === m.id && l.to === thesis.id && l.relation === 'supports'
			);
			expect(toThesis, `${m.label} (${m.id}) does not support the thesis`).toBe(true);
			const backing = map.links.filter(
				(l) =>
					l.to === m.id &&
					l.relation === 'supports' &&
					['evidence', 'claim'].includes(kinds.get(l.from) ?? '')
			);
			expect(backing.length, `${m.label} (${m.id}) has no support`).toBeGreaterThan(0);
		}
	});

	it('records the key percentages as figures with a % unit', () => {
		const values = percentValues();
		for (const p of [30, 1.5, 43, 41, 2.6, 7]) {
			expect(values, `no % figure with value ${p}`).toContain(p);
		}
	});
});

describe.skipIf(!articleExists)('japan-mongolia map: faithful to the article', () => {
	const article = articleExists ? fs.readFileSync(ARTICLE_PATH, 'utf8') : '';
	const paragraphs = articleExists ? bodyParagraphs(article) : [];

	it('finds the 17 body paragraphs', () => {
		expect(paragraphs).toHaveLength(17);
	});

	it('quotes every anchor verbatim from its paragraph', () => {
		const wrong: string[] = [];
		for (const n of map.nodes) {
			for (const a of n.anchors ?? []) {
				const para = paragraphs[a.paragraph - 1];
				if (para === undefined) wrong.push(`${n.id}: paragraph ${a.paragraph} does not exist`);
				else if (a.quote !== undefined && !para.includes(a.quote))
					wrong.push(`${n.id}: quote not found in paragraph ${a.paragraph}: ${a.quote}`);
			}
		}
		expect(wrong, wrong.join('\n')).toEqual([]);
	});

	it('anchors every substantive paragraph', () => {
		const anchored = new Set(map.nodes.flatMap((n) => (n.anchors ?? []).map((a) => a.paragraph)));
		const missing = paragraphs
			.map((p, i) => ({ p, n: i + 1 }))
			.filter(({ p, n }) => /[A-Za-z]{3,}/.test(p) && !anchored.has(n))
			.map(({ n }) => n);
		expect(missing, `paragraphs without anchors: ${missing.join(', ')}`).toEqual([]);
	});

	it('anchors the thesis to the closing paragraph', () => {
		const thesis = map.nodes.find((n) => n.kind === 'thesis')!;
		const closing = paragraphs.length;
		expect(thesis.anchors?.map((a) => a.paragraph)).toContain(closing);
	});

	it('captures every money amount the article states as a USD figure', () => {
		const amounts = moneyAmounts(article);
		expect(amounts.length).toBeGreaterThanOrEqual(9);
		const usd = usdValues();
		const missing = amounts.filter((a) => !usd.includes(a));
		expect(missing, `money amounts without a USD figure: ${missing.join(', ')}`).toEqual([]);
	});

	it('captures every percentage the article states as a % figure', () => {
		const stated = [...article.matchAll(/(\d+(?:\.\d+)?)\s?%/g)].map((m) => Number(m[1]));
		expect(stated.length).toBeGreaterThan(0);
		const values = percentValues();
		const missing = stated.filter((p) => !values.includes(p));
		expect(missing, `percentages without a % figure: ${missing.join(', ')}`).toEqual([]);
	});
});
