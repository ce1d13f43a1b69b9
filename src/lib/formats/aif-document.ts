/**
 * The AIF document (aif.ts): its JSON shape with Warrant's extension, the node types, and the
 * scheme names AIF tools write; shared by writing (aif-print.ts) and reading (aif-read.ts,
 * aif-map.ts).
 */
import { SCHEME_IDS } from '../model/catalogue';
import type { ArgumentMap, MapLink, MapNode } from '../model/schema';

/** The extension key that carries what AIF has no place for. */
export const EXTENSION = 'warrant';

export interface AifNode {
	nodeID: string;
	text: string;
	type: string;
	scheme?: string;
}
export interface AifEdge {
	edgeID: string;
	fromID: string;
	toID: string;
	formEdgeID: null;
}
export interface AifLocution {
	nodeID: string;
	personID: string;
}
/** What travels under `warrant`: per node and per S-node, by nodeID, and the map's own fields. */
export interface Extension {
	version: number;
	map: Omit<ArgumentMap, 'format' | 'version' | 'nodes' | 'links'>;
	nodes: Record<string, Omit<MapNode, 'id' | 'text'>>;
	links: Record<string, Omit<MapLink, 'id' | 'from' | 'to' | 'with' | 'relation'>>;
}
export interface AifDocument {
	nodes: AifNode[];
	edges: AifEdge[];
	locutions: AifLocution[];
	participants: { participantID: string; firstname: string; surname: string }[];
	[EXTENSION]: Extension;
}

/**
 * Scheme names as AIF tools write them (Araucaria's CamelCase in `scheme`, AIFdb's "Argument
 * From Expert Opinion" in the RA's text), folded to lower-case letters, → Warrant's schemes.
 * The first name of each is the one written.
 */
export const SCHEME_NAMES: Record<string, readonly string[]> = {
	sign: ['Sign', 'SignToHypothesis', 'EvidenceToHypothesis'],
	consequences: ['Consequences', 'PositiveConsequences', 'NegativeConsequences'],
	motive: ['Motive', 'MotiveOrInterest', 'Interest'],
	example: ['Example', 'ExampleToGeneralisation', 'ExampleToGeneralization'],
	causal: ['CauseToEffect', 'EffectToCause', 'Cause', 'CorrelationToCause'],
	expert: ['ExpertOpinion', 'Expert'],
	analogy: ['Analogy']
};
const fold = (name: string) =>
	name
		.toLowerCase()
		.replace(/[^a-z]/g, '')
		.replace(/^(argument|arg)?(from|to)?/, '');
const SCHEME_BY_NAME = new Map(
	Object.entries(SCHEME_NAMES).flatMap(([id, names]) => names.map((n) => [fold(n), id] as const))
);

/** The Warrant scheme an AIF scheme name stands for, or undefined. */
export function schemeOf(name: string): string | undefined {
	const id = SCHEME_BY_NAME.get(fold(name));
	return id && SCHEME_IDS.includes(id) ? id : undefined;
}

export const KNOWN_TYPES: Record<string, string> = {
	I: 'information',
	RA: 'inference',
	CA: 'conflict',
	MA: 'rephrase',
	PA: 'preference',
	TA: 'transition',
	L: 'locution',
	YA: 'illocution'
};
/** Node types with no counterpart in a map: what they are, for the note that says they are left out. */
export const LEFT_OUT: Record<string, string> = {
	L: 'locutions (who said what) are dialogue, not argument',
	YA: 'illocutions tie locutions to what they assert',
	TA: 'transitions order the turns of a dialogue',
	MA: 'rephrases have no counterpart in a map',
	PA: 'preferences have no counterpart in a map'
};
export const READER = 'Reader';
/** Ids of the nodes marking a reader's item: not slugs, so they never meet a Warrant id. */
export const readerMark = (id: string) => ({ l: `reader:${id}`, ya: `reader:${id}:asserts` });
