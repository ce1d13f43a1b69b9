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
import { evaluate } from '../../src/lib/model/evaluate';
import { indexMap, inTextOf, inTextSummary } from '../../src/lib/model/queries';

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

/** Paragraph 17: the thesis and the two closing claims that elaborate it. */
const CONCLUSIONS = ['thesis', 'thesis-economic-disguise', 'thesis-friend-image'];

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

	it('connects every node except the conclusions to some conclusion (as a reason or a co-premise)', () => {
		const froms = new Set(map.links.flatMap((l) => [l.from, ...(l.with ?? [])]));
		const loose = map.nodes
			.filter((n) => !CONCLUSIONS.includes(n.id) && !froms.has(n.id))
			.map((n) => n.id);
		expect(loose).toEqual([]);
	});

	it('reaches a conclusion of paragraph 17 from every node', () => {
		const thesis = map.nodes.find((n) => n.kind === 'thesis');
		expect(thesis?.id).toBe(CONCLUSIONS[0]);
		const reached = new Set(CONCLUSIONS);
		let grew = true;
		while (grew) {
			grew = false;
			for (const l of map.links) {
				if (!reached.has(l.to)) continue;
				for (const p of [l.from, ...(l.with ?? [])]) {
					if (reached.has(p)) continue;
					reached.add(p);
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

/** The supports into a statement, with whether the text states each. */
const supportsInto = (id: string) =>
	map.links.filter((l) => l.to === id && l.relation === 'supports');
const node = (id: string) => map.nodes.find((n) => n.id === id);
const MOTIVES = ['motive-1', 'motive-2', 'motive-3', 'motive-4', 'motive-5'];

describe('japan-mongolia map: what the text states and what the reconstruction infers', () => {
	it('marks every source item stated or inferred explicitly', () => {
		const unmarked = [...map.nodes, ...map.links]
			.filter((x) => x.origin === 'source' && !x.inText)
			.map((x) => x.id);
		expect(unmarked).toEqual([]);
	});

	it('marks the seven links the article never makes as inferred', () => {
		const seven = [
			's-new-railway-to-motive-3',
			's-housing-sme-programmes-to-motive-3',
			's-roads-construction-to-motive-4',
			's-new-railway-to-motive-4',
			's-youth-centre-to-motive-5',
			's-school-exchange-to-motive-5',
			's-youth-year-to-motive-5'
		];
		const links = seven.map((id) => map.links.find((l) => l.id === id));
		expect(links.map((l) => l && inTextOf(l))).toEqual(seven.map(() => 'inferred'));
	});

	it('states no evidence for Motives 4 and 5: every support into them is inferred', () => {
		for (const id of ['motive-4', 'motive-5']) {
			const stated = supportsInto(id).filter((l) => inTextOf(l) === 'stated');
			expect(
				stated.map((l) => l.id),
				id
			).toEqual([]);
		}
		const index = indexMap(map);
		expect(inTextSummary(index, 'motive-5')).toBe(
			'no evidence stated in the text; 3 links inferred'
		);
		// China's transit monopoly is an obstacle the article mentions, not evidence it offers.
		expect(inTextOf(map.links.find((l) => l.id === 's-china-transit-to-motive-4')!)).toBe(
			'inferred'
		);
	});

	it('links the ties the article does make to Motive 2 as stated', () => {
		const stated = supportsInto('motive-2').filter((l) => inTextOf(l) === 'stated');
		expect(stated.map((l) => l.from)).toEqual(
			expect.arrayContaining(['tied-loans', 'joint-loan-facility', 'airport-loan'])
		);
		// The airport's concessional loan shows a tie only together with the Japanese firms it pays.
		expect(stated.find((l) => l.from === 'airport-loan')?.with).toEqual(['airport-contractors']);
	});

	it('keeps every motive linked to the evidence that bears on it', () => {
		for (const id of MOTIVES) expect(supportsInto(id).length, id).toBeGreaterThan(1);
	});
});

describe('japan-mongolia map: faithful wording', () => {
	it('keeps the motives claims about purpose, in the article’s language of intent', () => {
		for (const id of MOTIVES) {
			const text = node(id)!.text;
			expect(text, id).toMatch(/\b(intended|intends|designed|meant) to\b/);
			// An outcome is not a purpose: "polishes", "makes … dependent" state what happens.
			expect(text, id).not.toMatch(/\bpolishes\b|\bmakes\b.*\bdependent\b/);
		}
	});

	it('splits the 2021 coronavirus grant and the equipment for the blind into two pieces of evidence', () => {
		const covid = node('covid-aid')!;
		const blind = node('blind-federation-equipment')!;
		expect(covid.text).not.toMatch(/blind/i);
		expect(covid.figures?.map((f) => f.value)).toEqual([8000000]);
		expect(blind.kind).toBe('evidence');
		expect(blind.anchors?.[0]?.quote).toMatch(/Federation of the Blind/);
		for (const id of [covid.id, blind.id])
			expect(supportsInto('health').map((l) => l.from)).toContain(id);
	});

	it('says what the article says: “a number of” projects, health “in particular”, an average growth rate', () => {
		expect(node('thesis-economic-disguise')!.text).toMatch(/a number of projects/);
		expect(node('health')!.text).not.toMatch(/\bmost\b/);
		expect(node('gdp-growth')!.text).toMatch(/on average/);
		expect(node('gdp-growth')!.figures?.[0]?.what).toMatch(/average/);
	});

	it('gives every piece of evidence a basis', () => {
		const bare = map.nodes.filter((n) => n.kind === 'evidence' && !n.basis).map((n) => n.id);
		expect(bare).toEqual([]);
	});
});

describe('japan-mongolia map: what the thesis rests on', () => {
	const reasons = () => supportsInto('thesis');

	it('takes paragraph 3’s generalisation as a general premise, applied to Japan by an unstated premise', () => {
		const l = reasons().find((x) => x.from === 'persuasion-methods')!;
		expect(l.with).toEqual(['japan-among-giants']);
		expect(inTextOf(l)).toBe('inferred');
		expect(node('japan-among-giants')).toMatchObject({ kind: 'assumption', inText: 'inferred' });
	});

	it('reads paragraph 4’s account as what the thesis interprets, not as a reason for it', () => {
		expect(reasons().map((l) => l.from)).not.toContain('japan-own-course');
		// The first closing claim reads the humanitarian label the account gives as a disguise.
		expect(
			map.links.filter((l) => l.from === 'japan-own-course').map((l) => [l.to, l.inText])
		).toEqual([['thesis-economic-disguise', 'inferred']]);
	});

	it('takes paragraph 2 as the self-interest hook, not as support for the humanitarian course', () => {
		const from = map.links.filter((l) => l.from === 'japan-expanding-presence');
		expect(from.map((l) => [l.to, l.inText])).toEqual([['thesis-economic-disguise', 'inferred']]);
	});

	it('draws the two closing claims of paragraph 17 from the motives they spell out, not as further reasons', () => {
		// Reasons for the thesis: the general premise and the five motives, each counted once.
		expect(reasons().map((l) => l.from)).toEqual(['persuasion-methods', ...MOTIVES]);
		for (const id of CONCLUSIONS.slice(1))
			expect(
				map.links.filter((l) => l.from === id),
				id
			).toEqual([]);
		expect(supportsInto('thesis-economic-disguise').map((l) => l.from)).toEqual([
			'motive-2',
			'motive-4',
			'japan-expanding-presence',
			'japan-own-course'
		]);
		expect(supportsInto('thesis-friend-image').map((l) => l.from)).toEqual([
			'motive-1',
			'motive-5'
		]);
	});

	it('tells a student who rejects all five motives exactly what still carries the thesis', () => {
		const rejected = (ids: string[]) =>
			evaluate(map, Object.fromEntries(ids.map((id) => [id, 'rejected' as const])));
		const e = rejected(MOTIVES);
		expect(e.nodes.get('thesis')).toMatchObject({
			status: 'holds',
			because: ['persuasion-methods']
		});
		// The image claim rests on motives alone; the disguise claim keeps paragraphs 2 and 4.
		expect(e.nodes.get('thesis-friend-image')?.status).toBe('unestablished');
		expect(e.nodes.get('thesis-economic-disguise')).toMatchObject({
			status: 'holds',
			because: ['japan-expanding-presence', 'japan-own-course']
		});
		// And rejecting the general premise too leaves it not established, not shown false.
		expect(rejected([...MOTIVES, 'persuasion-methods']).nodes.get('thesis')?.status).toBe(
			'unestablished'
		);
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
