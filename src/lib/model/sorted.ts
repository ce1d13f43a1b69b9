/**
 * The index of the last number in `sorted` (ascending, not empty) that is at most `value`, or 0
 * when all are greater: which line an offset is on, which block of a text it is in.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
	let lo = 0;
	let hi = sorted.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (sorted[mid]! <= value) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}
