import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { syntheticMap } from '../../../tests/fixtures/synthetic';
import { serializeMap } from '../model/serialize';
import type { ArgumentMap } from '../model/schema';
import { parse as parseAif } from './aif';
import { parse, print, readArgdown } from './argdown';

/** Examples from the Argdown project (../shared/corpora/README.md): read here, never copied. */
const CORPUS = '../shared/corpora/argdown';
const present = existsSync(CORPUS);
const MAPS = [
	'tests/fixtures/small.map.json',
	'arguments/japan-mongolia.map.json',
	'arguments/japan-mongolia-critique.map.json'
];

async function imported(text: string): Promise<ArgumentMap> {
	const r = await parse(text);
	if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
	return r.map;
}

/**
 * What the printed Argdown must hold, by @argdown/core's count: a statement per map statement
 * (plus the conclusion of each attack written as an argument), an argument per link written as a
 * premise–conclusion structure, a relation per other link and per undercut of an argument.
 */
async function expectCounts(map: ArgumentMap) {
	const text = print(map);
	const core = await readArgdown(text);
	expect(core.parserErrors ?? [], 'parser errors').toEqual([]);
	expect(core.lexerErrors ?? [], 'lexer errors').toEqual([]);
	const undercut = new Set(map.links.filter((l) => l.relation === 'undercuts').map((l) => l.to));
	const asArgument = map.links.filter(
		(l) => l.relation !== 'undercuts' && (l.with?.length || undercut.has(l.id))
	);
	const argumentIds = new Set(asArgument.map((l) => l.id));
	const attacks = asArgument.filter((l) => l.relation === 'attacks').length;
	const plain = map.links.filter((l) => l.relation !== 'undercuts' && !argumentIds.has(l.id));
	const drawnUndercuts = map.links.filter(
		(l) => l.relation === 'undercuts' && argumentIds.has(l.to)
	);
	expect(Object.keys(core.statements ?? {}).length).toBe(map.nodes.length + attacks);
	expect(Object.keys(core.arguments ?? {}).length).toBe(asArgument.length);
	expect(core.relations?.length).toBe(plain.length + drawnUndercuts.length + attacks);
	return text;
}

describe('Warrant → Argdown → Warrant', () => {
	it.each(MAPS)('gives back %s identical, and Argdown reads it without errors', async (file) => {
		const map = loadMap(file);
		const text = await expectCounts(map);
		const r = await parse(text);
		expect(r.ok && r.notes).toBe(undefined);
		expect(r.ok && serializeMap(r.map)).toBe(serializeMap(map));
	});

	it('gives back generated maps of 60 to 1000 statements identical', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 60, max: 1000 }),
				fc.integer({ min: 1, max: 1e6 }),
				async (n, seed) => {
					const map = syntheticMap(n, seed);
					const back = await imported(await expectCounts(map));
					expect(serializeMap(back)).toBe(serializeMap(map));
				}
			),
			{
				numRuns: 8,
				examples: [
					[60, 1],
					[1000, 7]
				]
			}
		);
	}, 60_000);

	it('writes the thesis first, reasons beneath, undercuts beneath arguments', () => {
		const text = print(loadMap('tests/fixtures/small.map.json'));
		const body = text.slice(text.lastIndexOf('===') + 4);
		expect(body).toMatch(/^\n\[t\]: The thesis\. \{warrant: /);
		expect(body).toMatch(/\n {2}\+ \[c1\]: A reason\. \{warrant: /);
		expect(body).toMatch(/\n {4}\+ <l2>\n/);
		expect(body).toMatch(/\n<l2>\n\n\(1\) \[e1\]\n----\n\(2\) \[c1\]\n/);
		expect(body).toMatch(/\n<l2>\n {2}_ \[o1\]: An objection\. /);
	});

	it('escapes what Argdown reads as syntax, and keeps text a line cannot hold', async () => {
		const map = loadMap('tests/fixtures/small.map.json');
		map.nodes[0]!.text = 'A [thesis] with <angles>, #hash, @at, {braces}, a_b and *stars* \\ too.';
		map.nodes[1]!.text = 'Two lines\nof text.';
		map.nodes[1]!.tags = ['one-tag', 'another'];
		const text = await expectCounts(map);
		expect(text).toMatch(/\[c1\]: Two lines of text\. #one-tag #another \{warrant: /);
		expect(serializeMap(await imported(text))).toBe(serializeMap(map));
	});

	it('follows the Argdown where someone edited it: a new text, a new statement', async () => {
		const map = loadMap('tests/fixtures/small.map.json');
		const text = print(map)
			.replace('A reason.', 'A better reason.')
			.replace('[t]: The thesis.', '[t]: The thesis.\n  - [new-one]: A fresh objection.');
		const back = await imported(text);
		expect(back.nodes.find((n) => n.id === 'c1')).toMatchObject({
			text: 'A better reason.',
			label: 'Reason 1'
		});
		expect(back.nodes.at(-1)).toMatchObject({ id: 'new-one', text: 'A fresh objection.' });
		expect(back.links).toContainEqual(
			expect.objectContaining({ from: 'new-one', to: 't', relation: 'attacks' })
		);
	});
});

/** The text @argdown/core gives a statement, as the import keeps it (tags taken out). */
function coreText(s: { members: { text?: string }[]; tags?: string[]; title: string }) {
	let t = s.members.map((m) => m.text?.trim()).find(Boolean) ?? s.title;
	for (const tag of s.tags ?? [])
		t = t.replace(`#(${tag})`, '').replace(new RegExp(`#${tag}(?![\\w-])`), '');
	return t.replace(/\s+/g, ' ').trim();
}

describe.skipIf(!present)("Argdown's own examples", () => {
	const files = present ? readdirSync(CORPUS).filter((f) => f.endsWith('.argdown')) : [];

	it.each(files)(
		'imports %s with its statements and relations as @argdown/core reads them',
		async (f) => {
			const text = readFileSync(`${CORPUS}/${f}`, 'utf8');
			const core = await readArgdown(text);
			expect(core.parserErrors).toEqual([]);
			const map = await imported(text);
			const byText = new Map(map.nodes.map((n) => [n.text, n]));
			const statements = Object.values(core.statements ?? {});
			const args = Object.values(core.arguments ?? {});
			for (const s of statements) expect(byText.has(coreText(s)), `${f}: [${s.title}]`).toBe(true);
			const bare = args.filter((a) => !a.pcs?.length);
			expect(map.nodes).toHaveLength(statements.length + bare.length);

			const nodeOf = (end: { type: string; title?: string }) => {
				if (end.type === 'equivalence-class')
					return byText.get(coreText(core.statements![end.title!]!))!.id;
				const a = core.arguments![end.title!]!;
				const conclusion = a.pcs?.at(-1);
				if (conclusion) return byText.get(coreText(core.statements![conclusion.title]!))!.id;
				return map.nodes.find((n) => n.label === a.title.slice(0, 60))!.id;
			};
			const has = (from: string, to: string, relation: string) =>
				map.links.some(
					(l) =>
						l.relation === relation &&
						(l.from === from || l.with?.includes(from)) &&
						(l.to === to || map.links.find((t) => t.id === l.to)?.from === to)
				);
			for (const x of core.relations ?? []) {
				const from = nodeOf(x.from);
				if (x.relationType === 'undercut') {
					const target = x.to.type === 'inference' ? x.to.argumentTitle! : x.to.title!;
					expect(
						has(from, nodeOf({ type: 'argument', title: target }), 'undercuts'),
						`${f}: ${from} _> <${target}>`
					).toBe(true);
					continue;
				}
				const to = nodeOf(x.to);
				if (from === to) continue; // an argument's relation to its own conclusion
				const relation = ['support', 'entails'].includes(x.relationType) ? 'supports' : 'attacks';
				expect(has(from, to, relation), `${f}: ${x.relationType} ${from} → ${to}`).toBe(true);
				if (x.relationType === 'contradictory') expect(has(to, from, 'attacks')).toBe(true);
			}
			// Each inference of a premise–conclusion structure is a support from its premises.
			for (const a of args)
				for (const item of a.pcs ?? [])
					if (item.role !== 'premise') {
						const to = byText.get(coreText(core.statements![item.title]!))!.id;
						expect(
							map.links.some((l) => l.to === to && l.relation === 'supports'),
							`${f}: <${a.title}> concludes ${to}`
						).toBe(true);
					}
			// And what was imported goes out and comes back the same.
			const again = await imported(await expectCounts(map));
			expect(serializeMap(again)).toBe(serializeMap(map));
		}
	);
});

describe('bad Argdown', () => {
	it('says where the parser stopped, and never rejects', async () => {
		const r = await parse('[a]: One.\n\n[b]: An _unfinished italic.\n');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.problems[0]).toMatchObject({ code: 'syntax', line: 3 });
		expect(r.problems[0]!.message).toMatch(/^Argdown: Incomplete italic text range/);
		const empty = await parse('  \n');
		expect(!empty.ok && empty.problems[0]!.message).toMatch(/^the file is empty/);
		const nothing = await parse('# Just a heading\n');
		expect(!nothing.ok && nothing.problems[0]!.message).toMatch(/no statements/);
		const prose = await parse('Just some prose, not a map.\n\nAnother paragraph of it.\n');
		expect(!prose.ok && prose.problems[0]!.message).toMatch(/does not read as Argdown/);
		await fc.assert(
			fc.asyncProperty(fc.string({ maxLength: 200 }), async (s) => {
				const res = await parse(s);
				expect(typeof res.ok).toBe('boolean');
			}),
			{ numRuns: 150 }
		);
	});

	it('says what it leaves out: an undercut aimed at a statement', async () => {
		const r = await parse(
			'[T]: Cities should build lanes.\n  + [R]: Lanes cut deaths.\n\n[R]\n  _> [U]: One city only.\n'
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.map.links.some((l) => l.relation === 'undercuts')).toBe(false);
		expect(r.notes?.map((n) => n.message).join('\n')).toMatch(
			/undercut from "R" to "U".*not a statement; left out/
		);
	});

	it('reads the graph alone when the Warrant data does not fit it', async () => {
		const text = print(loadMap('tests/fixtures/small.map.json')).replace(
			'"kind":"thesis"',
			'"kind":"thesis","verdict":"maybe"'
		);
		const r = await parse(text);
		expect(r.ok && r.notes?.[0]?.message).toMatch(
			/^Warrant's data in the Argdown metadata does not fit the graph .*read as the graph alone$/
		);
	});
});

describe.skipIf(!existsSync('../shared/corpora/aif-araucaria'))(
	'AraucariaDB maps as Argdown',
	() => {
		it('writes each imported AIF map as Argdown that parses with 0 errors and reads back the same', async () => {
			const dir = '../shared/corpora/aif-araucaria';
			let done = 0;
			for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
				const r = parseAif(readFileSync(`${dir}/${f}`, 'utf8'));
				if (!r.ok) continue;
				const back = await imported(await expectCounts(r.map));
				expect(serializeMap(back), f).toBe(serializeMap(r.map));
				done++;
			}
			expect(done).toBeGreaterThanOrEqual(300);
		}, 120_000);
	}
);
