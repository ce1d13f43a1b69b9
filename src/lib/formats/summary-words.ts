/**
 * The sentences the critical summary is made of: a statement turned into a clause, lists,
 * ordinals and counts in words, figures, who wrote what, and the context every paragraph reads.
 */
import { numberWord, stop } from '../model/english';
import { STATUS_WORDS, type Evaluation, type Status } from '../model/evaluate';
import { formatFigure, inTextOf, isPlaceholder, type MapIndex } from '../model/queries';
import type { ArgumentMap, MapLink, MapNode } from '../model/schema';
import { mdText } from './outline';

/**
 * Lower-cases a statement's first letter when the statement becomes a clause, unless its first
 * word is a name: an acronym, or a word the map's texts capitalise in mid-sentence ("Promoting
 * …" → "promoting …", "Japan …" and "UN …" stay).
 */
export function lowerFirst(text: string, names: ReadonlySet<string>): string {
	const word = text.match(/^[\p{L}’']+/u)?.[0];
	if (!word || (word.length > 1 && word === word.toUpperCase()) || names.has(word)) return text;
	return text[0]!.toLowerCase() + text.slice(1);
}

/**
 * The capitalised words the map's texts use in mid-sentence, and never in lower case: names
 * ("Japan", "UN"). The first word of a run of capitalised words ("South Korea", "New Railway")
 * counts as a name too.
 */
/** Words that open a sentence before a name without being part of it ("After Westvale …"). */
export const OPENERS = new Set(
	(
		'a an the this that these those some other others most many all each every both no not only ' +
		'even if although because since when while after before during under over through in on at ' +
		'by for with without from to of as like unlike its their our his her my your one two three'
	).split(' ')
);

export function namesIn(map: ArgumentMap): Set<string> {
	const names = new Set<string>();
	const alone = new Set<string>();
	const lower = new Set<string>();
	const runs: [string, string][] = [];
	const word = (w: string | undefined) => w?.replace(/^[“"(]+|[”"),;:.!?]+$/g, '') ?? '';
	const capital = (w: string) => /^\p{Lu}/u.test(w);
	for (const n of map.nodes) {
		const words = n.text.split(/\s+/);
		words.forEach((raw, i) => {
			const w = word(raw);
			if (!w) return;
			if (!capital(w)) lower.add(w.split(/[’']/)[0]!);
			else if (i === 0 || /[.!?:;]["”’)]?$/.test(words[i - 1]!)) {
				const next = word(words[i + 1]);
				if (capital(next)) runs.push([w, next]);
			} else {
				names.add(w);
				if (!capital(word(words[i - 1]))) alone.add(w);
			}
		});
	}
	// "South Korea …", "New Railway …": a name of two words, whose second word never stands
	// alone ("Promoting Japanese …" is a verb before a name that does).
	for (const [first, second] of runs)
		if (!alone.has(second) && !OPENERS.has(first.toLowerCase()) && !/ing$/.test(first))
			names.add(first);
	for (const w of names) if (lower.has(w.toLowerCase())) names.delete(w);
	return names;
}

/** True for a text of more than one sentence, which reads badly as a "that" clause. */
export const manySentences = (text: string) => /[.!?;:]["”’)]?\s+\p{Lu}/u.test(text.trim());

/** A text as a sentence of its own: with a closing stop. */
export function sentence(text: string): string {
	return stop(text.trim());
}

export { ordinal } from '../model/english';

/** "A, B and C". */
export function list(items: string[]): string {
	return items.length <= 1
		? (items[0] ?? '')
		: `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A status as the end of a sentence: "holds", "is not established", "is defeated", "is open". */
export function statusPhrase(status: Status): string {
	return status === 'holds' ? 'holds' : `is ${STATUS_WORDS[status]}`;
}

export const inferred = (item: { origin: MapNode['origin']; inText?: MapNode['inText'] }) =>
	inTextOf(item) === 'inferred';

/** Who puts an item on the map: the text, or a named reader. */
export function byWhom(item: { origin: MapNode['origin']; author?: string }): string {
	return item.origin === 'reader' ? (item.author ? mdText(item.author) : 'a reader') : 'the author';
}

/** The numbers a text writes out ("1,000", "2.6"), as numbers. */
export function numbersIn(text: string): Set<number> {
	return new Set(
		[...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')))
	);
}

/**
 * A statement's figures in brackets, those its words do not already give: "(about 1,000 students)"
 * after a paraphrase without the number, nothing after "…a $210 million soft loan…".
 */
export function figures(n: MapNode): string {
	const said = numbersIn(n.text);
	const given = (v: number) =>
		[1, 1e3, 1e6, 1e9].some((k) => said.has(Math.round((v / k) * 1e6) / 1e6));
	const left = (n.figures ?? []).filter(
		(f) => !given(f.value) || (f.year !== undefined && !said.has(f.year))
	);
	return left.length ? ` (${left.map((f) => mdText(formatFigure(f))).join('; ')})` : '';
}

export interface Ctx {
	map: ArgumentMap;
	index: MapIndex;
	evaluation: Evaluation;
	name: (id: string) => string;
	names: ReadonlySet<string>;
	/** What has been said once already, to be said shortly the next time. */
	said: Set<string>;
}

/** A statement as a clause after "that", its closing stop dropped (see lowerFirst). */
export function clause(ctx: Ctx, text: string): string {
	const t = mdText(text).replace(/[.。]+$/, '');
	return lowerFirst(t, ctx.names).replace(/^that\s+/, '');
}

/**
 * What a statement says, to end a sentence that introduces it: " that …." for one sentence,
 * ": ….". for several, with its figures.
 */
export function says(ctx: Ctx, n: MapNode): string {
	// "The author answers: But the schemes…": the answer's own "But" is the sentence's already.
	const text = n.text.replace(CONNECTIVE, '').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
	if (manySentences(text)) return `: ${sentence(mdText(text).replace(/[.]$/, '') + figures(n))}`;
	return ` that ${clause(ctx, text)}${figures(n)}.`;
}

/** A word that ties a statement to the one before it, which the summary's sentence already does. */
const CONNECTIVE = /^(?:but|yet|however|still|and|so|thus|therefore)\b,?\s+(?=\S)/i;

export const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** A count in words up to nine, in figures above: "three reasons", "24 statements". */
export const count = (n: number, one: string, many = `${one}s`) =>
	`${numberWord(n, 'no', 9)} ${n === 1 ? one : many}`;

export const live = (ctx: Ctx) => (l: MapLink) => {
	const n = ctx.index.node.get(l.from);
	return !!n && !isPlaceholder(n);
};

/** A statement by its name, in italics: its label, else its first words. */
export const named = (ctx: Ctx, id: string) =>
	ctx.index.node.get(id)?.kind === 'thesis' ? 'the thesis' : `*${mdText(ctx.name(id))}*`;

/** "that a, that b and that c", or with semicolons when an item has commas of its own. */
export function thatList(items: string[]): string {
	if (items.length <= 1 || !items.some((i) => i.includes(','))) return list(items);
	return `${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}`;
}

/** The supports into a statement: evidence (with evidence co-premises), further claims, assumptions. */
export function supportsOf(ctx: Ctx, id: string) {
	const supports = (ctx.index.incoming.get(id) ?? [])
		.filter((l) => l.relation === 'supports')
		.filter(live(ctx));
	const node = (x: string) => ctx.index.node.get(x);
	const co = supports
		.flatMap((l) => (l.with ?? []).map((w) => ({ id: w, link: l })))
		.filter((c, i, all) => all.findIndex((d) => d.id === c.id) === i)
		.filter((c) => node(c.id) && !isPlaceholder(node(c.id)!));
	const evidence = [
		...supports
			.filter((l) => node(l.from)!.kind === 'evidence')
			.map((l) => ({ id: l.from, link: l })),
		...co.filter((c) => node(c.id)!.kind === 'evidence')
	];
	const claims = supports.filter((l) => !['evidence', 'assumption'].includes(node(l.from)!.kind));
	const assumptions = [
		...supports.filter((l) => node(l.from)!.kind === 'assumption').map((l) => node(l.from)!),
		...co.filter((c) => node(c.id)!.kind !== 'evidence').map((c) => node(c.id)!)
	];
	return { evidence, claims, assumptions };
}

/** The objections and undercuts among `ids`, by name: what took something down. */
export const objectionsAmong = (ctx: Ctx, ids: string[]) =>
	ids.filter((id) =>
		(ctx.index.outgoing.get(id) ?? []).some((l) => l.from === id && l.relation !== 'supports')
	);

/**
 * Why a reason does not carry the thesis, in a sentence, or undefined when it does: a premise
 * of its step that fell (with what felled it), an undercut of the step, or the reason itself.
 */
