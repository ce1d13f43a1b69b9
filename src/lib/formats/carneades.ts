/**
 * Carneades 4 argument graphs (YAML) read as Warrant maps. Read only: a map has more than a
 * graph says (kinds, anchors, the source text), so nothing is written back.
 *
 * The mapping (docs/evaluation.md, "Reading Carneades graphs", says it in full):
 * - a statement (`key: text`, or `key: { text, assumed }`) → a source claim labelled with its
 *   key, its id a slug of the key; one that is neither assumed nor the conclusion of an argument
 *   is questioned, as Carneades puts the burden of proof on it;
 * - an argument → one support link from its first premise, the others its co-premises (a
 *   `convergent` argument: one link per premise); an argument with no premises gets a stand-in
 *   premise, "argument a1 applies", so that it is a link an undercutter can attack;
 * - `undercutter: u` → an undercut link from u to the argument's link;
 * - an issue → its positions attack each other, both ways;
 * - the thesis is the final conclusion (a statement that is no premise and no undercutter) that
 *   rests on the most other statements, the first in the file on a tie.
 * What Warrant cannot carry (argument weights and weighing schemes, proof standards other than
 * the default, rule languages and schemes with variables) is refused with the key and its line.
 */
import {
	LineCounter,
	isAlias,
	isMap,
	isScalar,
	isSeq,
	parseDocument,
	type Document,
	type Pair
} from 'yaml';
import { slugify } from '../model/ids';
import { openInput, refuse as refuseAt } from './imported';
import { chooseThesis } from './thesis';
import { validateMap, type ParseResult } from '../model/parse';
import type { Problem, ProblemCode } from '../model/problems';
import {
	CURRENT_VERSION,
	FORMAT,
	nodeSchema,
	type ArgumentMap,
	type MapLink,
	type MapNode
} from '../model/schema';

/** Who questions the statements Carneades would not presume. */
export const IMPORT_AUTHOR = 'Carneades import';
const QUESTION_NOTE =
	'Carneades: neither assumed nor the conclusion of an argument, so it must be shown, not presumed';
const UNTITLED = 'Carneades argument graph';

/**
 * The schema's limits (schema.ts: a link's `with`, the map's nodes and links), said here so the
 * refusal names the argument; the final validation would catch a drift between the two.
 */
const MAX_WITH = 10;
const MAX_NODES = 5000;
const MAX_LINKS = 20000;

const NOT_RULES = 'Warrant reads argument graphs, not the rules and schemes that generate them';
const NO_WEIGHING = 'Warrant does not weigh arguments against each other';

/** Top-level keys: read, ignored (with why), or refused (with why). */
const TOP_LEVEL: Record<string, { read: true } | { ignored: string } | { refused: string }> = {
	meta: { read: true },
	statements: { read: true },
	arguments: { read: true },
	issues: { read: true },
	assumptions: { read: true },
	tests: { ignored: "Carneades' own results" },
	references: { ignored: 'bibliographic metadata' },
	language: { refused: `"language" declares a rule language; ${NOT_RULES}` },
	argument_schemes: { refused: `"argument_schemes" defines schemes with variables; ${NOT_RULES}` },
	issue_schemes: { refused: `"issue_schemes" defines issues with variables; ${NOT_RULES}` },
	weighing_functions: {
		refused: `"weighing_functions" defines how arguments are weighed; ${NO_WEIGHING}`
	}
};

/** Argument schemes Warrant can carry: how many links an argument of the scheme becomes. */
const SCHEMES: Record<string, 'one link' | 'one link per premise'> = {
	linked: 'one link',
	convergent: 'one link per premise'
};
const WEIGHED_SCHEMES: Record<string, string> = {
	factorized: 'weighs an argument by its number of premises against the rival position’s arguments',
	cumulative: 'weighs an argument by the share of its premises that hold'
};
/** Proof standards that leave an issue as positions that attack each other. DV and PE are one in Carneades 4. */
const PLAIN_STANDARDS = new Set(['pe', 'dv']);

type Path = (string | number)[];
type YamlNode = unknown;

/** A name in the file (a statement key, a premise) and where it is. */
interface Ref {
	name: string;
	path: Path;
	node: YamlNode;
}
interface Statement {
	key: string;
	text: string | undefined;
	assumed: boolean;
	path: Path;
	node: YamlNode;
}
interface Argument {
	key: string;
	conclusion: Ref | undefined;
	premises: Ref[];
	undercutter: Ref | undefined;
	convergent: boolean;
	path: Path;
	node: YamlNode;
}
interface Issue {
	key: string;
	positions: Ref[];
	path: Path;
}
interface Graph {
	title: string | undefined;
	statements: Statement[];
	arguments: Argument[];
	issues: Issue[];
	assumptions: Ref[];
}

/** An empty value: `key:` with nothing after it, or `~`/`null`. */
const isEmpty = (n: YamlNode) => n === null || (isScalar(n) && n.value === null);

/** The YAML file's nodes, walked with their paths; every problem gets the line it is on. */
class Reader {
	readonly problems: Problem[] = [];
	constructor(
		private readonly doc: Document,
		private readonly lines: LineCounter
	) {}

	line(node: YamlNode): number {
		const range = (node as { range?: [number, number, number] } | null)?.range;
		return range ? this.lines.linePos(range[0]).line : 1;
	}

	fail(code: ProblemCode, path: Path, node: YamlNode, message: string): void {
		this.problems.push({ code, path, line: this.line(node), message });
	}

	/** An alias (`*name`) stands for its anchored node; only scalars may be aliased. */
	private resolve(node: YamlNode, path: Path): YamlNode {
		if (!isAlias(node)) return node;
		const target = node.resolve(this.doc);
		if (isScalar(target)) return target;
		this.fail('schema', path, node, 'an alias (*name) may stand only for a single value here');
		return undefined;
	}

	/** A single value as text (numbers and booleans as written), null for an empty value. */
	scalar(node: YamlNode, path: Path, what: string): string | null | undefined {
		const n = this.resolve(node, path);
		if (n === undefined) return undefined;
		if (isEmpty(n)) return null;
		if (isScalar(n) && ['string', 'number', 'boolean'].includes(typeof n.value))
			return String(n.value);
		this.fail('schema', path, node, `${what} must be a single value, not a list or a mapping`);
		return undefined;
	}

	/** The entries of a mapping, keys as text, in file order; undefined (with a problem) if it is none. */
	entries(node: YamlNode, path: Path, what: string) {
		const n = this.resolve(node, path);
		if (isEmpty(n)) return [];
		if (!isMap(n)) {
			if (n !== undefined)
				this.fail('schema', path, node, `${what} must be a mapping of keys to values`);
			return undefined;
		}
		const out: { key: string; value: YamlNode; path: Path; node: YamlNode }[] = [];
		// Keys compared as text, so `1` and "1" are the same key (the YAML parser's own check is
		// quadratic in the number of keys).
		const seen = new Set<string>();
		for (const pair of n.items as Pair<YamlNode, YamlNode>[]) {
			const key = this.scalar(pair.key, path, `a key of ${what}`);
			if (key === null) this.fail('schema', path, pair.key ?? n, `${what} has an empty key`);
			if (typeof key !== 'string') continue;
			if (seen.has(key)) {
				this.fail('schema', [...path, key], pair.key, `the key "${key}" appears twice in ${what}`);
				continue;
			}
			seen.add(key);
			out.push({ key, value: pair.value, path: [...path, key], node: pair.key ?? n });
		}
		return out;
	}

	/** A list of names, or a single name where Carneades allows one. */
	names(node: YamlNode, path: Path, what: string): Ref[] {
		const n = this.resolve(node, path);
		if (isEmpty(n)) return [];
		if (isScalar(n)) {
			const name = this.scalar(n, path, what);
			return typeof name === 'string' ? [{ name, path, node: n }] : [];
		}
		if (!isSeq(n)) {
			if (n !== undefined)
				this.fail('schema', path, node, `${what} must be a list of statement keys`);
			return [];
		}
		return n.items.flatMap((item, i) => {
			const name = this.scalar(item, [...path, i], `each of ${what}`);
			if (name === null) this.fail('schema', [...path, i], item ?? n, `${what} has an empty item`);
			return typeof name === 'string' ? [{ name, path: [...path, i], node: item }] : [];
		});
	}

	/** A reference to one statement, or undefined where the value is empty. */
	ref(node: YamlNode, path: Path, what: string): Ref | undefined {
		const name = this.scalar(node, path, what);
		return typeof name === 'string' ? { name, path, node } : undefined;
	}
}

/** The graph's parts, read from the document; problems for what is malformed or refused. */
function readGraph(r: Reader, root: YamlNode): Graph {
	const graph: Graph = {
		title: undefined,
		statements: [],
		arguments: [],
		issues: [],
		assumptions: []
	};
	const top = r.entries(root, [], 'a Carneades graph');
	if (!top) return graph;
	for (const { key, value, path, node } of top) {
		const rule = Object.hasOwn(TOP_LEVEL, key) ? TOP_LEVEL[key]! : undefined;
		if (!rule) {
			r.fail(
				'schema',
				path,
				node,
				`unknown key "${key}"; a Carneades graph has ${Object.keys(TOP_LEVEL)
					.filter((k) => !('refused' in TOP_LEVEL[k]!))
					.join(', ')}`
			);
			continue;
		}
		if ('refused' in rule) r.fail('unsupported', path, node, rule.refused);
		if (!('read' in rule)) continue;
		if (key === 'meta') graph.title = readTitle(r, value, path);
		else if (key === 'statements') graph.statements = readStatements(r, value, path);
		else if (key === 'arguments') graph.arguments = readArguments(r, value, path);
		else if (key === 'issues') graph.issues = readIssues(r, value, path);
		else graph.assumptions = r.names(value, path, 'assumptions');
	}
	return graph;
}

/** `meta:` is free-form; its title becomes the source's title, the rest is left. */
function readTitle(r: Reader, value: YamlNode, path: Path): string | undefined {
	if (!isMap(value)) return undefined;
	const title = (r.entries(value, path, 'meta') ?? []).find((e) => e.key === 'title');
	const text = title && r.scalar(title.value, title.path, 'the title');
	return typeof text === 'string' && text.trim() ? text.trim().replace(/\s+/g, ' ') : undefined;
}

function readStatements(r: Reader, value: YamlNode, path: Path): Statement[] {
	const out: Statement[] = [];
	for (const e of r.entries(value, path, 'statements') ?? []) {
		const statement: Statement = {
			key: e.key,
			text: undefined,
			assumed: false,
			path: e.path,
			node: e.node
		};
		if (isMap(e.value)) {
			for (const f of r.entries(e.value, e.path, `statement "${e.key}"`) ?? []) {
				const field = f.key.toLowerCase();
				if (field === 'text') statement.text = r.scalar(f.value, f.path, 'the text') ?? undefined;
				else if (field === 'assumed') {
					const v = r.scalar(f.value, f.path, '"assumed"');
					if (v !== 'true' && v !== 'false')
						r.fail(
							'schema',
							f.path,
							f.node,
							`"assumed" must be true or false; found ${v ?? 'nothing'}`
						);
					statement.assumed = v === 'true';
				} else if (!['meta', 'metadata', 'label', 'value'].includes(field))
					r.fail(
						'schema',
						f.path,
						f.node,
						`unknown key "${f.key}"; a statement has text, assumed and meta`
					);
			}
		} else statement.text = r.scalar(e.value, e.path, `statement "${e.key}"`) ?? undefined;
		out.push(statement);
	}
	return out;
}

function readArguments(r: Reader, value: YamlNode, path: Path): Argument[] {
	const out: Argument[] = [];
	for (const e of r.entries(value, path, 'arguments') ?? []) {
		const arg: Argument = {
			key: e.key,
			conclusion: undefined,
			premises: [],
			undercutter: undefined,
			convergent: false,
			path: e.path,
			node: e.node
		};
		for (const f of r.entries(e.value, e.path, `argument "${e.key}"`) ?? []) {
			const field = f.key.toLowerCase();
			if (field === 'conclusion') arg.conclusion = r.ref(f.value, f.path, 'the conclusion');
			else if (field === 'premises') arg.premises = readPremises(r, f.value, f.path);
			else if (['undercutter', 'nas', 'not app statement'].includes(field))
				arg.undercutter = r.ref(f.value, f.path, 'the undercutter');
			else if (field === 'scheme') {
				const scheme = (r.scalar(f.value, f.path, 'the scheme') ?? 'linked').toLowerCase();
				if (Object.hasOwn(SCHEMES, scheme))
					arg.convergent = SCHEMES[scheme] === 'one link per premise';
				else
					r.fail(
						'unsupported',
						f.path,
						f.node,
						`the scheme "${scheme}" ${Object.hasOwn(WEIGHED_SCHEMES, scheme) ? WEIGHED_SCHEMES[scheme] : 'is defined by rules outside the graph'}; ${NO_WEIGHING}, so it reads only "linked" and "convergent" arguments`
					);
			} else if (field === 'weight')
				r.fail(
					'unsupported',
					f.path,
					f.node,
					`"weight" sets how much an argument counts against rival arguments; ${NO_WEIGHING}`
				);
			else if (field === 'parameters')
				r.fail(
					'unsupported',
					f.path,
					f.node,
					`"parameters" fill in a scheme's variables; ${NOT_RULES}`
				);
			else if (field !== 'meta' && field !== 'metadata')
				r.fail(
					'schema',
					f.path,
					f.node,
					`unknown key "${f.key}"; an argument has conclusion, premises, undercutter, scheme and meta`
				);
		}
		if (!arg.conclusion) r.fail('schema', e.path, e.node, `argument "${e.key}" has no conclusion`);
		out.push(arg);
	}
	return out;
}

/** Premises: a list of statement keys, or a mapping of roles (major, minor, datum…) to them. */
function readPremises(r: Reader, value: YamlNode, path: Path): Ref[] {
	if (isMap(value))
		return (r.entries(value, path, 'the premises') ?? []).flatMap((e) => {
			const ref = r.ref(e.value, e.path, `the premise "${e.key}"`);
			return ref ? [ref] : [];
		});
	if (isSeq(value) || isEmpty(value)) return r.names(value, path, 'the premises');
	r.fail(
		'schema',
		path,
		value,
		'the premises must be a list of statement keys or a mapping of roles to them'
	);
	return [];
}

function readIssues(r: Reader, value: YamlNode, path: Path): Issue[] {
	const out: Issue[] = [];
	for (const e of r.entries(value, path, 'issues') ?? []) {
		const issue: Issue = { key: e.key, positions: [], path: e.path };
		for (const f of r.entries(e.value, e.path, `issue "${e.key}"`) ?? []) {
			const field = f.key.toLowerCase();
			if (field === 'positions') issue.positions = r.names(f.value, f.path, 'the positions');
			else if (field === 'standard') {
				const standard = r.scalar(f.value, f.path, 'the proof standard') ?? 'PE';
				if (!PLAIN_STANDARDS.has(standard.toLowerCase()))
					r.fail(
						'unsupported',
						f.path,
						f.node,
						`the proof standard "${standard}" asks how much heavier one position's arguments are; ${NO_WEIGHING}, so it reads only the default standard (PE)`
					);
			} else if (field !== 'meta' && field !== 'metadata')
				r.fail(
					'schema',
					f.path,
					f.node,
					`unknown key "${f.key}"; an issue has positions, standard and meta`
				);
		}
		out.push(issue);
	}
	return out;
}

/** Ids: slugs of the keys, ¬ read as "not" (so `¬s` and `s` differ), unique in file order. */
class Ids {
	private readonly taken = new Set<string>();
	make(base: string, fallback: string): string {
		const words = base.replace(/¬/g, ' not ');
		// slugify keeps whole words, so leave room for a "-2" that tells two equal slugs apart.
		const slug = /[a-z0-9]/i.test(words.normalize('NFKD')) ? slugify(words, 58) : fallback;
		let id = slug;
		for (let n = 2; this.taken.has(id); n++) id = `${slug}-${n}`;
		this.taken.add(id);
		return id;
	}
}

/** A key as a label: the key itself, cut with an ellipsis past the schema's limit. */
function labelOf(key: string): string {
	const max = nodeSchema.shape.label.def.innerType._zod.bag.maximum ?? 60;
	const label = key.trim();
	return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}

/** The schema's refusal of a text or label, as a sentence, or undefined when it passes. */
function refusal(field: 'text' | 'label', value: string): string | undefined {
	const r = nodeSchema.shape[field].safeParse(value);
	return r.success ? undefined : `the ${field} ${r.error.issues[0]!.message}`;
}

/** Statements, links and thesis from the graph; problems for what does not fit a map. */
function buildMap(r: Reader, graph: Graph): ArgumentMap | undefined {
	const ids = new Ids();
	const nodes: MapNode[] = [];
	const links: MapLink[] = [];
	const byKey = new Map<string, MapNode>();
	const concluded = new Set(
		graph.arguments.flatMap((a) => (a.conclusion ? [a.conclusion.name] : []))
	);
	const assumed = new Set(graph.assumptions.map((a) => a.name));
	const tooLarge = (statements: number, count: number) => {
		if (statements <= MAX_NODES && count <= MAX_LINKS) return false;
		r.fail(
			'too-large',
			[],
			null,
			`the graph makes ${statements} statements and ${count} links; a map may have at most ${MAX_NODES} statements and ${MAX_LINKS} links`
		);
		return true;
	};
	// Before any work: the statements, and the attacks of issues (quadratic in their positions).
	const attacks = graph.issues.reduce(
		(n, i) => n + i.positions.length * (i.positions.length - 1),
		0
	);
	if (tooLarge(graph.statements.length, attacks)) return undefined;

	for (const s of graph.statements) {
		const text = (s.text ?? '').trim() || s.key.trim();
		const label = labelOf(s.key);
		if (!label) {
			r.fail('schema', s.path, s.node, 'a statement key must not be empty');
			continue;
		}
		const why = refusal('label', label) ?? refusal('text', text);
		if (why) r.fail('schema', s.path, s.node, `statement "${label}": ${why}`);
		const node: MapNode = {
			id: ids.make(s.key, 'statement'),
			kind: 'claim',
			label,
			text,
			origin: 'source',
			inText: 'stated'
		};
		if (!s.assumed && !assumed.has(s.key) && !concluded.has(s.key))
			node.questioned = { author: IMPORT_AUTHOR, note: QUESTION_NOTE };
		byKey.set(s.key, node);
		nodes.push(node);
	}

	/** The node a name refers to; a problem where no statement has that key. */
	const find = (ref: Ref, role: string): MapNode | undefined => {
		const node = byKey.get(ref.name);
		if (!node)
			r.fail('dangling', ref.path, ref.node, `${role} "${ref.name}" is not one of the statements`);
		return node;
	};
	graph.assumptions.forEach((a) => find(a, 'the assumption'));

	const pairs = new Map<string, string>();
	/** Add a link, unless two statements are already linked: one reason must not count twice. */
	const link = (l: MapLink, path: Path, node: YamlNode): boolean => {
		const pair = `${l.from}\u0000${l.to}`;
		const first = pairs.get(pair);
		if (first) {
			r.fail(
				'duplicate-link',
				path,
				node,
				`"${l.from}" is already linked to "${l.to}" (${first}); Warrant keeps one link between two statements`
			);
			return false;
		}
		pairs.set(pair, l.id);
		links.push(l);
		return true;
	};

	for (const a of graph.arguments) {
		const conclusion = a.conclusion && find(a.conclusion, 'the conclusion');
		const premises = a.premises.map((p) => find(p, 'the premise'));
		const undercutter = a.undercutter && find(a.undercutter, 'the undercutter');
		if (!conclusion || premises.some((p) => !p) || (a.undercutter && !undercutter)) continue;
		const from = premises as MapNode[];
		const twice = from.find((p, i) => from.indexOf(p) !== i);
		if (twice) {
			r.fail(
				'co-premise',
				[...a.path, 'premises'],
				a.node,
				`argument "${a.key}" names the premise "${twice.label}" twice`
			);
			continue;
		}
		if (from.includes(conclusion)) {
			r.fail(
				'self-link',
				[...a.path, 'premises'],
				a.node,
				`argument "${a.key}" has its conclusion "${conclusion.label}" among its premises; a statement cannot support itself`
			);
			continue;
		}
		if (!a.convergent && from.length > MAX_WITH + 1) {
			r.fail(
				'co-premise',
				[...a.path, 'premises'],
				a.node,
				`argument "${a.key}" has ${from.length} premises; a Warrant link takes one reason and at most ${MAX_WITH} co-premises`
			);
			continue;
		}
		if (from.length === 0) {
			// A link needs a reason: the argument itself, which holds unless it is undercut.
			const standIn: MapNode = {
				id: ids.make(`argument ${a.key} applies`, 'argument-applies'),
				kind: 'assumption',
				label: labelOf(`argument ${a.key}`),
				text: `Argument ${labelOf(a.key)} applies (it has no premises).`,
				origin: 'source',
				inText: 'inferred'
			};
			nodes.push(standIn);
			from.push(standIn);
		}
		const argumentId = ids.make(`argument ${a.key}`, 'argument');
		const made: MapLink[] = [];
		if (a.convergent) {
			from.forEach((p, i) => {
				const l: MapLink = {
					id: i ? ids.make(`argument ${a.key}`, 'argument') : argumentId,
					from: p.id,
					to: conclusion.id,
					relation: 'supports',
					origin: 'source',
					inText: 'stated'
				};
				if (link(l, a.path, a.node)) made.push(l);
			});
		} else {
			// The first premise not yet linked to this conclusion is the reason; the rest go with it.
			const reason = from.find((p) => !pairs.has(`${p.id}\u0000${conclusion.id}`)) ?? from[0]!;
			const rest = from.filter((p) => p !== reason).map((p) => p.id);
			const l: MapLink = {
				id: argumentId,
				from: reason.id,
				to: conclusion.id,
				relation: 'supports',
				...(rest.length ? { with: rest } : {}),
				origin: 'source',
				inText: 'stated'
			};
			if (link(l, a.path, a.node)) made.push(l);
		}
		if (undercutter)
			for (const target of made)
				links.push({
					id: ids.make(`undercut ${a.key}`, 'undercut'),
					from: undercutter.id,
					to: target.id,
					relation: 'undercuts',
					origin: 'source',
					inText: 'stated'
				});
	}

	const issueOf = new Map<string, string>();
	for (const issue of graph.issues) {
		const positions: { node: MapNode; at: YamlNode }[] = [];
		for (const p of issue.positions) {
			const node = find(p, 'the position');
			if (!node) continue;
			const other = issueOf.get(p.name);
			if (other === issue.key)
				r.fail(
					'schema',
					p.path,
					p.node,
					`the issue "${issue.key}" names the position "${p.name}" twice`
				);
			else if (other)
				r.fail(
					'schema',
					p.path,
					p.node,
					`"${p.name}" is a position of two issues, "${other}" and "${issue.key}"; Carneades allows one`
				);
			else {
				issueOf.set(p.name, issue.key);
				positions.push({ node, at: p.node });
			}
		}
		// At most one position can hold: each attacks every other, both ways.
		for (const a of positions)
			for (const b of positions)
				if (a !== b)
					link(
						{
							id: ids.make(`${a.node.id} attacks ${b.node.id}`, 'attack'),
							from: a.node.id,
							to: b.node.id,
							relation: 'attacks',
							origin: 'source',
							inText: 'stated'
						},
						issue.path,
						a.at
					);
	}

	if (r.problems.length) return undefined;
	if (nodes.length === 0) {
		r.fail('empty', ['statements'], null, 'the graph has no statements; a map needs at least one');
		return undefined;
	}
	if (tooLarge(nodes.length, links.length)) return undefined;
	const thesis = chooseThesis([...byKey.values()], links, nodes);
	thesis.kind = 'thesis';
	const title = graph.title && graph.title.length <= 300 ? graph.title : UNTITLED;
	return { format: FORMAT, version: CURRENT_VERSION, source: { title }, nodes, links };
}

/**
 * A Carneades 4 graph's YAML as a map, or problems with lines. Never throws.
 *
 * ```ts
 * const r = parse('statements:\n  p: P\n');
 * if (r.ok) r.map.nodes[0]; // { id: 'p', kind: 'thesis', label: 'p', text: 'P', questioned: … }
 * ```
 */
export function parse(input: string): ParseResult {
	const opened = openInput(
		input,
		'a Carneades graph is a YAML mapping with statements and arguments'
	);
	if ('refused' in opened) return opened.refused;
	const { text } = opened;
	const refuse = (code: ProblemCode, line: number, message: string) =>
		refuseAt(code, message, line);
	const lines = new LineCounter();
	let doc: Document;
	try {
		doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
	} catch {
		return refuse('syntax', 1, 'the YAML is nested too deeply to read');
	}
	const error = doc.errors[0];
	if (error)
		return refuse(
			'syntax',
			lines.linePos(error.pos[0]).line,
			/call stack/i.test(error.message)
				? 'the YAML is nested too deeply to read'
				: `invalid YAML: ${error.message.split('\n')[0]}`
		);
	if (isEmpty(doc.contents))
		return refuse(
			'empty',
			1,
			'the file is empty; a Carneades graph is a YAML mapping with statements and arguments'
		);
	const reader = new Reader(doc, lines);
	const map = buildMap(reader, readGraph(reader, doc.contents));
	if (!map) return { ok: false, problems: reader.problems.slice(0, 100) };
	// The mapping makes valid maps; should it not, say so rather than hand on a broken one.
	const checked = validateMap(map);
	return checked.ok
		? checked
		: {
				ok: false,
				problems: checked.problems.map((p) => ({
					...p,
					line: 1,
					message: `the imported map: ${p.message}`
				}))
			};
}
