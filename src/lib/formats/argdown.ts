/**
 * Argdown (argdown.org), both ways. Reading uses Argdown's own parser, `@argdown/core` (1.7.5,
 * the last that runs on Node 20), loaded on first use so it never enters a bundle that does not
 * read Argdown; so `parse` returns a promise. Writing is plain text and needs no parser.
 *
 * The mapping (docs/formats.md, "Argdown", says it in full):
 * - a statement (an equivalence class: every `[Title]` is one statement) ↔ a map statement, its
 *   title the id, its text the text, its `#tags` the tags;
 * - a support `+` / attack `-` between statements ↔ a link; contradictory `><` → attacks both
 *   ways; an argument with a premise–conclusion structure ↔ a link from its premises (the
 *   first the reason, the others co-premises) to its conclusion, one per inference; an argument
 *   whose conclusion attacks a statement ↔ an attack with co-premises; an undercut `_` of an
 *   argument ↔ an undercut of its link; an argument without premise–conclusion structure is a
 *   statement of its own (its description the text);
 * - the YAML front matter's `title` ↔ the source's title.
 * Warrant's own data travels in `{warrant: …}` metadata on statements and in the front matter
 * (the map's fields, the order of statements, each link's id and judgements), so Warrant →
 * Argdown → Warrant gives back the same map; without it a map is made from the graph alone.
 */
import { slugify, isSlug } from '../model/ids';
import type { ParseResult } from '../model/parse';
import type { Problem, ProblemCode } from '../model/problems';
import {
	CURRENT_VERSION,
	FORMAT,
	type ArgumentMap,
	type MapLink,
	type MapNode
} from '../model/schema';
import { checkImport, cut, Ids, openInput, refuse } from './imported';
import { chooseThesis } from './thesis';

/** The metadata key for Warrant's own data. */
export const KEY = 'warrant';

/* ------------------------------------------------------------------ writing */

/** Characters Argdown reads as syntax inside a statement's text; a backslash escapes each. */
const SPECIAL = /[\\_*<>[\]#@{}]/g;
const escape = (text: string) => text.replace(SPECIAL, (c) => `\\${c}`);
/** What a text looks like on one Argdown line: white space folded to single spaces. */
const visible = (text: string) => text.replace(/\s+/g, ' ').trim();

type NodeData = Omit<MapNode, 'id' | 'text'> & { text?: string };
type LinkRecord = [id: string, relation: string, from: string, to: string, data?: object];
interface FrontMatter {
	version: number;
	map: Omit<ArgumentMap, 'format' | 'version' | 'nodes' | 'links'>;
	/** Statement ids in the map's order. */
	nodes: string[];
	/** Every link in the map's order: its id, what it joins, and what Argdown has no place for. */
	links: LinkRecord[];
}

/** Does this link need an argument (premise–conclusion structure) to be written? */
function needsArgument(l: MapLink, undercut: Set<string>): boolean {
	return l.relation !== 'undercuts' && (!!l.with?.length || undercut.has(l.id));
}

/** The title of the statement an attacking argument concludes: it attacks the link's target. */
const againstTitle = (linkId: string) => `${linkId}-against`;

/** YAML flow for a value: JSON is YAML, and Argdown's `{…}` metadata is YAML. */
const flow = (value: unknown) => JSON.stringify(value);

/**
 * The map as idiomatic Argdown: the thesis first with its reasons and objections indented
 * beneath, every other statement that is not yet written as a tree of its own, then one
 * premise–conclusion structure per link with co-premises or undercuts (undercuts as `_` beneath
 * the argument). With `data: false`, the text a person reads: no Warrant data in the front
 * matter or after each statement (kinds, anchors, verdicts …), which a reader of it back then
 * takes from the map it was printed from (editor/live-text `withKnownData`).
 */
export function print(map: ArgumentMap, options: { data?: boolean } = {}): string {
	const withData = options.data ?? true;
	const undercut = new Set(map.links.filter((l) => l.relation === 'undercuts').map((l) => l.to));
	const byId = new Map(map.nodes.map((n) => [n.id, n]));
	const links = new Map(map.links.map((l) => [l.id, l]));
	const incoming = new Map<string, MapLink[]>();
	for (const l of map.links) incoming.set(l.to, [...(incoming.get(l.to) ?? []), l]);
	const written = new Set<string>();
	const lines: string[] = [];

	const { format: _f, version: _v, nodes: _n, links: _l, ...rest } = map;
	const front: FrontMatter = {
		version: map.version,
		map: rest,
		nodes: map.nodes.map((n) => n.id),
		links: map.links.map((l) => {
			const { id, relation, from, to, with: _w, ...data } = l;
			return Object.keys(data).length ? [id, relation, from, to, data] : [id, relation, from, to];
		})
	};

	/** `[id]: text #tags {warrant: …}` the first time, `[id]` after. */
	const statement = (n: MapNode): string => {
		if (written.has(n.id)) return `[${n.id}]`;
		written.add(n.id);
		const { id: _id, text, tags, ...data } = n;
		const meta: NodeData = { ...data };
		if (tags) meta.tags = tags;
		const shown = visible(text);
		if (shown !== text) meta.text = text;
		const tagText = (tags ?? []).map((t) => ` #${t}`).join('');
		return `[${n.id}]: ${escape(shown)}${tagText}${withData ? ` {${KEY}: ${flow(meta)}}` : ''}`;
	};

	/** The links into `id`, each on its line beneath it, and recursively theirs. */
	const tree = (id: string, depth: number) => {
		const pad = '  '.repeat(depth);
		for (const l of incoming.get(id) ?? []) {
			if (l.relation === 'undercuts') continue;
			const sign = l.relation === 'supports' ? '+' : '-';
			if (needsArgument(l, undercut)) {
				lines.push(`${pad}${sign} <${l.id}>`);
				continue;
			}
			const from = byId.get(l.from)!;
			const first = !written.has(from.id);
			lines.push(`${pad}${sign} ${statement(from)}`);
			if (first) tree(from.id, depth + 1);
		}
	};
	const root = (n: MapNode) => {
		if (written.has(n.id)) return;
		lines.push('', statement(n));
		tree(n.id, 1);
	};

	lines.push(
		'===',
		`title: ${flow(map.title ?? map.source.title)}`,
		...(withData ? [`${KEY}: ${flow(front)}`] : []),
		'==='
	);
	// Undercutters are written beneath the argument they undercut.
	const beneath = new Set(
		map.links
			.filter((l) => l.relation === 'undercuts' && links.get(l.to)?.relation !== 'undercuts')
			.map((l) => l.from)
	);
	const thesis = map.nodes.find((n) => n.kind === 'thesis');
	if (thesis) root(thesis);
	for (const n of map.nodes) if (!beneath.has(n.id)) root(n);

	for (const l of map.links) {
		if (!needsArgument(l, undercut)) continue;
		const premises = [l.from, ...(l.with ?? [])];
		lines.push('', `<${l.id}>`, '');
		premises.forEach((p, i) => lines.push(`(${i + 1}) [${p}]`));
		lines.push('----');
		if (l.relation === 'supports') lines.push(`(${premises.length + 1}) [${l.to}]`);
		else {
			const target = byId.get(l.to)!;
			lines.push(
				`(${premises.length + 1}) [${againstTitle(l.id)}]: ${escape(`Not so: ${visible(target.text)}`.slice(0, 200))} {${KEY}: ${flow({ against: l.id })}}`,
				`  -> [${l.to}]`
			);
		}
		const cuts = (incoming.get(l.id) ?? []).filter((u) => u.relation === 'undercuts');
		if (cuts.length) {
			lines.push('', `<${l.id}>`);
			for (const u of cuts) {
				const from = byId.get(u.from)!;
				const first = !written.has(from.id);
				lines.push(`  _ ${statement(from)}`);
				if (first) tree(from.id, 2);
			}
		}
	}
	// An undercut of an undercut cannot be drawn (the front matter keeps it); its author still is.
	for (const n of map.nodes) root(n);
	return lines.join('\n').replace(/^\n/, '') + '\n';
}

/* ------------------------------------------------------------------ reading */

/** The parts of @argdown/core's response this module reads. */
interface Member {
	text?: string;
	startLine?: number;
}
interface Equivalence {
	title: string;
	members: Member[];
	tags?: string[];
	data?: Record<string, unknown>;
}
interface PcsItem {
	title: string;
	role: string;
	inference?: unknown;
}
interface Argument {
	title: string;
	members: (Member & { text?: string })[];
	pcs?: PcsItem[];
	data?: Record<string, unknown>;
	tags?: string[];
}
interface Relation {
	relationType: string;
	from: { type: string; title?: string };
	to: { type: string; title?: string; argumentTitle?: string; conclusionIndex?: number };
}
interface Response {
	parserErrors?: { message: string; token?: { startLine?: number } }[];
	lexerErrors?: { message: string; line?: number }[];
	exceptions?: Error[];
	statements?: Record<string, Equivalence>;
	arguments?: Record<string, Argument>;
	relations?: Relation[];
	frontMatter?: Record<string, unknown>;
}

type Core = typeof import('@argdown/core');
let app: Promise<{ run: (input: string) => Response }> | undefined;

/** Argdown's parser and model builder, loaded once, on first use. */
function argdown() {
	app ??= import('@argdown/core').then((core: Core) => {
		const a = new core.ArgdownApplication();
		a.addPlugin(new core.ParserPlugin(), 'parse-input');
		a.addPlugin(new core.DataPlugin(), 'build-model');
		a.addPlugin(new core.ModelPlugin(), 'build-model');
		return {
			run: (input: string) =>
				a.run({ input, process: ['parse-input', 'build-model'], logLevel: 'none' }) as Response
		};
	});
	return app;
}

/** Argdown text as @argdown/core reads it (for tests and counts). */
export async function readArgdown(input: string): Promise<Response> {
	return (await argdown()).run(input);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The front matter's Warrant part, when it has the right shape. */
function frontMatterOf(front: Record<string, unknown> | undefined): FrontMatter | undefined {
	const f = front?.[KEY];
	if (
		isRecord(f) &&
		isRecord(f.map) &&
		Array.isArray(f.nodes) &&
		Array.isArray(f.links) &&
		f.links.every((l) => Array.isArray(l) && l.length >= 4)
	)
		return f as unknown as FrontMatter;
	return undefined;
}

/** A statement's text without the `#tags` Argdown found in it. */
function withoutTags(text: string, tags: readonly string[]): string {
	let out = text;
	for (const t of tags) {
		const words = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		out = out.replace(new RegExp(`#\\(${words}\\)|#${words}(?![\\w-])`, 'g'), '');
	}
	return out.replace(/\s+/g, ' ').trim();
}

const MAX_TEXT = 2000;

/** Builds the map from @argdown/core's model, with notes for what has no counterpart. */
function build(r: Response, useWarrant: boolean, notes: Problem[]): ArgumentMap | undefined {
	const note = (code: ProblemCode, message: string, line?: number) =>
		notes.push({ code, path: [], message, ...(line ? { line } : {}) });
	const front = useWarrant ? frontMatterOf(r.frontMatter) : undefined;
	const ids = new Ids();
	const nodes: MapNode[] = [];
	/** Argdown statement title → node; argument title → node (arguments without structure). */
	const statementNode = new Map<string, MapNode>();
	const argumentNode = new Map<string, MapNode>();
	const against = new Map<string, string>(); // helper statement title → attacking argument title

	for (const s of Object.values(r.statements ?? {})) {
		const own = isRecord(s.data?.[KEY]) ? (s.data![KEY] as Record<string, unknown>) : undefined;
		// The statement an attacking argument concludes is marked so even in plain text.
		if (own && typeof own.against === 'string') {
			against.set(s.title, own.against);
			continue;
		}
		const data = useWarrant ? own : undefined;
		const member = s.members.find((m) => m.text?.trim());
		const shown = withoutTags(member?.text ?? '', s.tags ?? []);
		const { text: exact, tags: metaTags, ...fields } = (data ?? {}) as NodeData;
		const text =
			typeof exact === 'string' && visible(exact) === shown
				? exact
				: cut(shown || s.title, MAX_TEXT);
		const tags = (s.tags ?? []).map((t) => slugify(t, 64)).filter(Boolean);
		const node = {
			...(data ? fields : { kind: 'claim', origin: 'source', inText: 'stated' }),
			id: ids.fresh(s.title, 'statement'),
			text,
			...(tags.length
				? { tags: [...new Set(tags)].slice(0, 20) }
				: metaTags
					? { tags: metaTags }
					: {})
		} as MapNode;
		if (!data && !isSlug(s.title) && !/^Untitled \d+$/.test(s.title)) node.label = cut(s.title, 60);
		nodes.push(node);
		statementNode.set(s.title, node);
	}

	const records = new Map<string, LinkRecord>();
	for (const rec of front?.links ?? []) records.set(`${rec[1]}\u0000${rec[2]}\u0000${rec[3]}`, rec);
	const recordIds = new Map((front?.links ?? []).map((rec) => [rec[0], rec]));
	const links: MapLink[] = [];
	const pairs = new Set<string>();
	/** The link each inference of an argument became, by argument title and conclusion index. */
	const inferenceLink = new Map<string, MapLink>();
	const argumentMain = new Map<string, MapLink>();

	const add = (
		relation: MapLink['relation'],
		from: MapNode[],
		to: string,
		idHint: string | undefined,
		where: string
	): MapLink | undefined => {
		const [reason, ...rest] = from;
		if (!reason) return undefined;
		if (reason.id === to || rest.some((p) => p.id === to)) {
			note(
				'self-link',
				`${where}: "${to}" cannot ${relation === 'supports' ? 'support' : 'attack'} itself; left out`
			);
			return undefined;
		}
		const pair = `${reason.id}\u0000${to}`;
		if (pairs.has(pair)) {
			note(
				'duplicate-link',
				`${where}: "${reason.id}" is already linked to "${to}"; Warrant keeps one link between two statements`
			);
			return undefined;
		}
		const rec =
			(idHint !== undefined ? recordIds.get(idHint) : undefined) ??
			records.get(`${relation}\u0000${reason.id}\u0000${to}`);
		const data = rec?.[4] ?? (front ? {} : { origin: 'source', inText: 'stated' });
		const link = {
			...(rec ? data : { origin: 'source', inText: 'stated' }),
			id: ids.fresh(rec?.[0] ?? idHint ?? `${reason.id} ${relation} ${to}`, 'link'),
			from: reason.id,
			to,
			relation,
			...(rest.length ? { with: rest.map((p) => p.id) } : {})
		} as MapLink;
		pairs.add(pair);
		links.push(link);
		return link;
	};

	// Arguments: with a premise–conclusion structure, one link per inference; without, a statement.
	for (const a of Object.values(r.arguments ?? {})) {
		if (!a.pcs?.length) {
			const description = a.members.map((m) => m.text?.trim()).find(Boolean);
			const node: MapNode = {
				id: ids.fresh(a.title, 'argument'),
				kind: 'claim',
				label: cut(a.title, 60),
				text: cut(withoutTags(description ?? a.title, a.tags ?? []) || a.title, MAX_TEXT),
				origin: 'source',
				inText: 'stated'
			};
			nodes.push(node);
			argumentNode.set(a.title, node);
			continue;
		}
		let premises: MapNode[] = [];
		a.pcs.forEach((item, i) => {
			const isConclusion = item.role !== 'premise';
			if (!isConclusion) {
				const n = statementNode.get(item.title);
				if (n) premises.push(n);
				return;
			}
			const attacked = against.get(item.title);
			const main = item.role === 'main-conclusion';
			const where = `argument <${a.title}>`;
			let link: MapLink | undefined;
			if (attacked !== undefined) {
				const target = (r.relations ?? []).find(
					(x) => x.from.title === item.title && x.relationType === 'attack'
				)?.to.title;
				const to = target && statementNode.get(target);
				if (to) link = add('attacks', premises, to.id, main ? a.title : undefined, where);
			} else {
				const to = statementNode.get(item.title);
				if (to)
					link = add(
						'supports',
						premises,
						to.id,
						main ? a.title : `${a.title} step ${i + 1}`,
						where
					);
			}
			if (link) {
				inferenceLink.set(`${a.title}\u0000${i}`, link);
				if (main) argumentMain.set(a.title, link);
			}
			// The next inference starts from this conclusion.
			premises = statementNode.get(item.title) ? [statementNode.get(item.title)!] : [];
		});
	}

	/** The node an end of a relation stands for: a statement, an argument's conclusion, or an argument. */
	const endNode = (end: Relation['from']): MapNode | undefined => {
		if (end.type === 'equivalence-class') return statementNode.get(end.title ?? '');
		if (end.type === 'argument') {
			const main = argumentMain.get(end.title ?? '');
			if (!main) return argumentNode.get(end.title ?? '');
			return main.relation === 'supports' ? nodes.find((n) => n.id === main.to) : undefined;
		}
		return undefined;
	};

	const undercuts: { from: MapNode; x: Relation; where: string }[] = [];
	for (const x of r.relations ?? []) {
		if (x.from.type === 'equivalence-class' && against.has(x.from.title ?? '')) continue;
		const main = x.from.type === 'argument' ? argumentMain.get(x.from.title ?? '') : undefined;
		// The argument's own inference, said again as a relation of the argument.
		if (main && (endNode(x.to)?.id === main.to || x.to.title === main.to)) continue;
		const from = endNode(x.from);
		const where = `the ${x.relationType} from "${x.from.title ?? '?'}"`;
		if (!from) {
			note('unsupported', `${where}: it starts from nothing the map has; left out`);
			continue;
		}
		if (x.relationType === 'undercut') {
			undercuts.push({ from, x, where });
			continue;
		}
		// Support of or attack on an argument with structure: on its main conclusion.
		const to =
			x.to.type === 'argument' && !argumentMain.has(x.to.title ?? '')
				? argumentNode.get(x.to.title ?? '')
				: endNode(x.to);
		if (!to) {
			note(
				'unsupported',
				`${where} to "${x.to.title ?? '?'}": the map has nothing to link it to; left out`
			);
			continue;
		}
		if (x.relationType === 'support' || x.relationType === 'entails')
			add('supports', [from], to.id, undefined, where);
		else if (x.relationType === 'attack' || x.relationType === 'contrary')
			add('attacks', [from], to.id, undefined, where);
		else if (x.relationType === 'contradictory') {
			add('attacks', [from], to.id, undefined, where);
			add('attacks', [to], from.id, undefined, where);
		} else
			note(
				'unsupported',
				`${where}: the relation "${x.relationType}" has no counterpart in a map; left out`
			);
	}

	// Undercuts last: an argument without structure is a statement, and its inferences are the
	// links from it, made above.
	for (const { from, x, where } of undercuts) {
		const target =
			x.to.type === 'inference'
				? (inferenceLink.get(`${x.to.argumentTitle}\u0000${x.to.conclusionIndex}`) ??
					argumentMain.get(x.to.argumentTitle ?? ''))
				: argumentMain.get(x.to.title ?? '');
		const node = target ? undefined : argumentNode.get(x.to.title ?? '');
		const targets = target
			? [target]
			: links.filter((l) => l.from === node?.id && l.relation !== 'undercuts');
		if (!targets.length) {
			if (node) {
				note(
					'unsupported',
					`${where} undercuts an argument that concludes nothing; read as an attack on it`
				);
				add('attacks', [from], node.id, undefined, where);
			} else
				note(
					'unsupported',
					`${where} to "${x.to.title ?? '?'}": a map undercuts a step of reasoning (an argument or its inference), not a statement; left out`
				);
			continue;
		}
		for (const t of targets) {
			const pair = `${from.id}\u0000${t.id}`;
			if (pairs.has(pair)) continue;
			const rec = records.get(`undercuts\u0000${from.id}\u0000${t.id}`);
			pairs.add(pair);
			links.push({
				...((rec?.[4] as object | undefined) ??
					(rec ? {} : { origin: 'source', inText: 'stated' })),
				id: ids.fresh(rec?.[0] ?? `${from.id} undercuts ${t.id}`, 'undercut'),
				from: from.id,
				to: t.id,
				relation: 'undercuts'
			} as MapLink);
		}
	}

	// Undercuts of undercuts live only in the front matter.
	if (front)
		for (const [id, relation, fromId, toId, data] of front.links) {
			if (relation !== 'undercuts' || links.some((l) => l.id === id)) continue;
			const target = links.find((l) => l.id === toId);
			if (!target || !nodes.some((n) => n.id === fromId) || pairs.has(`${fromId}\u0000${toId}`))
				continue;
			ids.fresh(id, 'undercut');
			pairs.add(`${fromId}\u0000${toId}`);
			links.push({ ...(data ?? {}), id, from: fromId, to: toId, relation: 'undercuts' } as MapLink);
		}

	if (!nodes.length) return undefined;
	// The map's own order where the front matter gives it; what is new follows.
	if (front) {
		const rank = (order: string[]) => {
			const at = new Map(order.map((id, i) => [id, i]));
			return (a: { id: string }, b: { id: string }) =>
				(at.get(a.id) ?? Infinity) - (at.get(b.id) ?? Infinity);
		};
		nodes.sort(rank(front.nodes));
		links.sort(rank(front.links.map((l) => l[0])));
	}
	const theses = nodes.filter((n) => n.kind === 'thesis');
	if (theses.length !== 1) {
		for (const n of theses) n.kind = 'claim';
		chooseThesis(nodes, links, nodes).kind = 'thesis';
	}
	const title = typeof r.frontMatter?.title === 'string' ? r.frontMatter.title.trim() : '';
	const thesis = nodes.find((n) => n.kind === 'thesis')!;
	return {
		format: FORMAT,
		version: front && Number.isInteger(front.version) ? front.version : CURRENT_VERSION,
		...(front?.map ?? { source: { title: cut(title || thesis.text, 300) } }),
		nodes,
		links
	} as ArgumentMap;
}

/** Whether Argdown found any of its own structure, not only untitled lines of prose. */
function looksLikeArgdown(r: Response): boolean {
	if (Object.keys(r.arguments ?? {}).length || (r.relations ?? []).length) return true;
	if (frontMatterOf(r.frontMatter)) return true;
	const statements = Object.values(r.statements ?? {});
	// No statement at all is said by the import's own check.
	return !statements.length || statements.some((s) => !/^Untitled \d+$/.test(s.title));
}

/**
 * Argdown text as a map, or problems with lines. Never rejects. Notes say what has no
 * counterpart in a map and was left out.
 */
export async function parse(input: string): Promise<ParseResult> {
	const opened = openInput(input, 'an Argdown file states at least one [statement]: with its text');
	if ('refused' in opened) return opened.refused;
	const { text } = opened;
	let r: Response;
	try {
		r = (await argdown()).run(text);
	} catch (e) {
		return refuse('syntax', `Argdown's parser could not read the file: ${(e as Error).message}`);
	}
	const syntax: Problem[] = [
		...(r.lexerErrors ?? []).map((e) => ({ line: e.line, message: e.message })),
		...(r.parserErrors ?? []).map((e) => ({ line: e.token?.startLine, message: e.message }))
	].map((e) => ({
		code: 'syntax' as const,
		path: [],
		line: Number.isFinite(e.line) ? e.line : 1,
		message: `Argdown: ${e.message.replace(/\s+/g, ' ').trim()}`
	}));
	if (syntax.length) return { ok: false, problems: syntax.slice(0, 20) };
	const failure = r.exceptions?.[0];
	if (failure)
		return refuse('syntax', `Argdown's parser could not read the file: ${failure.message}`);
	if (!looksLikeArgdown(r))
		return refuse(
			'syntax',
			'this does not read as Argdown: it has no [statement], <argument> and no relation (+, -, _), only plain lines of text'
		);

	return checkImport(
		(withOwnData, notes) => build(r, withOwnData, notes),
		{ present: !!frontMatterOf(r.frontMatter), where: 'in the Argdown metadata' },
		'the Argdown file has no statements, so there is nothing to map'
	);
}
