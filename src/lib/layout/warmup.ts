import { CURRENT_VERSION, type ArgumentMap } from '../model/schema';

/** A small map that exercises every part of the pipeline, used to warm ELK up. */
export function syntheticWarmup(): ArgumentMap {
	const nodes = Array.from({ length: 12 }, (_, i) => ({
		id: `n${i}`,
		kind: i === 0 ? ('thesis' as const) : i < 4 ? ('claim' as const) : ('evidence' as const),
		text: `Warm-up statement number ${i} with a few words to break`,
		origin: 'source' as const
	}));
	const links = nodes.slice(1).map((n, i) => ({
		id: `l${i}`,
		from: n.id,
		to: i < 3 ? 'n0' : `n${1 + (i % 3)}`,
		relation: 'supports' as const,
		origin: 'source' as const
	}));
	return {
		format: 'warrant-map',
		version: CURRENT_VERSION,
		source: { title: 'warm-up' },
		nodes,
		links
	};
}
