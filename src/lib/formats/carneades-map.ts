/**
 * A Carneades graph (carneades-graph.ts) as a Warrant map: statements as claims, arguments as
 * support links, undercutters and issues as attacks, and the thesis; the mapping is said in
 * carneades.ts and in docs/evaluation.md.
 */
import { slugify } from '../model/ids';
import { chooseThesis } from './thesis';
import {
	CURRENT_VERSION,
	FORMAT,
	nodeSchema,
	type ArgumentMap,
	type MapLink,
	type MapNode
} from '../model/schema';
import type { Graph } from './carneades-graph';
import type { Path, Reader, Ref, YamlNode } from './carneades-yaml';

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
export function buildMap(r: Reader, graph: Graph): ArgumentMap | undefined {
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
