import { describe, expect, it } from 'vitest';
import { assign } from './hungarian';

/** The least total cost by trying every assignment (small matrices only). */
function brute(cost: number[][]): number {
	const rows = cost.length;
	const cols = cost[0]!.length;
	let best = Infinity;
	const used = new Array<boolean>(cols).fill(false);
	const go = (i: number, sum: number, left: number) => {
		if (i === rows || left === 0) {
			best = Math.min(best, sum);
			return;
		}
		if (rows - i > left) go(i + 1, sum, left); // row i may stay unassigned only when rows > cols
		for (let j = 0; j < cols; j++) {
			if (used[j]) continue;
			used[j] = true;
			go(i + 1, sum + cost[i]![j]!, left - 1);
			used[j] = false;
		}
	};
	go(0, 0, Math.min(rows, cols));
	return best;
}

const costOf = (cost: number[][], a: number[]) =>
	a.reduce((n, j, i) => n + (j >= 0 ? cost[i]![j]! : 0), 0);

describe('assign (Hungarian method)', () => {
	it('finds the assignment a greedy choice misses', () => {
		// Greedy takes the 1 and is left with 8; the optimum is 2 + 2.
		expect(
			assign([
				[1, 2],
				[2, 8]
			])
		).toEqual([1, 0]);
	});

	it('matches brute force on random square and rectangular matrices', () => {
		let seed = 7;
		const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		for (let t = 0; t < 200; t++) {
			const rows = 1 + Math.floor(rnd() * 6);
			const cols = 1 + Math.floor(rnd() * 6);
			const cost = Array.from({ length: rows }, () =>
				Array.from({ length: cols }, () => Math.round(rnd() * 20) / 4)
			);
			const a = assign(cost);
			expect(a).toHaveLength(rows);
			const cols_ = a.filter((j) => j >= 0);
			expect(new Set(cols_).size).toBe(cols_.length);
			expect(cols_.length).toBe(Math.min(rows, cols));
			expect(costOf(cost, a)).toBeCloseTo(brute(cost), 9);
		}
	});

	it('handles an empty matrix', () => {
		expect(assign([])).toEqual([]);
		expect(assign([[], []])).toEqual([-1, -1]);
	});
});
