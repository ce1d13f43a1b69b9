/**
 * The one stateful owner of an open map: the map value, its index and layout, and the
 * selection. Components read from it and call its methods; they never change a map themselves.
 */
import { childrenOf, indexMap, parentOf, type MapIndex } from '../model/queries';
import type { ArgumentMap } from '../model/schema';
import type { MapLayout } from '../layout/types';

export class MapEditor {
	map = $state.raw<ArgumentMap>() as ArgumentMap;
	layout = $state.raw<MapLayout>() as MapLayout;
	selected = $state<string | undefined>(undefined);
	index: MapIndex = $derived(indexMap(this.map));

	constructor(map: ArgumentMap, layout: MapLayout) {
		this.map = map;
		this.layout = layout;
	}

	select(id: string | undefined) {
		this.selected = id && this.index.node.has(id) ? id : undefined;
	}

	/** Where an arrow key leads from `id` along the map's structure, or undefined. */
	neighbour(
		id: string,
		key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'
	): string | undefined {
		if (key === 'ArrowUp') return parentOf(this.index, id);
		if (key === 'ArrowDown') return childrenOf(this.index, id)[0];
		const parent = parentOf(this.index, id);
		if (!parent) return undefined;
		const siblings = childrenOf(this.index, parent);
		const i = siblings.indexOf(id);
		return siblings[i + (key === 'ArrowRight' ? 1 : -1)];
	}
}
