/**
 * ELK's answers, kept by the graph they answer: the same ELK input graph always gets the same
 * layout (layered layout is deterministic), so a graph laid out before is not laid out again.
 * It pays where a map changes without changing its boxes (a verdict, a source's metadata, a
 * text edit that keeps the line count: a new file revision, the same geometry), on undo and redo
 * in the layout worker, and where the server lays the same map out for several pages (the map
 * page, exports, an exercise's class view).
 *
 * Bounded twice, oldest dropped first: by entries, and by the characters of the keys (a key is
 * the graph as JSON: about 0.3 MB at 1000 statements).
 */
import type { ElkResult } from './from-elk';

export class LayoutMemo {
	private readonly kept = new Map<string, ElkResult>();
	private chars = 0;

	constructor(
		private readonly maxEntries = 64,
		private readonly maxChars = 16_000_000
	) {}

	/** The result kept for `key`, which becomes the newest. */
	get(key: string): ElkResult | undefined {
		const r = this.kept.get(key);
		if (r) {
			this.kept.delete(key);
			this.kept.set(key, r);
		}
		return r;
	}

	/** Keep `result` for `key` (only what fromElk reads), dropping the oldest beyond the bounds. */
	set(key: string, result: ElkResult): void {
		if (key.length > this.maxChars) return;
		if (this.kept.delete(key)) this.chars -= key.length;
		this.kept.set(key, compact(result));
		this.chars += key.length;
		for (const old of this.kept.keys()) {
			if (this.kept.size <= this.maxEntries && this.chars <= this.maxChars) break;
			this.kept.delete(old);
			this.chars -= old.length;
		}
	}

	get size(): number {
		return this.kept.size;
	}
}

/** The positions and routes of an ELK answer, without the input graph ELK writes them into. */
function compact(r: ElkResult): ElkResult {
	return {
		width: r.width,
		height: r.height,
		children: r.children?.map(({ id, x, y, width, height }) => ({ id, x, y, width, height })),
		edges: r.edges?.map(({ id, sections }) => ({
			id,
			sections: sections?.map(({ startPoint, endPoint, bendPoints }) => ({
				startPoint: { x: startPoint.x, y: startPoint.y },
				endPoint: { x: endPoint.x, y: endPoint.y },
				bendPoints: bendPoints?.map((p) => ({ x: p.x, y: p.y }))
			}))
		}))
	};
}
