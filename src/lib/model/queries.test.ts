import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { indexMap, inTextSummary, nodeName, openingFocus, roleOf, supportInText } from './queries';
import type { ArgumentMap, MapLink } from './schema';

describe('what the text gives for a statement', () => {
	const small = loadMap('tests/fixtures/small.map.json');
	const withLinks = (extra: MapLink[]): ArgumentMap => ({
		...small,
		nodes: [
			...small.nodes,
			{ id: 'e2', kind: 'evidence', text: 'More.', origin: 'source', inText: 'stated' },
			{ id: 'e3', kind: 'evidence', text: 'And more.', origin: 'source', inText: 'stated' }
		],
		links: [...small.links, ...extra]
	});
	const link = (id: string, from: string, inText?: 'inferred'): MapLink => ({
		id,
		from,
		to: 'c1',
		relation: 'supports',
		origin: 'source',
		...(inText ? { inText } : {})
	});

	it('counts stated and inferred evidence; a source link without inText reads as stated', () => {
		const map = withLinks([link('x2', 'e2', 'inferred'), link('x3', 'e3')]);
		const s = supportInText(indexMap(map), 'c1');
		expect(s).toMatchObject({ statedEvidence: 2, inferredEvidence: 1 });
		expect(inTextSummary(indexMap(map), 'c1')).toBe(
			'2 pieces of evidence stated in the text; 1 link inferred'
		);
	});

	it('says plainly when the text ties no evidence to a claim', () => {
		const only = {
			...small,
			links: small.links.map((l) => (l.to === 'c1' ? { ...l, inText: 'inferred' as const } : l))
		};
		const map = withLinks([link('x2', 'e2', 'inferred')]);
		expect(
			inTextSummary(
				indexMap({ ...map, links: [...only.links, ...map.links.slice(small.links.length)] }),
				'c1'
			)
		).toBe('no evidence stated in the text; 2 links inferred');
		// Reasons stated, but no evidence among them.
		expect(inTextSummary(indexMap(small), 't')).toBe(
			'no evidence stated in the text, 1 reason stated'
		);
		// Nothing from the text at all: nothing to say.
		expect(inTextSummary(indexMap(small), 'e1')).toBeUndefined();
	});
});

describe('what the opening view shows with the thesis', () => {
	it('the article map: its five motives, not the other reasons for the thesis', () => {
		const map = loadMap('arguments/japan-mongolia.map.json');
		const focus = openingFocus(indexMap(map));
		expect(focus).toHaveLength(5);
		for (const id of focus)
			expect(map.nodes.find((n) => n.id === id)?.tags ?? []).toContain('motive');
	});

	it('a map without motives: every reason given for the thesis directly', () => {
		const map: ArgumentMap = {
			...loadMap('tests/fixtures/small.map.json'),
			nodes: [
				{ id: 't', kind: 'thesis', text: 'Close the centre to cars.', origin: 'source' },
				{ id: 'r1', kind: 'claim', text: 'It is safer.', origin: 'source' },
				{ id: 'r2', kind: 'claim', text: 'The air is cleaner.', origin: 'source' },
				{ id: 'o', kind: 'claim', text: 'Deliveries suffer.', origin: 'source' },
				{ id: 'e', kind: 'evidence', text: 'Fewer injuries.', origin: 'source' }
			],
			links: [
				{ id: 'l1', from: 'r1', to: 't', relation: 'supports', origin: 'source' },
				{ id: 'l2', from: 'r2', to: 't', relation: 'supports', origin: 'source' },
				{ id: 'l3', from: 'o', to: 't', relation: 'attacks', origin: 'source' },
				{ id: 'l4', from: 'e', to: 'r1', relation: 'supports', origin: 'source' }
			]
		};
		expect(openingFocus(indexMap(map)).sort()).toEqual(['r1', 'r2']);
	});
});

describe('what a statement is called on the map', () => {
	type Kind = ArgumentMap['nodes'][number]['kind'];
	const by = (id: string, kind: Kind, more: object = {}) =>
		({ id, kind, text: `Statement ${id}.`, origin: 'reader', ...more }) as const;
	const step = (from: string, to: string, relation: MapLink['relation'], more: object = {}) =>
		({ id: `${from}-${to}`, from, to, relation, origin: 'reader', ...more }) as const;
	const map: ArgumentMap = {
		...loadMap('tests/fixtures/small.map.json'),
		nodes: [
			by('t', 'thesis'),
			...['r', 'o', 'b', 'u', 'c'].map((id) => by(id, 'claim')),
			by('ol', 'claim', { label: 'Cost' }),
			by('e', 'evidence', { basis: 'poll' }),
			by('x', 'evidence'),
			by('a', 'assumption')
		],
		links: [
			step('r', 't', 'supports', { with: ['a'] }),
			step('o', 't', 'attacks'),
			step('b', 'o', 'attacks'),
			step('ol', 'r', 'attacks'),
			step('e', 'r', 'supports'),
			step('x', 'r', 'attacks'),
			step('u', 'r-t', 'undercuts')
		]
	};
	const index = indexMap(map);
	const names = (ids: string[]) =>
		Object.fromEntries(ids.map((id) => [id, nodeName(index.node.get(id)!, roleOf(index, id))]));

	it('an unlabelled claim by what it does; a label, the thesis, evidence, assumptions as before', () => {
		expect(names(['o', 'b', 'u', 'r', 'c', 'ol', 't', 'e', 'x', 'a'])).toEqual({
			o: 'Objection',
			b: 'Rebuttal',
			u: 'Undercut',
			// As the details panel heads it.
			r: 'Reason',
			// Arguing nothing yet, it is what it is.
			c: 'Claim',
			// A label the reader gave wins.
			ol: 'Cost',
			t: 'Thesis',
			e: 'Evidence · Poll',
			// Evidence against a claim is still evidence.
			x: 'Evidence',
			a: 'Assumption'
		});
		// Without a role (a menu, a list): the kind, as before.
		expect(nodeName(index.node.get('o')!)).toBe('Claim');
	});
});
