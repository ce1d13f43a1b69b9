/**
 * New maps: from scratch (a thesis and N reasons) or as a copy of another. The thesis and its
 * reasons are what the source argues, so they are the source layer ("As written"); whatever the
 * reader adds afterwards is the reader's.
 */
import { PLACEHOLDER_TAG } from './queries';
import { CURRENT_VERSION, type ArgumentMap, type Source } from './schema';

export function templateMap(source: Source, thesis: string, reasons: number): ArgumentMap {
	const count = Math.max(0, Math.min(12, Math.floor(reasons)));
	return {
		$schema: './schema.json',
		format: 'warrant-map',
		version: CURRENT_VERSION,
		source,
		nodes: [
			{
				id: 'thesis',
				kind: 'thesis',
				text: thesis.trim() || 'The thesis',
				origin: 'source',
				inText: 'stated'
			},
			...Array.from({ length: count }, (_, i) => ({
				id: `reason-${i + 1}`,
				kind: 'claim' as const,
				label: `Reason ${i + 1}`,
				text: `Reason ${i + 1}`,
				// Undecided until someone writes what the reason is (model/queries isPlaceholder).
				tags: [PLACEHOLDER_TAG],
				origin: 'source' as const,
				inText: 'stated' as const
			}))
		],
		links: Array.from({ length: count }, (_, i) => ({
			id: `link-${i + 1}`,
			from: `reason-${i + 1}`,
			to: 'thesis',
			relation: 'supports' as const,
			origin: 'source' as const,
			inText: 'stated' as const
		}))
	};
}

export { slugify } from './ids';
