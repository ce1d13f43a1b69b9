import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMap } from './parse';
import { FOLLOWS_STEP, type ArgumentMap } from './schema';
import { templateMap } from './templates';
import {
	argumentSteps,
	movedOrder,
	orderSteps,
	stepNodes,
	walkthroughSteps,
	type Step
} from './walkthrough';

function load(path: string): ArgumentMap {
	const r = parseMap(readFileSync(path, 'utf8'));
	if (!r.ok) throw new Error(`${path}: ${r.problems[0]?.message}`);
	return r.map;
}

const article = load('arguments/japan-mongolia.map.json');
const critique = load('arguments/japan-mongolia-critique.map.json');
const bikes = load('tests/fixtures/compare/bike-lanes/reference.map.json');
const keys = (steps: Step[]) => steps.map((s) => s.key);

describe('the walkthrough in the argument’s order', () => {
	it('an op-ed: the thesis, each reason with its evidence, the author’s objection and answer', () => {
		const steps = argumentSteps(bikes);
		expect(steps.map((s) => [s.kind, s.key, s.with, s.about])).toEqual([
			['thesis', 'thesis', [], []],
			['reason', 'painted-failed', ['share-rose'], []],
			['reason', 'protected-change', ['lindholm'], []],
			['reason', 'shops-fine', ['survey-18', 'cyclists-spend'], []],
			['objection', 'jam', [], ['thesis']],
			['objection', 'loading-bays', [], ['jam']]
		]);
	});

	it('the article map: thesis first, its reasons in the author’s order, every statement shown', () => {
		const steps = argumentSteps(article);
		expect(steps[0]).toMatchObject({ kind: 'thesis', key: 'thesis' });
		const reasons = article.links
			.filter((l) => l.to === 'thesis' && l.relation === 'supports')
			.map((l) => l.from);
		const at = reasons.map((r) => keys(steps).indexOf(r));
		expect(at.every((i) => i > 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		// Depth first: a reason's own sub-claims follow it before the next reason.
		expect(keys(steps).indexOf('mongolia-courted')).toBe(
			keys(steps).indexOf('persuasion-methods') + 1
		);
		// Each statement of the text is presented: claims as steps, evidence with its claim.
		const shown = new Set(steps.flatMap(stepNodes));
		expect(article.nodes.filter((n) => !shown.has(n.id)).map((n) => n.id)).toEqual([]);
		for (const n of article.nodes.filter((n) => n.kind !== 'evidence'))
			expect(
				keys(steps).filter((k) => k === n.id),
				n.id
			).toHaveLength(1 - +(n.kind === 'assumption'));
		// Nothing of a reader's, so no critique and no "what follows".
		expect(steps.some((s) => s.key === FOLLOWS_STEP)).toBe(false);
		expect(new Set(keys(steps)).size).toBe(steps.length);
	});

	it('a critique map: the text’s steps, then objections, undercuts, assumptions, additions, what follows', () => {
		const steps = argumentSteps(critique);
		const firstReader = steps.findIndex(
			(s) => critique.nodes.find((n) => n.id === s.focus)?.origin === 'reader'
		);
		expect(
			steps
				.slice(0, firstReader)
				.map((s) => s.kind)
				.every((k) => k === 'thesis' || k === 'reason')
		).toBe(true);
		const told = steps.slice(firstReader, -1).map((s) => s.kind);
		const rank = ['objection', 'undercut', 'assumption', 'support'];
		expect(told.map((k) => rank.indexOf(k))).toEqual([...told.map((k) => rank.indexOf(k))].sort());
		expect(new Set(told)).toEqual(new Set(rank));
		expect(steps.at(-1)).toMatchObject({ key: FOLLOWS_STEP, kind: 'follows', focus: 'thesis' });
		// Every reader statement is told exactly once: as a step, or with the step it argues about.
		const readers = critique.nodes.filter((n) => n.origin === 'reader').map((n) => n.id);
		const told2 = steps.slice(firstReader, -1).flatMap((s) => [s.focus, ...s.with]);
		expect([...told2].sort()).toEqual([...readers].sort());
		// A rebuttal comes with the objection it answers, which says what it is about.
		expect(steps.find((s) => s.key === 'obj-market-too-small')).toMatchObject({
			kind: 'objection',
			with: ['reb-market-scope'],
			about: ['motive-2']
		});
		// An undercut is about the step it attacks: both ends of it.
		expect(steps.find((s) => s.key === 'u-gdp-not-design')?.about).toEqual([
			'gdp-growth',
			'motive-2'
		]);
		// A reader's hidden assumption is critique, not part of the reasons it joins.
		const motive1 = steps.find((s) => s.key === 'motive-1')!;
		expect(motive1.with).not.toContain('asm-self-interest-excludes-help');
		expect(steps.find((s) => s.key === 'asm-self-interest-excludes-help')).toMatchObject({
			kind: 'assumption',
			with: ['obj-benefits-ignored']
		});
	});
});

describe('a saved order', () => {
	const steps = argumentSteps(bikes);

	it('is followed as saved; unknown and repeated keys are skipped', () => {
		const order = [
			'jam',
			'gone',
			'thesis',
			'jam',
			'loading-bays',
			'shops-fine',
			'protected-change',
			'painted-failed'
		];
		expect(keys(orderSteps(steps, order))).toEqual([
			'jam',
			'thesis',
			'loading-bays',
			'shops-fine',
			'protected-change',
			'painted-failed'
		]);
	});

	it('a step the order does not name goes after the step it follows in the argument', () => {
		const order = ['thesis', 'shops-fine', 'painted-failed', 'jam', 'loading-bays'];
		// protected-change (added since the order was saved) follows painted-failed, as in the argument.
		expect(keys(orderSteps(steps, order))).toEqual([
			'thesis',
			'shops-fine',
			'painted-failed',
			'protected-change',
			'jam',
			'loading-bays'
		]);
		expect(keys(orderSteps(steps, undefined))).toEqual(keys(steps));
	});

	it('is read from the map, and a saved map with an order keeps it', () => {
		const text = readFileSync('tests/fixtures/compare/bike-lanes/reference.map.json', 'utf8');
		const doc = JSON.parse(text);
		doc.walkthrough = { order: ['jam', 'thesis', 'no-such-statement', FOLLOWS_STEP] };
		const r = parseMap(JSON.stringify(doc));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		// The steps it does not name follow the ones they follow in the argument.
		expect(keys(walkthroughSteps(r.map))).toEqual([
			'jam',
			'loading-bays',
			'thesis',
			'painted-failed',
			'protected-change',
			'shops-fine'
		]);
		doc.walkthrough = { order: ['Not a key'] };
		const bad = parseMap(JSON.stringify(doc, null, 2));
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.problems[0]?.path.slice(0, 2)).toEqual(['walkthrough', 'order']);
	});

	it('moving a step up and back again leaves nothing to save', () => {
		const down = movedOrder(bikes, steps, 1, 1);
		expect(down?.order?.slice(0, 3)).toEqual(['thesis', 'protected-change', 'painted-failed']);
		const moved = orderSteps(steps, down!.order);
		expect(movedOrder(bikes, moved, 2, -1)).toEqual({ order: undefined });
		expect(movedOrder(bikes, steps, 0, -1)).toBeUndefined();
		expect(movedOrder(bikes, steps, steps.length - 1, 1)).toBeUndefined();
	});
});

describe('unwritten statements are no steps', () => {
	it('a new map’s placeholder reasons and a reader’s untouched "New objection" are left out', () => {
		const map = templateMap({ title: 'Late starts' }, 'Schools should start later.', 3);
		const [first, second] = map.nodes.filter((n) => n.kind === 'claim');
		const written: ArgumentMap = {
			...map,
			nodes: [
				...map.nodes.map((n) =>
					n.id === first!.id ? { ...n, text: 'Teens fall asleep late.', tags: undefined } : n
				),
				{ id: 'obj', kind: 'claim', text: 'New objection', origin: 'reader' }
			],
			links: [
				...map.links,
				{ id: 'l-obj', from: 'obj', to: first!.id, relation: 'attacks', origin: 'reader' }
			]
		};
		const steps = keys(argumentSteps(written));
		expect(steps).toContain(first!.id);
		expect(steps).not.toContain(second!.id);
		expect(steps).not.toContain('obj');
		expect(steps[0]).toBe(map.nodes.find((n) => n.kind === 'thesis')!.id);
	});
});

describe('evidence offered for evidence', () => {
	it('comes with its reason’s step, not as a step of its own', () => {
		const map = templateMap({ title: 'Tools' }, 'Libraries should lend tools.', 1);
		const reason = map.nodes.find((n) => n.kind === 'claim')!;
		const nested: ArgumentMap = {
			...map,
			nodes: [
				...map.nodes.map((n) =>
					n.id === reason.id ? { ...n, text: 'It saves money.', tags: undefined } : n
				),
				{ id: 'ev', kind: 'evidence', text: 'Households save 240 euros.', origin: 'source' },
				{ id: 'ev2', kind: 'evidence', text: 'Ghent counted it.', origin: 'source' }
			],
			links: [
				...map.links,
				{ id: 'l-ev', from: 'ev', to: reason.id, relation: 'supports', origin: 'source' },
				{ id: 'l-ev2', from: 'ev2', to: 'ev', relation: 'supports', origin: 'source' }
			]
		};
		const steps = argumentSteps(nested);
		expect(keys(steps)).toEqual([map.nodes.find((n) => n.kind === 'thesis')!.id, reason.id]);
		expect(steps[1]!.with).toEqual(['ev', 'ev2']);
	});
});
