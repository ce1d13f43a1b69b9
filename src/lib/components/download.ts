/**
 * "Download my map": the map as its file, `<id>.map.json`, in the canonical form a save writes
 * (so it opens in Warrant, validates with `warrant validate`, and diffs cleanly).
 */
import { serializeMap } from '$lib/model/serialize';
import type { ArgumentMap } from '$lib/model/schema';

/** Hand the map to the browser as a download. */
export function downloadMap(id: string, map: ArgumentMap): void {
	const blob = new Blob([serializeMap(map)], { type: 'application/json' });
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = `${id}.map.json`;
	document.body.append(a);
	a.click();
	a.remove();
	// The download has started from the URL; it can go once this task is over.
	setTimeout(() => URL.revokeObjectURL(url), 0);
}
