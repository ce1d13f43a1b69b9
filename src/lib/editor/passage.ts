/**
 * The source text's intents as pure builders: attach a text, make a statement of a passage,
 * anchor a statement at a passage. The editor loads this module (and the text tools with it)
 * when a text is first used, so reading a map without one never pays for them.
 */
import { addChild, updateFields, type Built, type Provenance } from '../commands/intents';
import { PLACEHOLDER_TAG } from '../model/queries';
import type { Anchor, ArgumentMap, Block, Source } from '../model/schema';
import { anchorFromSelection, resolveAnchors } from '../source/anchor';
import { attachText } from '../source/attach';
import { figuresIn } from '../source/figure-scan';
import { indexText } from '../source/text';

type Passage = { ok: true; anchor: Anchor; passage: string } | { ok: false; reason: string };

/** The passage [start, end) of the map's text as an anchor and its words, or why not. */
export function passageAt(map: ArgumentMap, start: number, end: number): Passage {
	if (!map.text) return { ok: false, reason: 'Attach the text first: this map carries none.' };
	const r = anchorFromSelection(map.text, start, end);
	if (!r.ok) return { ok: false, reason: r.problem.message };
	const words = indexText(map.text)
		.text.slice(Math.min(start, end), Math.max(start, end))
		.replace(/\s+/g, ' ')
		.trim();
	return { ok: true, anchor: r.anchor, passage: words.slice(0, 2000) };
}

/** Words that mark a text's order, not its content: "Second, later starts…". */
const SIGNPOST =
	/^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|finally|lastly|last|next|then|also|moreover|furthermore|besides|in addition|additionally|what is more|on top of that|to begin with|to start with|for one thing|most importantly|above all)\s*,\s*/i;

/**
 * A statement's words from a passage: without the signpost that orders it in the text, and with
 * a capital to start. Example: "Second, later starts improve grades." → "Later starts improve grades."
 */
export function statementWords(passage: string): string {
	const rest = passage.replace(SIGNPOST, '');
	if (rest === passage || !rest) return passage;
	return rest.charAt(0).toLocaleUpperCase() + rest.slice(1);
}

/**
 * A statement made from a passage: its words pre-filled (for the reader to put in their own
 * words), anchored there, with the passage's figures when asked, under `parent`. "Thesis" gives
 * the map's thesis this wording and anchor instead.
 */
export function statementFromPassage(
	map: ArgumentMap,
	at: Extract<Passage, { ok: true }>,
	opts: {
		as: 'thesis' | 'claim' | 'evidence' | 'objection';
		parent: string;
		figures?: boolean;
		who: Provenance;
	}
): Built {
	if (opts.as === 'thesis') {
		// A template's placeholder thesis ("select it in the text and press T") is written at last.
		const tags = map.nodes.find((n) => n.id === opts.parent)?.tags;
		const rest = tags?.filter((t) => t !== PLACEHOLDER_TAG);
		return updateFields(
			map,
			opts.parent,
			{
				text: at.passage,
				anchors: [at.anchor],
				...(rest && rest.length !== tags!.length ? { tags: rest.length ? rest : undefined } : {})
			},
			'thesis from the text'
		);
	}
	const role = opts.as === 'claim' ? 'reason' : opts.as;
	const figures = opts.figures
		? figuresIn(at.passage)
				// Figures written as numbers: "two sides" is a count of words, not a figure.
				.filter((f) => /\d/.test(f.text))
				.slice(0, 20)
				.map((f) => f.figure)
		: [];
	const stated = opts.who.origin === 'source' ? { inText: 'stated' as const } : {};
	const found = { anchors: [at.anchor], ...(figures.length ? { figures } : {}), ...stated };
	const slot = emptySlot(map, opts.parent, opts.as);
	if (slot) {
		// A template's "Reason 2" still unwritten is filled in its place, so the map does not
		// keep an empty reason beside the one just found.
		const tags = slot.tags?.filter((t) => t !== PLACEHOLDER_TAG);
		const filled = updateFields(
			map,
			slot.id,
			{
				text: statementWords(at.passage),
				...found,
				origin: opts.who.origin ?? 'reader',
				...(opts.who.author ? { author: opts.who.author } : {}),
				tags: tags?.length ? tags : undefined
			},
			`${role} from the text`
		);
		return filled.ok ? { ...filled, nodeId: slot.id } : filled;
	}
	const built = addChild(map, opts.parent, role, {
		text: statementWords(at.passage),
		...opts.who
	});
	if (!built.ok || built.command.type !== 'insert') return built;
	const nodes = built.command.nodes.map((x) => ({ ...x, node: { ...x.node, ...found } }));
	return {
		...built,
		label: `${built.label} from the text`,
		command: { ...built.command, nodes }
	};
}

/**
 * The first placeholder of this kind directly under `parent` that nobody has written, anchored
 * or argued under yet: where a statement made from a passage goes instead of beside it.
 */
function emptySlot(map: ArgumentMap, parent: string, as: 'claim' | 'evidence' | 'objection') {
	const relation = as === 'objection' ? 'attacks' : 'supports';
	const kind = as === 'evidence' ? 'evidence' : 'claim';
	// Something argues under it: a link to it, or an assumption on its own step.
	const under = new Set(map.links.flatMap((l) => (l.with?.length ? [l.to, l.from] : [l.to])));
	const slots = new Set(
		map.links.filter((l) => l.to === parent && l.relation === relation).map((l) => l.from)
	);
	return map.nodes.find(
		(n) =>
			slots.has(n.id) &&
			n.kind === kind &&
			n.tags?.includes(PLACEHOLDER_TAG) &&
			!n.anchors?.length &&
			!under.has(n.id)
	);
}

/** Anchor statement `id` at a passage: it replaces an anchor lost in the text, else adds one. */
export function anchorAtPassage(
	map: ArgumentMap,
	id: string,
	at: Extract<Passage, { ok: true }>
): Built {
	const node = map.nodes.find((n) => n.id === id);
	if (!node) return { ok: false, reason: 'Select the statement to anchor first.' };
	const anchors = [...(node.anchors ?? [])];
	const same = (a: Anchor) => a.paragraph === at.anchor.paragraph && a.quote === at.anchor.quote;
	if (anchors.some(same)) return { ok: false, reason: 'It is already anchored at this passage.' };
	const lost = map.text
		? resolveAnchors(map.text, anchors).findIndex((r) => r.status === 'orphan')
		: -1;
	if (lost >= 0) anchors[lost] = at.anchor;
	else anchors.push(at.anchor);
	return updateFields(map, id, { anchors }, 'anchor');
}

/**
 * The map with a text attached (anchors found again, source details filled where empty) and
 * the sentence that reports it, or why the text cannot be attached.
 */
export function withText(
	map: ArgumentMap,
	blocks: Block[],
	autoSkip: boolean,
	source: Partial<Source> = {}
):
	| { ok: true; map: ArgumentMap; label: string; message: string; orphans: boolean }
	| { ok: false; reason: string } {
	const r = attachText(map, blocks, autoSkip ? { skip: 'auto' } : {});
	if (!r.ok) return { ok: false, reason: `The text was not attached: ${r.problem.message}` };
	const details = Object.fromEntries(
		Object.entries(source).filter(([k, val]) => val && !map.source[k as keyof Source])
	);
	const { report } = r;
	const changed = report.fuzzy
		? ` ${report.fuzzy} of them in passages that changed: check that their statements still say what the text says.`
		: '';
	const lost = report.orphans.length
		? ' Orphaned anchors are listed in the text panel: select their passage to anchor them again.'
		: '';
	return {
		ok: true,
		map: { ...r.map, source: { ...r.map.source, ...details } },
		label: map.text ? 'Attach a new version of the text' : 'Attach the text',
		message: report.total
			? `${report.summary}.${changed}${lost}`
			: 'The text is attached. Select a passage to make a statement of it.',
		orphans: report.orphans.length > 0
	};
}
