/** The statuses evaluation gives, their words, and the weights of support (model/evaluate.ts). */
import type { Strength } from './schema';

/**
 * holds: established. unestablished: not shown — questioned with no standing reason, or its
 * reasons fell — but nothing shows it false. defeated: a standing counter-claim (or the
 * reader's rejection) says it is false. open: undecided.
 */
export type Status = 'holds' | 'unestablished' | 'defeated' | 'open';
export const STATUSES: readonly Status[] = ['holds', 'unestablished', 'defeated', 'open'];

/** The words for a status, as people say them. */
export const STATUS_WORDS: Record<Status, string> = {
	holds: 'holds',
	unestablished: 'not established',
	defeated: 'defeated',
	open: 'open'
};

export interface Explanation {
	status: Status;
	/** One plain sentence. */
	reason: string;
	/** The statements and links the reason rests on. */
	because: string[];
}

export interface Evaluation {
	nodes: Map<string, Explanation>;
	links: Map<string, Explanation>;
}

/** Weight of a support; a conclusion needs standing support of weight 2 (one moderate reason). */
export const WEIGHT: Record<Strength, number> = { strong: 3, moderate: 2, weak: 1 };
export const SUFFICIENT = 2;
