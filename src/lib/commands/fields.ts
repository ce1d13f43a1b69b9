/**
 * Intents that change what a statement or a link says rather than the argument's shape: its
 * fields, the reader's verdict, the answers to critical questions (a doubt raised becomes a new
 * statement) and which layer it belongs to. Each builder says why when it cannot.
 */
import { newId as freshId } from '../model/ids';
import { usedIds } from '../model/queries';
import type { ArgumentMap, MapLink, MapNode } from '../model/schema';
import type { Built, Command } from './commands';

const newId = (map: ArgumentMap, base: string) => freshId(base, usedIds(map));

/** True when every field of `patch` already has that value: nothing to record as a step. */
function unchanged(item: object, patch: object): boolean {
	return Object.entries(patch).every(
		([k, v]) => JSON.stringify((item as Record<string, unknown>)[k]) === JSON.stringify(v)
	);
}

/** Set fields of a statement (label, kind, basis, figures, anchors…). */
export function updateFields(
	map: ArgumentMap,
	id: string,
	patch: import('./commands').NodePatch,
	what: string
): Built {
	const node = map.nodes.find((n) => n.id === id);
	if (!node) return { ok: false, reason: `there is no statement "${id}"` };
	if (unchanged(node, patch)) return { ok: false, reason: 'unchanged' };
	return { ok: true, label: `Edit ${what}`, command: { type: 'updateNode', id, patch } };
}

/** Set or clear the reader's verdict on a statement. */
export function setVerdict(
	map: ArgumentMap,
	id: string,
	verdict: import('../model/schema').Verdict | undefined
): Built {
	const node = map.nodes.find((n) => n.id === id);
	if (!node) return { ok: false, reason: `there is no statement "${id}"` };
	if (node.verdict === verdict) return { ok: false, reason: 'unchanged' };
	return {
		ok: true,
		label: verdict ? `Mark ${verdict}` : 'Clear verdict',
		command: { type: 'updateNode', id, patch: { verdict } }
	};
}

/** Set fields of a link: strength, scheme, answers, flags. */
export function updateLinkFields(
	map: ArgumentMap,
	id: string,
	patch: import('./commands').LinkPatch,
	what: string
): Built {
	const link = map.links.find((l) => l.id === id);
	if (!link) return { ok: false, reason: `there is no link "${id}"` };
	if (unchanged(link, patch)) return { ok: false, reason: 'unchanged' };
	return { ok: true, label: `Edit ${what}`, command: { type: 'updateLink', id, patch } };
}

/**
 * Raise a critical question as a doubt: a new statement, pre-filled with the question's doubt,
 * that attacks the premise (an objection) or the inference (an undercut), and the question
 * marked as doubted on the link.
 */
export function raiseDoubt(
	map: ArgumentMap,
	linkId: string,
	question: { id: string; attacks: 'premise' | 'inference'; doubt: string },
	author?: string
): Built {
	const link = map.links.find((l) => l.id === linkId);
	if (!link || link.relation === 'undercuts')
		return { ok: false, reason: 'critical questions belong to a reason and its conclusion' };
	const id = newId(map, question.attacks === 'premise' ? 'objection' : 'undercut');
	const node: MapNode = {
		id,
		kind: 'claim',
		text: question.doubt.trim(),
		origin: 'reader',
		...(author ? { author } : {})
	};
	const withNode = { ...map, nodes: [...map.nodes, node] };
	const attack: MapLink = {
		id: newId(withNode, 'link'),
		from: id,
		to: question.attacks === 'premise' ? link.from : link.id,
		relation: question.attacks === 'premise' ? 'attacks' : 'undercuts',
		origin: 'reader',
		...(author ? { author } : {})
	};
	return {
		ok: true,
		nodeId: id,
		label:
			question.attacks === 'premise' ? 'Raise a doubt (objection)' : 'Raise a doubt (undercut)',
		command: {
			type: 'batch',
			commands: [
				{
					type: 'insert',
					nodes: [{ at: map.nodes.length, node }],
					links: [{ at: map.links.length, link: attack }]
				},
				{
					type: 'updateLink',
					id: link.id,
					patch: { answers: { ...(link.answers ?? {}), [question.id]: 'doubted' } }
				}
			]
		}
	};
}

/**
 * Say whether the text states a source statement or link, or the reconstruction infers it
 * (an implicit premise, a tie the text never makes). A reader's item is neither.
 */
export function setInText(
	map: ArgumentMap,
	target: { node: string } | { link: string },
	inText: import('../model/schema').InText
): Built {
	const isNode = 'node' in target;
	const id = isNode ? target.node : target.link;
	const item = isNode ? map.nodes.find((n) => n.id === id) : map.links.find((l) => l.id === id);
	if (!item) return { ok: false, reason: `there is no ${isNode ? 'statement' : 'link'} "${id}"` };
	if (item.origin !== 'source')
		return {
			ok: false,
			reason:
				'this is your own: the text neither states nor implies it. Move it to the source first'
		};
	if ((item.inText ?? 'stated') === inText) return { ok: false, reason: 'unchanged' };
	const what = isNode ? 'statement' : 'link';
	return {
		ok: true,
		label: inText === 'inferred' ? `Mark the ${what} inferred` : `Mark the ${what} stated`,
		command: isNode
			? { type: 'updateNode', id, patch: { inText } }
			: { type: 'updateLink', id, patch: { inText } }
	};
}

/**
 * Question a statement (Carneades' "questioned"): from now on it needs a standing reason. Not a
 * counter-claim: nothing says it is false. `question` undefined withdraws the question.
 */
export function setQuestion(
	map: ArgumentMap,
	id: string,
	question: import('../model/schema').Question | undefined
): Built {
	const node = map.nodes.find((n) => n.id === id);
	if (!node) return { ok: false, reason: `there is no statement "${id}"` };
	if (JSON.stringify(node.questioned) === JSON.stringify(question))
		return { ok: false, reason: 'unchanged' };
	return {
		ok: true,
		label: question
			? node.questioned
				? 'Edit the question'
				: 'Question it'
			: 'Withdraw the question',
		command: { type: 'updateNode', id, patch: { questioned: question } }
	};
}

/**
 * Move a statement between layers: "source" when the text asserts it (a reader transcribing
 * the article), "reader" when it is the reader's own. Its links to its conclusions follow it.
 */
export function setOrigin(
	map: ArgumentMap,
	id: string,
	origin: 'source' | 'reader',
	author?: string,
	as: import('../model/schema').InText = 'stated'
): Built {
	const node = map.nodes.find((n) => n.id === id);
	if (!node) return { ok: false, reason: `there is no statement "${id}"` };
	if (node.origin === origin) return { ok: false, reason: 'unchanged' };
	const who = origin === 'reader' ? author : undefined;
	// A statement the reader moves into the source layer is one they read in the text (stated,
	// unless they say the text only implies it); a reader's own item is neither, so no inText.
	const inText = origin === 'source' ? as : undefined;
	const commands: Command[] = [{ type: 'updateNode', id, patch: { origin, author: who, inText } }];
	for (const l of map.links) {
		if (l.from === id && l.origin !== origin)
			commands.push({ type: 'updateLink', id: l.id, patch: { origin, author: who, inText } });
	}
	return {
		ok: true,
		label: origin === 'source' ? 'Mark as the source’s' : 'Mark as my own',
		command: { type: 'batch', commands }
	};
}

/**
 * Save the walkthrough's order of steps with the map, or remove it (`order` undefined: the
 * argument's own order). Which keys are steps is model/walkthrough.ts's business: an order
 * naming a step the map does not have is read without it.
 */
export function walkthroughOrder(map: ArgumentMap, order: string[] | undefined): Built {
	const now = map.walkthrough?.order;
	if (JSON.stringify(now) === JSON.stringify(order)) return { ok: false, reason: 'unchanged' };
	return {
		ok: true,
		label: order ? 'Reorder the walkthrough' : 'Walkthrough back in the argument’s order',
		command: { type: 'updateSource', patch: {}, walkthrough: order ? { order } : null }
	};
}
