/**
 * A Carneades graph's parts (statements, arguments, issues, assumptions) read from the YAML
 * document (carneades.ts); problems for what is malformed, and for what Warrant cannot carry
 * (weights, weighing schemes, rule languages), refused with the key and its line.
 */
import { isMap, isSeq } from 'yaml';
import { isEmpty, type Path, type Reader, type Ref, type YamlNode } from './carneades-yaml';

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

export interface Statement {
	key: string;
	text: string | undefined;
	assumed: boolean;
	path: Path;
	node: YamlNode;
}
export interface Argument {
	key: string;
	conclusion: Ref | undefined;
	premises: Ref[];
	undercutter: Ref | undefined;
	convergent: boolean;
	path: Path;
	node: YamlNode;
}
export interface Issue {
	key: string;
	positions: Ref[];
	path: Path;
}
export interface Graph {
	title: string | undefined;
	statements: Statement[];
	arguments: Argument[];
	issues: Issue[];
	assumptions: Ref[];
}

/** The graph's parts, read from the document; problems for what is malformed or refused. */
export function readGraph(r: Reader, root: YamlNode): Graph {
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
