import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluate, type Status } from '../model/evaluate';
import { MAX_MAP_BYTES } from '../model/parse';
import type { ArgumentMap } from '../model/schema';
import { parse } from './carneades';
import { IMPORT_AUTHOR } from './carneades-map';
import { formatById, formatOfFile } from './index';

/** Carneades 4's own examples with the labels it computes (../shared/corpora/README.md). */
const CORPUS = '../shared/corpora/carneades';
const present = existsSync(CORPUS);
const files = present ? readdirSync(CORPUS).filter((f) => /\.ya?ml$/.test(f)) : [];

/** Files Warrant refuses, and the feature that makes it refuse them. */
const REFUSED: Record<string, RegExp> = {
	// Arguments weighed by how many premises they have, against the rival position's arguments.
	'jogging.yml': /^the scheme "factorized" weighs/,
	'library.yml': /^the scheme "factorized" weighs/,
	'reinstatement.yml': /^the scheme "factorized" weighs/,
	// Arguments weighed by the share of their premises that hold.
	'snake.yml': /^the scheme "cumulative" weighs/
};

/**
 * Where Warrant's evaluation differs from Carneades' (docs/evaluation.md, "Reading Carneades
 * graphs"): statement → [Carneades' label, Warrant's status].
 */
const DIFFERS: Record<string, Record<string, [string, Status]>> = {
	// Two positions of an issue, each with a standing argument of equal weight: Carneades'
	// default proof standard finds neither heavier and labels both out; in Warrant they are
	// two statements that attack each other, both standing, which is open.
	'caminada1.yml': {
		s: ['out', 'open'],
		'¬s': ['out', 'open']
	}
};

const AGREES: Record<string, readonly Status[]> = {
	in: ['holds'],
	out: ['unestablished', 'defeated'],
	undecided: ['open']
};

function imported(text: string): ArgumentMap {
	const r = parse(text);
	if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
	return r.map;
}

/** Every statement under `tests:` whose Warrant status is not Carneades' label. */
function disagreements(text: string): Record<string, [string, Status]> {
	const map = imported(text);
	const e = evaluate(map);
	const tests = (parseYaml(text) as { tests?: Record<string, string[] | null> }).tests ?? {};
	const out: Record<string, [string, Status]> = {};
	for (const [label, keys] of Object.entries(tests))
		for (const key of keys ?? []) {
			const node = map.nodes.find((n) => n.label === key);
			if (!node) throw new Error(`no statement labelled ${key}`);
			const status = e.nodes.get(node.id)!.status;
			if (!AGREES[label]!.includes(status)) out[key] = [label, status];
		}
	return out;
}

describe.skipIf(!present)(
	`the Carneades corpus${present ? '' : ` (skipped: ${CORPUS} is not there)`}`,
	() => {
		it('has files to read, and every file this test names is one of them', () => {
			expect(files.length).toBeGreaterThan(0);
			for (const f of [...Object.keys(REFUSED), ...Object.keys(DIFFERS)])
				expect(files, f).toContain(f);
		});

		for (const file of files) {
			const text = () => readFileSync(join(CORPUS, file), 'utf8');
			if (REFUSED[file]) {
				it(`${file} is refused for what Warrant cannot carry, with the key and its line`, () => {
					const r = parse(text());
					expect(r.ok).toBe(false);
					if (r.ok) return;
					expect(r.problems.length).toBeGreaterThan(0);
					for (const p of r.problems) {
						expect(p).toMatchObject({
							code: 'unsupported',
							path: ['arguments', expect.any(String), 'scheme']
						});
						expect(p.message).toMatch(REFUSED[file]!);
						expect(text().split('\n')[p.line! - 1]).toMatch(/^\s*scheme:/);
					}
				});
			} else if (DIFFERS[file]) {
				// Fails until Warrant's semantics and Carneades' agree on this graph (see DIFFERS).
				it.fails(`${file}: Warrant agrees with Carneades`, () => {
					expect(disagreements(text())).toEqual({});
				});
				it(`${file}: Warrant differs from Carneades exactly where DIFFERS says`, () => {
					expect(disagreements(text())).toEqual(DIFFERS[file]);
				});
			} else {
				it(`${file}: Warrant agrees with Carneades on every statement under tests`, () => {
					expect(disagreements(text())).toEqual({});
				});
			}
		}
	}
);

describe('reading a Carneades graph', () => {
	const TOULMIN_LIKE = `meta:
  title: A made-up graph
statements:
  claim: The bridge will be closed.
  rule:
    text: Bridges under repair are closed.
    assumed: true
  repair: The bridge is under repair.
  ¬claim: The bridge stays open.
  exception: The repair is done at night.
  ¬app(a1): Argument a1 does not apply.
issues:
  i1:
    positions: [claim, ¬claim]
arguments:
  a1:
    conclusion: claim
    premises:
      major: rule
      minor: repair
    undercutter: ¬app(a1)
  a2:
    conclusion: ¬app(a1)
    premises: [exception]
assumptions: [repair]
`;

	it('maps statements, arguments with roles, undercutters and issues to nodes and links', () => {
		const map = imported(TOULMIN_LIKE);
		expect(map.source).toEqual({ title: 'A made-up graph' });
		expect(map.nodes.map((n) => [n.id, n.label, n.kind])).toEqual([
			['claim', 'claim', 'thesis'],
			['rule', 'rule', 'claim'],
			['repair', 'repair', 'claim'],
			['not-claim', '¬claim', 'claim'],
			['exception', 'exception', 'claim'],
			['not-app-a1', '¬app(a1)', 'claim']
		]);
		expect(map.nodes[1]).toMatchObject({
			text: 'Bridges under repair are closed.',
			origin: 'source'
		});
		expect(map.links).toEqual([
			{
				id: 'argument-a1',
				from: 'rule',
				to: 'claim',
				relation: 'supports',
				with: ['repair'],
				origin: 'source',
				inText: 'stated'
			},
			{
				id: 'undercut-a1',
				from: 'not-app-a1',
				to: 'argument-a1',
				relation: 'undercuts',
				origin: 'source',
				inText: 'stated'
			},
			{
				id: 'argument-a2',
				from: 'exception',
				to: 'not-app-a1',
				relation: 'supports',
				origin: 'source',
				inText: 'stated'
			},
			{
				id: 'claim-attacks-not-claim',
				from: 'claim',
				to: 'not-claim',
				relation: 'attacks',
				origin: 'source',
				inText: 'stated'
			},
			{
				id: 'not-claim-attacks-claim',
				from: 'not-claim',
				to: 'claim',
				relation: 'attacks',
				origin: 'source',
				inText: 'stated'
			}
		]);
	});

	it('questions exactly the statements that are neither assumed nor concluded', () => {
		const map = imported(TOULMIN_LIKE);
		const questioned = map.nodes.filter((n) => n.questioned).map((n) => n.label);
		// rule is assumed in its statement, repair in the list; claim and ¬app(a1) are concluded.
		expect(questioned).toEqual(['¬claim', 'exception']);
		expect(map.nodes[3]!.questioned).toMatchObject({ author: IMPORT_AUTHOR });
		const e = evaluate(map);
		// The exception is not shown, so the undercut fails and the argument stands.
		expect([e.nodes.get('exception')!.status, e.nodes.get('not-app-a1')!.status]).toEqual([
			'unestablished',
			'unestablished'
		]);
		expect(e.links.get('undercut-a1')!.status).toBe('unestablished');
		expect(e.links.get('argument-a1')!.status).toBe('holds');
	});

	it('makes a convergent argument one link per premise, and gives a premise-less argument a stand-in', () => {
		const map = imported(`statements: { p: P, q: Q, r: R, u: U }
arguments:
  a1: { scheme: convergent, conclusion: p, premises: [q, r] }
  a2: { conclusion: r, undercutter: u }
assumptions: [q, u]
`);
		expect(
			map.links.filter((l) => l.relation === 'supports').map((l) => [l.id, l.from, l.to])
		).toEqual([
			['argument-a1', 'q', 'p'],
			['argument-a1-2', 'r', 'p'],
			['argument-a2', 'argument-a2-applies', 'r']
		]);
		expect(map.nodes.find((n) => n.id === 'argument-a2-applies')).toMatchObject({
			kind: 'assumption',
			label: 'argument a2',
			text: 'Argument a2 applies (it has no premises).',
			inText: 'inferred'
		});
		const e = evaluate(map);
		// u undercuts a2, so r is not shown; q alone carries p.
		expect(['r', 'p'].map((id) => e.nodes.get(id)!.status)).toEqual(['unestablished', 'holds']);
	});

	it('makes unique, stable ids and labels of at most 60 characters', () => {
		const long = 'a_very_long_statement_key_that_goes_on_and_on_past_sixty_characters';
		const text = `statements:\n  "a b": One\n  a-b: Two\n  ¬: Three\n  …: Three and a half\n  ${long}: Four\n  Ünïcödé: Five\n`;
		const map = imported(text);
		expect(map.nodes.map((n) => n.id)).toEqual([
			'a-b',
			'a-b-2',
			'not',
			'statement',
			'a-very-long-statement-key-that-goes-on-and-on-past-sixty',
			'unicode'
		]);
		expect(map.nodes[4]!.label).toHaveLength(60);
		expect(map.nodes[4]!.label!.endsWith('…')).toBe(true);
		expect(imported(text)).toEqual(map);
	});

	it('takes as thesis the final conclusion resting on the most statements', () => {
		const map = imported(`statements: { a: A, b: B, c: C, d: D, e: E }
arguments:
  x: { conclusion: a, premises: [b] }
  y: { conclusion: c, premises: [d, e] }
`);
		expect(map.nodes.filter((n) => n.kind === 'thesis').map((n) => n.id)).toEqual(['c']);
		// In a cycle every statement is a premise: the first one with the most behind it.
		const loop = imported(
			'statements: { p: P, q: Q }\narguments:\n  a: { conclusion: p, premises: [q] }\n  b: { conclusion: q, premises: [p] }\n'
		);
		expect(loop.nodes.find((n) => n.kind === 'thesis')?.id).toBe('p');
	});

	it('is the format for .yml and .yaml names, read only', () => {
		expect(formatOfFile('graphs/Tweety.YML')?.id).toBe('carneades');
		expect(formatOfFile('tweety.yaml')?.id).toBe('carneades');
		expect(formatById('carneades')?.parse).toBe(parse);
		expect(formatById('carneades')?.print).toBeUndefined();
	});
});

describe('a Carneades graph Warrant cannot read', () => {
	const problems = (text: string) => {
		const r = parse(text);
		if (r.ok) throw new Error('expected problems');
		return r.problems;
	};

	it('names the line of invalid YAML', () => {
		expect(problems('statements:\n  p: P\n  q: [Q, R\narguments: {}\n')).toEqual([
			{
				code: 'syntax',
				path: [],
				line: expect.any(Number),
				message: expect.stringMatching(/^invalid YAML: /)
			}
		]);
		expect(problems('statements:\n  p: P\n  "p": again\n')).toEqual([
			{
				code: 'schema',
				path: ['statements', 'p'],
				line: 3,
				message: 'the key "p" appears twice in statements'
			}
		]);
		expect(problems('statements:\n  p: P\n\tq: Q\n')[0]).toMatchObject({ code: 'syntax', line: 3 });
	});

	it('names a premise, conclusion or position that is not a statement', () => {
		const text =
			'statements:\n  p: P\narguments:\n  a1:\n    conclusion: p\n    premises: [p2]\nissues:\n  i: { positions: [p, q] }\n';
		expect(problems(text)).toEqual([
			{
				code: 'dangling',
				path: ['arguments', 'a1', 'premises', 0],
				line: 6,
				message: 'the premise "p2" is not one of the statements'
			},
			{
				code: 'dangling',
				path: ['issues', 'i', 'positions', 1],
				line: 8,
				message: 'the position "q" is not one of the statements'
			}
		]);
		expect(problems('statements: { p: P }\narguments:\n  a1: { premises: [p] }\n')).toEqual([
			{
				code: 'schema',
				path: ['arguments', 'a1'],
				line: 3,
				message: 'argument "a1" has no conclusion'
			}
		]);
	});

	it('refuses weights, proof standards, weighing schemes and rule languages, naming key and line', () => {
		const text = `language:
  p/1: "%s holds"
statements: { p: P, q: Q, r: R }
issues:
  i1: { positions: [p, q], standard: BRD }
arguments:
  a1:
    conclusion: p
    premises: [r]
    weight: 0.7
  a2: { conclusion: q, premises: [r], scheme: factorized }
weighing_functions: {}
`;
		expect(problems(text).map((p) => [p.code, p.path.join('.'), p.line])).toEqual([
			['unsupported', 'language', 1],
			['unsupported', 'issues.i1.standard', 5],
			['unsupported', 'arguments.a1.weight', 10],
			['unsupported', 'arguments.a2.scheme', 11],
			['unsupported', 'weighing_functions', 12]
		]);
		expect(problems(text)[1]!.message).toMatch(
			/proof standard "BRD".*only the default standard \(PE\)/
		);
		// The default standard, said out loud, is read.
		expect(
			parse('statements: { p: P, q: Q }\nissues:\n  i: { positions: [p, q], standard: PE }\n').ok
		).toBe(true);
	});

	it('refuses a file over the size limit before parsing it, and an empty one', () => {
		const huge = `statements:\n${'  k: x\n'.repeat(MAX_MAP_BYTES / 7 + 1)}`;
		expect(problems(huge)).toEqual([expect.objectContaining({ code: 'too-large', line: 1 })]);
		expect(problems(' \n# nothing\n')).toEqual([expect.objectContaining({ code: 'empty' })]);
		const keys = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);
		expect(
			problems(
				`statements: { ${keys(5001)
					.map((k) => `${k}: x`)
					.join(', ')} }\n`
			)
		).toEqual([
			expect.objectContaining({
				code: 'too-large',
				message: expect.stringMatching(/^the graph makes 5001 statements/)
			})
		]);
		// An issue's positions attack each other pairwise: 150 positions make 22,350 links.
		const issue = `statements: { ${keys(150)
			.map((k) => `${k}: x`)
			.join(', ')} }\nissues:\n  i: { positions: [${keys(150).join(', ')}] }\n`;
		expect(problems(issue)[0]!.message).toMatch(
			/^the graph makes 150 statements and 22350 links; a map may have at most/
		);
		expect(problems('statements: {}\n')).toEqual([expect.objectContaining({ code: 'empty' })]);
	});

	it('reads hostile keys as plain names and never touches a prototype', () => {
		const map = imported('statements:\n  __proto__: P\n  constructor: Q\n  toString: R\n');
		expect(map.nodes.map((n) => [n.id, n.label])).toEqual([
			['proto', '__proto__'],
			['constructor', 'constructor'],
			['tostring', 'toString']
		]);
		const r = parse('__proto__:\n  polluted: true\nstatements: { p: P }\n');
		expect(r).toMatchObject({
			ok: false,
			problems: [{ code: 'schema', path: ['__proto__'], line: 1 }]
		});
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(
			problems(
				'statements:\n  p: P\narguments:\n  __proto__: { conclusion: p, premises: [constructor] }\n'
			)[0]
		).toMatchObject({
			code: 'dangling',
			message: 'the premise "constructor" is not one of the statements'
		});
	});

	it('survives deep nesting, aliases of collections and values of the wrong shape', () => {
		expect(problems(`statements: ${'['.repeat(5000)}`)[0]!.code).toBe('syntax');
		expect(problems(`statements:\n  p: ${'['.repeat(3000)}${']'.repeat(3000)}\n`)).toEqual([
			{ code: 'syntax', path: [], line: 2, message: 'the YAML is nested too deeply to read' }
		]);
		expect(problems('meta:\n  note: &a [p]\nstatements: { p: P }\nassumptions: *a\n')).toEqual([
			{
				code: 'schema',
				path: ['assumptions'],
				line: 4,
				message: 'an alias (*name) may stand only for a single value here'
			}
		]);
		expect(
			problems(
				'statements: { p: P }\nassumptions: &l [p]\narguments:\n  a: { conclusion: p, premises: *l }\n'
			)[0]
		).toMatchObject({
			path: ['arguments', 'a', 'premises'],
			line: 4
		});
		expect(problems('statements: [p, q]\n')[0]).toMatchObject({
			path: ['statements'],
			message: 'statements must be a mapping of keys to values'
		});
		expect(problems('statements:\n  p: { text: P, assumed: maybe }\n')[0]!.message).toBe(
			'"assumed" must be true or false; found maybe'
		);
		expect(
			problems('statements: { p: P }\narguments:\n  a: { conclusion: p, premises: [p] }\n')[0]!.code
		).toBe('self-link');
	});
});
