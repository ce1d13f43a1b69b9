import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { syntheticMap } from '../../../tests/fixtures/synthetic';
import { serializeMap } from '../model/serialize';
import type { ArgumentMap } from '../model/schema';
import { parse, print } from './aif';
import { EXTENSION, schemeOf, type AifDocument } from './aif-document';
import { toAif } from './aif-print';

/** AraucariaDB maps in AIF JSON (../shared/corpora/README.md): read here, never copied. */
const CORPUS = '../shared/corpora/aif-araucaria';
const present = existsSync(CORPUS);
const MAPS = ['arguments/japan-mongolia.map.json', 'arguments/japan-mongolia-critique.map.json'];
const fixture = (name: string) => readFileSync(`tests/fixtures/aif/${name}`, 'utf8');

function imported(text: string): { map: ArgumentMap; notes: string[] } {
	const r = parse(text);
	if (!r.ok) throw new Error(JSON.stringify(r.problems));
	return { map: r.map, notes: (r.notes ?? []).map((n) => n.message) };
}

interface Raw {
	nodes: { nodeID: string | number; text: string; type: string }[];
	edges: { fromID: string | number; toID: string | number }[];
}

/** Each RA and CA as "type: premises in edge order → target", and each I-node's text, by nodeID. */
function structure(doc: Raw) {
	const type = new Map(doc.nodes.map((n) => [String(n.nodeID), n.type]));
	const texts = new Map(
		doc.nodes.filter((n) => n.type === 'I').map((n) => [String(n.nodeID), n.text.trim()])
	);
	const s = new Map<string, { premises: string[]; targets: string[] }>();
	for (const n of doc.nodes)
		if (n.type === 'RA' || n.type === 'CA') s.set(String(n.nodeID), { premises: [], targets: [] });
	for (const e of doc.edges) {
		const [from, to] = [String(e.fromID), String(e.toID)];
		if (s.has(to) && type.get(from) === 'I') s.get(to)!.premises.push(from);
		if (s.has(from)) s.get(from)!.targets.push(to);
	}
	const shapes = [...s].map(
		([id, x]) => `${type.get(id)}: ${[...x.premises].sort().join(' + ')} → ${x.targets.join(', ')}`
	);
	return { texts, shapes: shapes.sort() };
}

describe.skipIf(!present)('the AraucariaDB corpus', () => {
	const files = present ? readdirSync(CORPUS).filter((f) => f.endsWith('.json')) : [];

	it('imports every map, or rejects it with a reason; nothing throws', () => {
		const rejected: string[] = [];
		let imports = 0;
		for (const f of files) {
			const r = parse(readFileSync(`${CORPUS}/${f}`, 'utf8'));
			if (r.ok) imports++;
			else {
				expect(r.problems[0]!.message.length, f).toBeGreaterThan(20);
				rejected.push(f);
			}
		}
		expect(files.length).toBeGreaterThanOrEqual(300);
		// The issue's figure: all of them import.
		expect(rejected).toEqual([]);
		expect(imports).toBe(files.length);
	});

	it('keeps every I-node text and every RA/CA structure through Warrant and back', () => {
		for (const f of files) {
			const original = JSON.parse(readFileSync(`${CORPUS}/${f}`, 'utf8')) as Raw;
			const { map } = imported(JSON.stringify(original));
			const back = JSON.parse(print(map)) as Raw;
			const a = structure(original);
			const b = structure(back);
			expect(b.texts, f).toEqual(a.texts);
			expect(b.shapes, f).toEqual(a.shapes);
		}
	});

	it('reads the statements and the links each RA and CA make', () => {
		const { map, notes } = imported(readFileSync(`${CORPUS}/nodeset10.json`, 'utf8'));
		expect(map.nodes).toHaveLength(4);
		expect(map.links).toEqual([
			{
				id: '281',
				from: '278',
				to: '277',
				relation: 'supports',
				with: ['279', '280'],
				origin: 'source',
				inText: 'stated'
			}
		]);
		expect(map.nodes.find((n) => n.kind === 'thesis')?.id).toBe('277');
		expect(notes).toEqual([]);
	});

	it("makes the speaker's conclusion the thesis, not the view they attack", () => {
		// nodeset108: "they do not need more time" (996) attacks what the other side says (995),
		// and three steps of reasons stand under 996.
		const { map } = imported(readFileSync(`${CORPUS}/nodeset108.json`, 'utf8'));
		expect(map.nodes.find((n) => n.kind === 'thesis')?.id).toBe('996');
	});
});

describe('AIF of our own: undercuts, co-premises, schemes', () => {
	it('reads a CA into an RA as an undercut, and several I-nodes into one RA as co-premises', () => {
		const { map, notes } = imported(fixture('undercut-copremises.json'));
		const link = (id: string) => map.links.find((l) => l.id === id);
		expect(link('4')).toMatchObject({ from: '2', with: ['3'], to: '1', relation: 'supports' });
		expect(link('6')).toMatchObject({ from: '5', to: '4', relation: 'undercuts' });
		expect(link('8')).toMatchObject({ from: '7', to: '1', relation: 'attacks' });
		expect(link('10')).toMatchObject({ from: '9', to: '11', scheme: 'expert' });
		expect(map.nodes.find((n) => n.kind === 'thesis')?.id).toBe('1');
		// OVA's layout block is not read, and nothing is left out.
		expect(notes).toEqual([]);
	});

	it('writes undercuts as CA → RA and co-premises as edges into one RA', () => {
		const { map } = imported(fixture('undercut-copremises.json'));
		const { shapes } = structure(JSON.parse(print(map)) as Raw);
		expect(shapes).toEqual(['CA: 5 → 4', 'CA: 7 → 1', 'RA: 11 → 1', 'RA: 2 + 3 → 1', 'RA: 9 → 11']);
		expect(toAif(map).nodes.find((n) => n.nodeID === '10')?.scheme).toBe('ExpertOpinion');
	});

	it('names unknown node types and dangling edges by their ids, and still imports', () => {
		const r = parse(fixture('problems.json'));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const notes = r.notes!.map((n) => n.message);
		expect(notes).toContain(
			'node "d" has the unknown type "XQ"; left out (AIF types are I, RA, CA, MA, PA, TA, L, YA)'
		);
		expect(notes).toContain('edge e3 points at "zz", which is no node of the file; left out');
		expect(notes).toContain('edge e7 points at "d", which is no node of the file; left out');
		expect(notes).toContain('RA "e" has no premise (no I-node points into it); left out');
		expect(notes.some((n) => /"PracticalReasoning" is not in Warrant's catalogue/.test(n))).toBe(
			true
		);
		expect(notes.some((n) => /1 L node left out/.test(n))).toBe(true);
		// Padded text is trimmed; a nodeID that is not a slug gets one made from it.
		expect(r.map.nodes.map((n) => [n.id, n.text])).toEqual([
			['a', 'Cycling to school should be encouraged.'],
			['b', 'Children who cycle arrive more alert.'],
			['i-node-7', 'Roads near the school are busy.']
		]);
		expect(r.map.links.map((l) => `${l.from} ${l.relation} ${l.to}`)).toEqual([
			'b supports a',
			'i-node-7 attacks a'
		]);
	});

	it('rejects what is not AIF with a reason, and never throws', () => {
		const reason = (text: string) => {
			const r = parse(text);
			return r.ok ? 'imported' : r.problems[0]!.message;
		};
		expect(reason('')).toMatch(/^the file is empty/);
		expect(reason('{"nodes": [')).toMatch(/^invalid JSON/);
		expect(reason('{"format": "warrant-map"}')).toMatch(/^not an AIF file/);
		expect(reason('[1, 2]')).toMatch(/^not an AIF file/);
		expect(reason('{"nodes": [], "edges": []}')).toMatch(/no I-nodes/);
		expect(reason('{"nodes": [null, 3, {"nodeID": {}}], "edges": [null, 5]}')).toMatch(
			/no I-nodes/
		);
		fc.assert(
			fc.property(fc.jsonValue(), (v) => {
				const r = parse(
					JSON.stringify({ nodes: [v, { nodeID: 1, type: 'I', text: 'x' }], edges: [v] })
				);
				expect(typeof r.ok).toBe('boolean');
			}),
			{ numRuns: 200 }
		);
	});

	it('maps scheme names as AIF tools write them', () => {
		expect(schemeOf('ExpertOpinion')).toBe('expert');
		expect(schemeOf('Argument From Expert Opinion')).toBe('expert');
		expect(schemeOf('CauseToEffect')).toBe('causal');
		expect(schemeOf('PracticalReasoning')).toBeUndefined();
	});
});

describe('Warrant → AIF → Warrant', () => {
	const roundTrip = (map: ArgumentMap) => {
		const r = parse(print(map));
		expect(r.ok && r.notes).toBe(undefined);
		expect(r.ok && serializeMap(r.map)).toBe(serializeMap(map));
	};

	it.each(MAPS)('gives back %s identical', (file) => roundTrip(loadMap(file)));

	it('marks a reader item with a locution of the reader', () => {
		const map = loadMap('arguments/japan-mongolia-critique.map.json');
		const doc: AifDocument = toAif(map);
		const reader = map.nodes.find((n) => n.origin === 'reader')!;
		const l = doc.nodes.find((n) => n.nodeID === `reader:${reader.id}`)!;
		expect(l.type).toBe('L');
		expect(doc.edges).toContainEqual(
			expect.objectContaining({ fromID: `reader:${reader.id}:asserts`, toID: reader.id })
		);
		expect(doc[EXTENSION].nodes[reader.id]!.origin).toBe('reader');
	});

	it('gives back generated maps of 60 to 1000 statements identical', () => {
		fc.assert(
			fc.property(fc.integer({ min: 60, max: 1000 }), fc.integer({ min: 1, max: 1e6 }), (n, seed) =>
				roundTrip(syntheticMap(n, seed))
			),
			{
				numRuns: 12,
				examples: [
					[60, 1],
					[1000, 7]
				]
			}
		);
	});

	it('reads the graph alone when the extension does not fit it', () => {
		const map = loadMap('tests/fixtures/small.map.json');
		const doc = toAif(map);
		doc[EXTENSION].nodes[map.nodes[0]!.id] = { kind: 'nonsense' } as never;
		const r = parse(JSON.stringify(doc));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.notes?.[0]?.message).toMatch(
			/^Warrant's data in the "warrant" extension does not fit the graph .*read as the graph alone$/
		);
		expect(r.map.nodes.map((n) => n.text)).toEqual(map.nodes.map((n) => n.text));
	});
});
