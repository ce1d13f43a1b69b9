import type { ServerInit } from '@sveltejs/kit';
import { layoutMap } from '$lib/layout/run';
import { syntheticWarmup } from '$lib/layout/warmup';

// ELK is slow when cold (230–400 ms for the first layout in a fresh process, 35 ms warm):
// lay out a small map at boot so the first visitor gets a warm layout.
export const init: ServerInit = async () => {
	try {
		await layoutMap(syntheticWarmup());
	} catch {
		// A failed warm-up only costs the first request its speed.
	}
};
