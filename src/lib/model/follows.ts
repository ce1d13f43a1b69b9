/**
 * What follows for the thesis, in one place so that every view says the same: which of its
 * reasons carry it (the reason holds and its step to the thesis is in force), which do not and
 * why, and — in plain words — what still carries the thesis and what a reader would have to
 * answer to bring it down. Pure: computed from the map and its evaluation.
 */
import { SUFFICIENT, STATUS_WORDS, WEIGHT, type Evaluation, type Status } from './evaluate';
import { displayName, indexMap, inTextSummary, type MapIndex } from './queries';
import type { ArgumentMap, MapLink } from './schema';

export interface ThesisReason {
	/** The reason's statement. */
	id: string;
	/** Its link to the thesis. */
	link: string;
	/** The reason's own status. */
	status: Status;
	/** The status of its step to the thesis: in force ("holds") or not, and why. */
	step: Status;
	stepReason: string;
	/** It carries the thesis: it holds and its step is in force. */
	carries: boolean;
	/** What the text gives it: "no evidence stated in the text; 3 links inferred". */
	inText?: string;
}

export interface ThesisSummary {
	id: string;
	status: Status;
	reasons: ThesisReason[];
	/** The reasons that carry the thesis, as ids, in map order. */
	carriers: string[];
	/** Objections to the thesis that stand. */
	standingObjections: string[];
	/** One or two plain sentences: what carries it, what would bring it down. */
	sentence: string;
}

/** "A, B and C", each name without a closing full stop (a sentence goes on after it). */
const list = (raw: string[]) => {
	const names = raw.map((n) => n.replace(/[.。]+$/, ''));
	return names.length <= 1
		? (names[0] ?? '')
		: `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
};

/** The thesis's reasons and the plain-words account of what carries it; undefined with no thesis. */
export function thesisSummary(
	map: ArgumentMap,
	evaluation: Evaluation,
	index: MapIndex = indexMap(map)
): ThesisSummary | undefined {
	const thesis = index.thesis;
	if (!thesis) return undefined;
	const incoming = index.incoming.get(thesis.id) ?? [];
	const supports = incoming.filter((l) => l.relation === 'supports');
	const name = (id: string) => displayName(index.node.get(id), id, 48);
	const reasons: ThesisReason[] = supports.map((l) => {
		const step = evaluation.links.get(l.id)!;
		const status = evaluation.nodes.get(l.from)!.status;
		return {
			id: l.from,
			link: l.id,
			status,
			step: step.status,
			stepReason: step.reason,
			carries: step.status === 'holds',
			inText: inTextSummary(index, l.from)
		};
	});
	const carriers = reasons.filter((r) => r.carries).map((r) => r.id);
	const standingObjections = incoming
		.filter((l) => l.relation === 'attacks' && evaluation.links.get(l.id)!.status === 'holds')
		.map((l) => l.from);
	const status = evaluation.nodes.get(thesis.id)!.status;
	return {
		id: thesis.id,
		status,
		reasons,
		carriers,
		standingObjections,
		sentence: sentenceFor(status, carriers, standingObjections, supports, index, evaluation, name)
	};
}

function sentenceFor(
	status: Status,
	carriers: string[],
	objections: string[],
	supports: MapLink[],
	index: MapIndex,
	evaluation: Evaluation,
	name: (id: string) => string
): string {
	const thesis = index.thesis!;
	if (thesis.verdict)
		return `You marked the thesis ${thesis.verdict}: your verdict decides its status (${STATUS_WORDS[status]}).`;
	if (status === 'defeated')
		return `The thesis is shown false: ${list(objections.map(name))} ${objections.length === 1 ? 'stands' : 'stand'} against it, whatever its reasons.`;
	if (status === 'unestablished')
		return supports.length
			? 'The thesis is not established: none of its reasons carries it any more. Nothing shows it false; the text just has not shown it.'
			: 'The thesis is not established: it is questioned and given no reason. Nothing shows it false.';
	if (status === 'open')
		return 'The thesis is open: what it rests on is undecided. Settle the open statements below to decide it.';
	if (!supports.length)
		return 'The thesis holds only because nobody has questioned it: it has no reasons. Question it (Q) to put the burden on it.';
	// It holds: name what carries it and what would have to be answered to bring it down. The
	// strongest reasons go first; answering them until less than a moderate reason's weight is
	// left takes the thesis down.
	const standing = supports
		.filter((l) => carriers.includes(l.from))
		.sort((a, b) => WEIGHT[b.strength ?? 'moderate'] - WEIGHT[a.strength ?? 'moderate']);
	let left = standing.reduce((w, l) => w + WEIGHT[l.strength ?? 'moderate'], 0);
	const needed: string[] = [];
	for (const l of standing) {
		if (left < SUFFICIENT) break;
		needed.push(l.from);
		left -= WEIGHT[l.strength ?? 'moderate'];
	}
	return `The thesis still holds because of ${list(carriers.map(name))}. To bring it down you would have to take away ${list(needed.map(name))} (reject or question ${needed.length === 1 ? 'it' : 'each one'}, or undercut ${needed.length === 1 ? 'its step' : 'their steps'} to the thesis), or show the thesis false with an objection that stands.`;
}
