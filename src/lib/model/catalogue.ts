/**
 * The reasoning flags and argumentation schemes a reader can attach, each with the one-line
 * explanation the UI shows. Schemes follow Walton, Reed & Macagno, *Argumentation Schemes*
 * (Cambridge University Press, 2008); each critical question says whether doubting it attacks a
 * premise (an objection) or the step from premise to conclusion (an undercut).
 */

export const FLAGS = {
	'loaded-language': {
		name: 'Loaded language',
		explain: 'Words chosen to make the reader feel a verdict rather than to state a fact.'
	},
	'scare-quotes': {
		name: 'Scare quotes',
		explain:
			'Quotation marks used to sneer at a word ("generous") instead of arguing that it is wrong.'
	},
	'unsupported-assertion': {
		name: 'Unsupported assertion',
		explain: 'A claim stated as fact with no reason or source given for it.'
	},
	'evidence-gap': {
		name: 'Evidence gap',
		explain:
			'The evidence offered does not reach the claim: something needed in between is missing.'
	},
	'false-dilemma': {
		name: 'False dilemma',
		explain:
			'Only two options are offered when others exist (e.g. “only a tool” or “pure charity”).'
	},
	'motive-fallacy': {
		name: 'Motive fallacy',
		explain: 'Showing that an actor gains from something is taken to show the thing does no good.'
	},
	unfalsifiable: {
		name: 'Unfalsifiable claim',
		explain: 'No possible fact could count against the claim: every case is read as confirming it.'
	},
	'cherry-picking': {
		name: 'Cherry-picking',
		explain: 'Only the cases that fit are cited; those that do not are left out.'
	},
	'causal-leap': {
		name: 'Causal leap',
		explain: 'A correlation or sequence is taken as cause, or a purpose is read off an effect.'
	},
	'hasty-generalisation': {
		name: 'Hasty generalisation',
		explain: 'A general conclusion drawn from too few or unrepresentative cases.'
	},
	'source-reliability': {
		name: 'Source reliability',
		explain: 'The source may have a stake or a record that bears on how far to trust it.'
	},
	'factual-slip': {
		name: 'Factual slip',
		explain: 'A name, number or date that is wrong or inconsistent in the text.'
	}
} as const;

export type FlagType = keyof typeof FLAGS;
export const FLAG_TYPES = Object.keys(FLAGS) as FlagType[];

export interface CriticalQuestion {
	id: string;
	question: string;
	/** Doubting it attacks the premise (objection) or the inference (undercut). */
	attacks: 'premise' | 'inference';
	/** The text a doubt starts from, for the reader to finish. */
	doubt: string;
}

export interface Scheme {
	name: string;
	explain: string;
	questions: CriticalQuestion[];
}

const cq = (
	id: string,
	attacks: CriticalQuestion['attacks'],
	question: string,
	doubt: string
): CriticalQuestion => ({ id, question, attacks, doubt });

export const SCHEMES: Record<string, Scheme> = {
	sign: {
		name: 'From sign or evidence to hypothesis',
		explain: 'These facts are signs of that; so that is probably the case.',
		questions: [
			cq(
				'sign-1',
				'premise',
				'Are the facts offered as signs actually true?',
				'The facts offered as signs may not be accurate: '
			),
			cq(
				'sign-2',
				'inference',
				'Is there another explanation of the same signs?',
				'The same facts are also explained by '
			),
			cq(
				'sign-3',
				'inference',
				'How strong is the link between sign and hypothesis?',
				'These signs appear just as often when the hypothesis is false: '
			)
		]
	},
	consequences: {
		name: 'From consequences',
		explain: 'Doing this leads to good (or bad) outcomes; so it should (or should not) be done.',
		questions: [
			cq(
				'cons-1',
				'premise',
				'How likely is it that these consequences will follow?',
				'These consequences are unlikely because '
			),
			cq(
				'cons-2',
				'inference',
				'Are there other consequences of the opposite value?',
				'Other consequences weigh the other way: '
			),
			cq(
				'cons-3',
				'premise',
				'What evidence supports the claim that these consequences follow?',
				'No evidence is given that these consequences follow: '
			)
		]
	},
	motive: {
		name: 'From motive or interest',
		explain: 'The actor gains from this; so the actor does it for that gain.',
		questions: [
			cq(
				'motive-1',
				'premise',
				'Does the actor really gain what is claimed?',
				'It is not shown that the actor gains this: '
			),
			cq(
				'motive-2',
				'inference',
				'Could the action have other motives, alongside or instead of this one?',
				'The same action also fits other motives, such as '
			),
			cq(
				'motive-3',
				'inference',
				'Does a self-interested motive exclude that the action also does good?',
				'Even if the motive is self-interested, the aid may still help: '
			),
			cq(
				'motive-4',
				'premise',
				'Is there direct evidence of the motive (statements, documents), not only of the gain?',
				'No direct evidence of the motive is given, only of a possible gain: '
			)
		]
	},
	example: {
		name: 'From example to generalisation',
		explain: 'These cases have the property; so cases of this kind generally have it.',
		questions: [
			cq(
				'ex-1',
				'premise',
				'Are the examples true and accurately described?',
				'The examples are not accurately described: '
			),
			cq(
				'ex-2',
				'inference',
				'Are there enough examples, and are they typical?',
				'The examples are too few or untypical: '
			),
			cq('ex-3', 'inference', 'Are there counterexamples?', 'A counterexample: ')
		]
	},
	causal: {
		name: 'Causal (from cause to effect, or effect to cause)',
		explain: 'A is followed by or goes with B; so A causes B.',
		questions: [
			cq(
				'cause-1',
				'premise',
				'Is the correlation itself established?',
				'The two do not in fact go together: '
			),
			cq(
				'cause-2',
				'inference',
				'Could a third factor explain both?',
				'A third factor may explain both: '
			),
			cq(
				'cause-3',
				'inference',
				'Could the cause run the other way, or be coincidence?',
				'The relation may be reversed or coincidental: '
			)
		]
	},
	expert: {
		name: 'From expert opinion',
		explain: 'An expert in the field says so; so it is probably true.',
		questions: [
			cq(
				'expert-1',
				'premise',
				'Is the source really an expert in this field?',
				'The source is not an expert in this field: '
			),
			cq(
				'expert-2',
				'inference',
				'Is the expert reliable and without a stake in the matter?',
				'The source has a stake in the matter: '
			),
			cq('expert-3', 'inference', 'Do other experts agree?', 'Other experts disagree: ')
		]
	},
	analogy: {
		name: 'From analogy',
		explain: 'This case is like that one; that one has the property; so this one does too.',
		questions: [
			cq(
				'analogy-1',
				'premise',
				'Are the two cases really alike in the respects that matter?',
				'The cases differ in a way that matters: '
			),
			cq(
				'analogy-2',
				'inference',
				'Is there a difference that undermines the comparison?',
				'A relevant difference: '
			),
			cq(
				'analogy-3',
				'inference',
				'Is there a similar case where the conclusion does not hold?',
				'A similar case where it does not hold: '
			)
		]
	}
};

export type SchemeId = keyof typeof SCHEMES;
export const SCHEME_IDS = Object.keys(SCHEMES);
export const QUESTION_IDS = Object.values(SCHEMES).flatMap((s) => s.questions.map((q) => q.id));

export function questionById(id: string): (CriticalQuestion & { scheme: string }) | undefined {
	for (const [scheme, s] of Object.entries(SCHEMES)) {
		const q = s.questions.find((x) => x.id === id);
		if (q) return { ...q, scheme };
	}
	return undefined;
}
