/**
 * Each status put into words: why a statement or a link holds, fell or stays open, naming the
 * statements and links the reason rests on (model/evaluate.ts computes the statuses).
 */
import { isPlaceholder, shorten, type MapIndex } from './queries';
import type { MapLink, Verdict } from './schema';
import { STATUS_WORDS, type Explanation, type Status } from './status';

/** An explanation whose reason is put into words when first read (then kept). */
export function explained(status: Status, explain: () => Explanation): Explanation {
	let full: Explanation | undefined;
	return {
		status,
		get reason() {
			return (full ??= explain()).reason;
		},
		get because() {
			return (full ??= explain()).because;
		}
	};
}

/** At most `max` characters, cut at a word boundary. */
function quoteName(index: MapIndex, id: string): string {
	const n = index.node.get(id);
	if (!n) return id;
	const text = shorten(n.text, 60);
	return n.label ?? `“${text}”`;
}

export function explainLink(
	index: MapIndex,
	l: MapLink,
	nodeStatus: (id: string) => Status,
	linkStatus: (id: string) => Status
): Explanation {
	const status = linkStatus(l.id);
	const premises = [l.from, ...(l.with ?? [])];
	const cuts = (index.incoming.get(l.id) ?? []).filter((u) => u.relation === 'undercuts');
	if (status === 'defeated') {
		const cut = cuts.find((u) => linkStatus(u.id) === 'holds')!;
		return {
			status,
			reason: `undercut by ${quoteName(index, cut.from)}`,
			because: [cut.from, cut.id]
		};
	}
	if (status === 'unestablished') {
		const fallen = premises.filter((p) => ['defeated', 'unestablished'].includes(nodeStatus(p)));
		return {
			status,
			reason: fallen
				.map((p) => `its premise ${quoteName(index, p)} is ${STATUS_WORDS[nodeStatus(p)]}`)
				.join(' and '),
			because: unique(fallen)
		};
	}
	if (status === 'holds')
		return {
			status,
			reason: 'its premises hold and nothing undercuts it',
			because: unique(premises)
		};
	const open = premises.filter((p) => nodeStatus(p) === 'open');
	const openCuts = cuts.filter((u) => linkStatus(u.id) === 'open');
	return {
		status,
		reason: openCuts.length
			? `an undercut by ${quoteName(index, openCuts[0]!.from)} is itself open`
			: `its premise ${open.map((p) => quoteName(index, p)).join(' and ')} is open`,
		because: unique([...open, ...openCuts.map((u) => u.from)])
	};
}

/**
 * Why steps fell, each cause said once: "Hidden assumption: … is defeated (the steps from
 * Motive 1, Motive 2 and Motive 3 rest on it); Motive 4 is not established; the step from
 * Motive 5 is undercut by “…”". A reason that fell is named by itself; a co-premise or an
 * undercut shared by several steps says which.
 */
function whyStepsFell(
	index: MapIndex,
	steps: MapLink[],
	nodeStatus: (id: string) => Status,
	linkStatus: (id: string) => Status
): string {
	const causes = new Map<string, { text: string; steps: string[] }>();
	const add = (key: string, text: string, step: MapLink) => {
		const c = causes.get(key) ?? { text, steps: [] };
		c.steps.push(step.from);
		causes.set(key, c);
	};
	for (const l of steps) {
		const cut = (index.incoming.get(l.id) ?? []).find(
			(u) => u.relation === 'undercuts' && linkStatus(u.id) === 'holds'
		);
		if (cut) {
			add(`cut:${cut.from}`, `undercut by ${quoteName(index, cut.from)}`, l);
			continue;
		}
		const fallen = [l.from, ...(l.with ?? [])].filter((p) =>
			['defeated', 'unestablished'].includes(nodeStatus(p))
		);
		for (const p of fallen)
			add(`node:${p}`, `${quoteName(index, p)} is ${STATUS_WORDS[nodeStatus(p)]}`, l);
		if (!fallen.length) add(`open:${l.id}`, `the step from ${quoteName(index, l.from)} is open`, l);
	}
	const names = (ids: string[]) => {
		const n = ids.map((id) => quoteName(index, id));
		return n.length === 1 ? n[0]! : `${n.slice(0, -1).join(', ')} and ${n.at(-1)}`;
	};
	return [...causes.entries()]
		.map(([key, c]) => {
			const own = key.startsWith('node:') && c.steps.length === 1 && c.steps[0] === key.slice(5);
			if (own) return c.text;
			if (key.startsWith('cut:'))
				return `the step${c.steps.length === 1 ? '' : 's'} from ${names(c.steps)} ${c.steps.length === 1 ? 'is' : 'are'} ${c.text}`;
			return `${c.text} (the step${c.steps.length === 1 ? '' : 's'} from ${names(c.steps)} ${c.steps.length === 1 ? 'rests' : 'rest'} on it)`;
		})
		.join('; ');
}

/** "questioned by Ana: which figures?" — who asked, and what. */
function questionedBy(index: MapIndex, id: string): string {
	const q = index.node.get(id)?.questioned;
	if (!q) return '';
	return `questioned${q.author ? ` by ${q.author}` : ''}${q.note ? ` (“${shorten(q.note, 80)}”)` : ''}`;
}

export function explainNode(
	index: MapIndex,
	id: string,
	verdict: Verdict | undefined,
	nodeStatus: (id: string) => Status,
	linkStatus: (id: string) => Status
): Explanation {
	const status = nodeStatus(id);
	if (verdict === 'accepted') return { status, reason: 'you accepted it', because: [] };
	if (verdict === 'rejected') return { status, reason: 'you rejected it', because: [] };
	if (verdict === 'open') return { status, reason: 'you marked it open: undecided', because: [] };
	const node = index.node.get(id);
	if (node && isPlaceholder(node))
		return {
			status,
			reason: 'a draft: it counts once you write what it says',
			because: []
		};
	const incoming = index.incoming.get(id) ?? [];
	const attacks = incoming.filter((l) => l.relation === 'attacks');
	const supports = incoming.filter((l) => l.relation === 'supports');
	const answered = attacks.filter(
		(l) => linkStatus(l.id) !== 'holds' && linkStatus(l.id) !== 'open'
	);
	const answeredText = answered.length
		? `; ${answered.length === 1 ? 'its objection' : `its ${answered.length} objections`} ${answered.length === 1 ? 'is' : 'are'} answered`
		: '';
	const standing = supports.filter((l) => linkStatus(l.id) === 'holds');
	const asked = questionedBy(index, id);

	if (status === 'defeated') {
		const attack = attacks.find((l) => linkStatus(l.id) === 'holds')!;
		return {
			status,
			reason: `attacked by ${quoteName(index, attack.from)}, which stands`,
			because: [attack.from]
		};
	}
	if (status === 'unestablished') {
		if (supports.length === 0)
			return {
				status,
				reason: `${asked} and no reason is given for it; nothing shows it false`,
				because: []
			};
		if (standing.length > 0)
			return {
				status,
				reason: `its only standing support is weak (${standing.map((l) => quoteName(index, l.from)).join(', ')}), not enough to establish it; nothing shows it false`,
				because: unique(standing.map((l) => l.from))
			};
		// Each reason's own step says why it fell: a premise that did not hold, or an undercut.
		const steps = supports.map((l) => ({ l, e: explainLink(index, l, nodeStatus, linkStatus) }));
		return {
			status,
			reason: `none of its reasons stands (${whyStepsFell(index, supports, nodeStatus, linkStatus)}); nothing shows it false`,
			because: unique(steps.flatMap(({ e }) => e.because)).filter((b) => index.node.has(b))
		};
	}
	if (status === 'holds') {
		if (supports.length === 0) {
			return {
				status,
				reason: `nothing stands against it, so it is taken as given until questioned${answeredText}`,
				because: unique(answered.map((l) => l.from))
			};
		}
		const list = standing.map(
			(l) => `${quoteName(index, l.from)}${l.strength ? ` (${l.strength})` : ''}`
		);
		return {
			status,
			reason: `${asked ? `${asked}, and answered: ` : ''}supported by ${list.join(', ')}${answeredText}`,
			because: unique([...standing.map((l) => l.from), ...answered.map((l) => l.from)])
		};
	}
	// Open: say what keeps it undecided.
	const openAttack = attacks.find((l) => linkStatus(l.id) === 'open');
	if (openAttack) {
		const attacker = openAttack.from;
		const mutual = (index.incoming.get(attacker) ?? []).some(
			(l) => l.relation === 'attacks' && l.from === id
		);
		if (mutual) {
			return {
				status,
				reason: `it and ${quoteName(index, attacker)} attack each other and neither is settled`,
				because: [attacker]
			};
		}
		// The attack is open because the attacker is, or because its own step is (a co-premise
		// or an undercut of it is open): say which.
		const step = explainLink(index, openAttack, nodeStatus, linkStatus);
		return nodeStatus(attacker) === 'open'
			? {
					status,
					reason: `attacked by ${quoteName(index, attacker)}, which is itself open`,
					because: [attacker]
				}
			: {
					status,
					reason: `the attack by ${quoteName(index, attacker)} is unsettled: ${step.reason}`,
					because: unique(step.because)
				};
	}
	// Say why each undecided reason is undecided: its premise, a co-premise or an undercut.
	const openSupports = supports.filter((l) => linkStatus(l.id) === 'open');
	const why = openSupports.map(
		(l) =>
			`the step from ${quoteName(index, l.from)} is open: ${explainLink(index, l, nodeStatus, linkStatus).reason}`
	);
	return {
		status,
		reason: why.join('; '),
		because: unique(
			openSupports.flatMap((l) => explainLink(index, l, nodeStatus, linkStatus).because)
		)
	};
}

const unique = (ids: string[]) => [...new Set(ids)];
