/**
 * The one stateful owner of an open map: the map value, its index and layout, and the
 * selection. Components read from it and call its methods; they never change a map themselves.
 */
import { childrenOf, indexMap, parentOf, type MapIndex } from '../model/queries';
import type { ArgumentMap } from '../model/schema';
import type { MapLayout } from '../layout/types';
import type { LayoutClient } from '../layout/client';

export class MapEditor {
	map = $state.raw<ArgumentMap>() as ArgumentMap;
	layout = $state.raw<MapLayout>() as MapLayout;
	selected = $state<string | undefined>(undefined);
	index: MapIndex = $derived(indexMap(this.map));
	/** Claims whose evidence column is folded to a count. */
	collapsed = $state.raw<string[]>([]);
	/** Set while a layout is being computed; a layout failure is kept as a sentence. */
	layingOut = $state(false);
	layoutError = $state<string | undefined>(undefined);
	private client: LayoutClient | undefined;

	constructor(map: ArgumentMap, layout: MapLayout) {
		this.map = map;
		this.layout = layout;
	}

	/** Later layouts run in the worker; until one is attached the server's layout stands. */
	useLayoutClient(client: LayoutClient | undefined) {
		this.client = client;
	}

	async relayout() {
		if (!this.client) return;
		this.layingOut = true;
		const r = await this.client.layout(this.map, { collapsed: this.collapsed });
		if (r.ok) {
			this.layout = r.layout;
			this.layoutError = undefined;
			this.layingOut = false;
		} else if (!r.stale) {
			this.layoutError = `The map could not be laid out again: ${r.message}`;
			this.layingOut = false;
		}
	}

	toggleColumn(target: string) {
		this.collapsed = this.collapsed.includes(target)
			? this.collapsed.filter((t) => t !== target)
			: [...this.collapsed, target];
		return this.relayout();
	}

	/** Fold (or unfold) every evidence column: an overview of the argument's structure. */
	collapseAll(fold: boolean) {
		this.collapsed = fold ? this.layout.columns.map((c) => c.target) : [];
		return this.relayout();
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
