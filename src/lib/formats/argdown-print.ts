/**
 * Writing Argdown (argdown.ts): plain text, no parser needed.
 */
import type { ArgumentMap, MapLink, MapNode } from '../model/schema';
import { KEY, visible, type FrontMatter, type NodeData } from './argdown-data';

/** Characters Argdown reads as syntax inside a statement's text; a backslash escapes each. */
const SPECIAL = /[\\_*<>[\]#@{}]/g;
const escape = (text: string) => text.replace(SPECIAL, (c) => `\\${c}`);

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
