/** New maps: from scratch (a thesis and N reasons) or as a copy of another. */
import { CURRENT_VERSION, type ArgumentMap, type Source } from './schema';

export function templateMap(
	source: Source,
	thesis: string,
	reasons: number,
	author?: string
): ArgumentMap {
	const count = Math.max(0, Math.min(12, Math.floor(reasons)));
	const by = author ? { author } : {};
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
				origin: 'reader',
				...by
			},
			...Array.from({ length: count }, (_, i) => ({
				id: `reason-${i + 1}`,
				kind: 'claim' as const,
				label: `Reason ${i + 1}`,
				text: `Reason ${i + 1}`,
				origin: 'reader' as const,
				...by
			}))
		],
		links: Array.from({ length: count }, (_, i) => ({
			id: `link-${i + 1}`,
			from: `reason-${i + 1}`,
			to: 'thesis',
			relation: 'supports' as const,
			origin: 'reader' as const,
			...by
		}))
	};
}

/** A slug made from a title, for a new map's id: "Japan and Mongolia!" → "japan-and-mongolia". */
export function slugify(title: string): string {
	const s = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 48)
		.replace(/-+$/g, '');
	return s || 'map';
}
