/**
 * What a reader means — "add an objection to this", "move this under that" — turned into
 * commands. Each builder checks its own preconditions and says why when it cannot; `apply`
 * then checks the result as a whole.
 */
import { newId as freshId } from '../model/ids';
import {
	DRAFT_WORDS,
	PLACEHOLDER_TAG,
	argumentsBelow,
	displayName,
	supportsBelow,
	indexMap,
	inferenceOf,
	inferencesOf,
	siblingEnd,
	usedIds,
	withUndercuts
} from '../model/queries';
import type { ArgumentMap, MapLink, MapNode, NodeKind, Relation } from '../model/schema';
import type { Built, Command } from './commands';

export type ChildRole = 'reason' | 'objection' | 'evidence' | 'assumption';

/**
 * Whose item a new statement or link is: the text's (reconstructing: the source layer) or a
 * reader's (critiquing: with the reader's name). Reader unless said otherwise.
 */
export interface Provenance {
	origin?: 'source' | 'reader';
	author?: string;
}

function provenance(p: Provenance): Pick<MapNode, 'origin' | 'author'> {
	if (p.origin === 'source') return { origin: 'source' };
	return { origin: 'reader', ...(p.author ? { author: p.author } : {}) };
}
export type { Built } from './commands';

/** The longest statement text the format takes (model/schema.ts). */
const MAX_TEXT = 2000;

/** A fresh statement's words until the reader writes its own (model/queries DRAFT_WORDS). */
const UNDERCUT_DRAFT = DRAFT_WORDS.undercut;
export const PLACEHOLDER: Record<ChildRole, string> = {
	reason: DRAFT_WORDS.reason,
	objection: DRAFT_WORDS.objection,
	evidence: DRAFT_WORDS.evidence,
	assumption: DRAFT_WORDS.assumption
};

/** A new id for a node or link of `map`: `<base>-<random>`, never one already in use. */
export function newId(map: ArgumentMap, base: string): string {
	return freshId(base, usedIds(map));
}

/**
 * Add a statement under `parentId` in a role: a reason or evidence supports it, an objection
 * attacks it (an objection to an objection is a rebuttal), an assumption becomes the
 * co-premise of the parent's own reason link (the unstated premise that reason needs).
 */
export function addChild(
	map: ArgumentMap,
	parentId: string,
	role: ChildRole,
	opts: { text?: string } & Provenance = {}
): Built {
	const index = indexMap(map);
	const parent = index.node.get(parentId);
	if (!parent) return { ok: false, reason: `there is no statement "${parentId}"` };
	const kind: NodeKind =
		role === 'evidence' ? 'evidence' : role === 'assumption' ? 'assumption' : 'claim';
	const id = newId(map, role);
	const node: MapNode = {
		id,
		kind,
		text: opts.text?.trim() || PLACEHOLDER[role],
		...provenance(opts)
	};
	const reader = provenance(opts);
	if (role === 'assumption') {
		const link = inferenceOf(index, parentId);
		if (!link) {
			return {
				ok: false,
				reason:
					'a hidden assumption completes a reason: select a statement that supports or attacks another'
			};
		}
		return {
			ok: true,
			nodeId: id,
			label: 'Add hidden assumption',
			command: {
				type: 'batch',
				commands: [
					{ type: 'insert', nodes: [{ at: map.nodes.length, node }], links: [] },
					{ type: 'updateLink', id: link.id, patch: { with: [...(link.with ?? []), id] } }
				]
			}
		};
	}
	const relation: Relation = role === 'objection' ? 'attacks' : 'supports';
	const link: MapLink = {
		id: newId({ ...map, nodes: [...map.nodes, node] }, 'link'),
		from: id,
		to: parentId,
		relation,
		...reader
	};
	const parentAttacks = inferenceOf(index, parentId)?.relation === 'attacks';
	return {
		ok: true,
		nodeId: id,
		label:
			role === 'objection'
				? parentAttacks
					? 'Add rebuttal'
					: 'Add objection'
				: role === 'evidence'
					? 'Add evidence'
					: 'Add reason',
		command: {
			type: 'insert',
			nodes: [{ at: map.nodes.length, node }],
			links: [{ at: siblingEnd(map.links, parentId), link }]
		}
	};
}

/**
 * "True, but it does not show that": a new statement undercutting the step from `from` to its
 * conclusion. `linkId` names the step when `from` argues about several statements; without it
 * the statement's only step is used, and a choice is asked for when there are several.
 */
export function addUndercut(
	map: ArgumentMap,
	from: string,
	opts: { linkId?: string; text?: string } & Provenance = {}
): Built | { ok: false; reason: 'choose'; links: MapLink[] } {
	const index = indexMap(map);
	if (!index.node.has(from)) return { ok: false, reason: `there is no statement "${from}"` };
	const steps = inferencesOf(index, from);
	const link = opts.linkId ? steps.find((l) => l.id === opts.linkId) : steps[0];
	if (!link)
		return {
			ok: false,
			reason: opts.linkId
				? `"${opts.linkId}" is not a step from this statement`
				: 'only a statement that supports or attacks another has a step to undercut'
		};
	if (!opts.linkId && steps.length > 1) return { ok: false, reason: 'choose', links: steps };
	const id = newId(map, 'undercut');
	const reader = provenance(opts);
	const node: MapNode = { id, kind: 'claim', text: opts.text?.trim() || UNDERCUT_DRAFT, ...reader };
	const cut: MapLink = {
		id: newId({ ...map, nodes: [...map.nodes, node] }, 'link'),
		from: id,
		to: link.id,
		relation: 'undercuts',
		...reader
	};
	return {
		ok: true,
		nodeId: id,
		label: 'Add undercut',
		command: {
			type: 'insert',
			nodes: [{ at: map.nodes.length, node }],
			links: [{ at: siblingEnd(map.links, link.id), link: cut }]
		}
	};
}

/** Link two existing statements, or undercut a link (`to` is then a link id). */
export function connect(
	map: ArgumentMap,
	from: string,
	to: string,
	relation: Relation,
	who: Provenance = {}
): Built {
	const index = indexMap(map);
	if (!index.node.has(from)) return { ok: false, reason: `there is no statement "${from}"` };
	if (relation === 'undercuts' ? !index.link.has(to) : !index.node.has(to)) {
		return {
			ok: false,
			reason:
				relation === 'undercuts'
					? 'an undercut must end on a link'
					: `there is no statement "${to}"`
		};
	}
	if (from === to) return { ok: false, reason: 'a statement cannot argue about itself' };
	if (map.links.some((l) => l.from === from && l.to === to))
		return { ok: false, reason: 'these two are already linked' };
	// A reason for something that already supports it is circular reasoning. (Attacks may run
	// both ways: two positions that rule each other out attack each other.)
	if (relation === 'supports' && supportsBelow(index, from).has(to))
		return {
			ok: false,
			reason: `“${displayName(index.node.get(to), to)}” already supports this statement: making it a reason for it as well would be circular`
		};
	const link: MapLink = {
		id: newId(map, 'link'),
		from,
		to,
		relation,
		...provenance(who)
	};
	return {
		ok: true,
		label:
			relation === 'undercuts'
				? 'Undercut link'
				: relation === 'attacks'
					? 'Link as objection'
					: 'Link as reason',
		command: { type: 'insert', nodes: [], links: [{ at: siblingEnd(map.links, to), link }] }
	};
}

export function setRelation(
	map: ArgumentMap,
	linkId: string,
	relation: 'supports' | 'attacks'
): Built {
	const link = map.links.find((l) => l.id === linkId);
	if (!link) return { ok: false, reason: `there is no link "${linkId}"` };
	if (link.relation === 'undercuts')
		return { ok: false, reason: 'an undercut attacks a link; it cannot become a support' };
	if (link.relation === relation)
		return {
			ok: false,
			reason: `the link already ${relation === 'supports' ? 'supports' : 'attacks'}`
		};
	return {
		ok: true,
		label: relation === 'supports' ? 'Make it a reason' : 'Make it an objection',
		command: { type: 'updateLink', id: linkId, patch: { relation } }
	};
}

/** Move a statement under another conclusion: its first link now ends there, as the last sibling. */
export function moveUnder(map: ArgumentMap, nodeId: string, newParent: string): Built {
	const index = indexMap(map);
	const link = inferenceOf(index, nodeId);
	if (!link)
		return { ok: false, reason: 'only a statement that supports or attacks another can be moved' };
	if (!index.node.has(newParent))
		return { ok: false, reason: `there is no statement "${newParent}"` };
	if (newParent === nodeId) return { ok: false, reason: 'a statement cannot go under itself' };
	if (link.to === newParent) return { ok: false, reason: 'it is already there' };
	if (map.links.some((l) => l.from === nodeId && l.to === newParent)) {
		return { ok: false, reason: 'it is already linked to that statement' };
	}
	// Moving under anything that argues for this statement would make a circle.
	const below = argumentsBelow(index, nodeId);
	if (below.has(newParent))
		return {
			ok: false,
			reason: 'that statement argues for this one: moving it there would make a circle'
		};
	const withoutIt = map.links.filter((l) => l !== link);
	let at = withoutIt.length;
	withoutIt.forEach((l, i) => {
		if (l.to === newParent) at = i + 1;
	});
	const moved = { ...link, to: newParent };
	return {
		ok: true,
		label: 'Move statement',
		command: {
			type: 'batch',
			commands: [
				{ type: 'remove', nodes: [], links: [link.id] },
				{ type: 'insert', nodes: [], links: [{ at, link: moved }] }
			]
		}
	};
}

/**
 * Delete a statement with every link that touches it (and undercuts of those links); where it
 * was a co-premise it is taken out of the list. Undo brings all of it back in place.
 */
export function deleteNode(map: ArgumentMap, id: string): Built {
	const index = indexMap(map);
	const node = index.node.get(id);
	if (!node) return { ok: false, reason: `there is no statement "${id}"` };
	if (node.kind === 'thesis')
		return { ok: false, reason: 'the thesis cannot be deleted; edit its text instead' };
	// Its links go, with undercuts of them and undercuts of those.
	const drop = withUndercuts(
		map,
		map.links.filter((l) => l.from === id || l.to === id).map((l) => l.id)
	);
	const commands: Command[] = map.links
		.filter((l) => !drop.has(l.id) && l.with?.includes(id))
		.map((l) => {
			const rest = l.with!.filter((x) => x !== id);
			return {
				type: 'updateLink' as const,
				id: l.id,
				patch: { with: rest.length ? rest : undefined }
			};
		});
	commands.push({ type: 'remove', nodes: [id], links: [...drop] });
	return { ok: true, label: 'Delete statement', command: { type: 'batch', commands } };
}

export function editText(map: ArgumentMap, id: string, text: string): Built {
	const node = map.nodes.find((n) => n.id === id);
	if (!node) return { ok: false, reason: `there is no statement "${id}"` };
	const t = text.replace(/\s+/g, ' ').trim();
	if (!t) return { ok: false, reason: 'A statement needs some text' };
	if (t.length > MAX_TEXT)
		return {
			ok: false,
			reason: `A statement may be at most ${MAX_TEXT.toLocaleString('en')} characters; this one has ${t.length.toLocaleString('en')}`
		};
	if (t === node.text) return { ok: false, reason: 'unchanged' };
	// Written at last: a template's placeholder now says something.
	const tags = node.tags?.includes(PLACEHOLDER_TAG)
		? node.tags.filter((x) => x !== PLACEHOLDER_TAG)
		: undefined;
	const patch = tags ? { text: t, tags: tags.length ? tags : undefined } : { text: t };
	return { ok: true, label: 'Edit text', command: { type: 'updateNode', id, patch } };
}

/** Remove one link (and whatever undercuts it); the statements stay. */
export function removeLink(map: ArgumentMap, linkId: string): Built {
	if (!map.links.some((l) => l.id === linkId))
		return { ok: false, reason: `there is no link "${linkId}"` };
	const drop = withUndercuts(map, [linkId]);
	return {
		ok: true,
		label: 'Remove link',
		command: { type: 'remove', nodes: [], links: [...drop] }
	};
}

// Fields, verdicts, critical questions and layers: commands/fields.ts.
export {
	raiseDoubt,
	setInText,
	setOrigin,
	setQuestion,
	setVerdict,
	updateFields,
	updateLinkFields,
	walkthroughOrder
} from './fields';
