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
	const map: ArgumentMap = {
		...loadMap('tests/fixtures/small.map.json'),
		nodes: [
			{ id: 't', kind: 'thesis', text: 'Close the centre to cars.', origin: 'source' },
			{ id: 'r', kind: 'claim', text: 'It is safer.', origin: 'source' },
			{ id: 'o', kind: 'claim', text: 'Deliveries suffer.', origin: 'reader' },
			{ id: 'b', kind: 'claim', text: 'Deliveries can come at night.', origin: 'reader' },
			{ id: 'ol', kind: 'claim', label: 'Cost', text: 'Shops lose trade.', origin: 'reader' },
			{ id: 'u', kind: 'claim', text: 'Safer is not the point.', origin: 'reader' },
			{ id: 'e', kind: 'evidence', basis: 'poll', text: 'Fewer injuries.', origin: 'source' },
			{ id: 'x', kind: 'evidence', text: 'Lorries were late.', origin: 'reader' },
			{ id: 'a', kind: 'assumption', text: 'Safety matters most.', origin: 'reader' },
			{ id: 'c', kind: 'claim', text: 'Said in passing.', origin: 'source' }
		],
		links: [
			{ id: 'l1', from: 'r', to: 't', relation: 'supports', origin: 'source', with: ['a'] },
			{ id: 'l2', from: 'o', to: 't', relation: 'attacks', origin: 'reader' },
			{ id: 'l3', from: 'b', to: 'o', relation: 'attacks', origin: 'reader' },
			{ id: 'l4', from: 'ol', to: 'r', relation: 'attacks', origin: 'reader' },
			{ id: 'l5', from: 'e', to: 'r', relation: 'supports', origin: 'source' },
			{ id: 'l6', from: 'x', to: 'r', relation: 'attacks', origin: 'reader' },
			{ id: 'l7', from: 'u', to: 'l1', relation: 'undercuts', origin: 'reader' }
		]
	};
	const index = indexMap(map);
	const named = (id: string) => nodeName(index.node.get(id)!, roleOf(index, id));

	it('an unlabelled claim by what it does: objection, rebuttal, undercut, reason', () => {
		expect(named('o')).toBe('Objection');
		expect(named('b')).toBe('Rebuttal');
		expect(named('u')).toBe('Undercut');
		// As the details panel heads it.
		expect(named('r')).toBe('Reason');
		// Arguing nothing yet, it is what it is.
		expect(named('c')).toBe('Claim');
	});

	it('a label the reader gave wins; thesis, evidence and assumptions keep their kind', () => {
		expect(named('ol')).toBe('Cost');
		expect(named('t')).toBe('Thesis');
		expect(named('e')).toBe('Evidence · Poll');
		// Evidence against a claim is still evidence.
		expect(named('x')).toBe('Evidence');
		expect(named('a')).toBe('Assumption');
		// Without a role (a menu, a list): the kind, as before.
		expect(nodeName(index.node.get('o')!)).toBe('Claim');
	});
});
