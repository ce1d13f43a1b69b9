/**
 * The assignment problem solved exactly: the Hungarian method of Kuhn (1955) with Munkres'
 * (1957) bound, in the O(n²·m) shortest-augmenting-path form with potentials (as Jonker and
 * Volgenant and most textbooks write it). Written here rather than taken from npm: it is
 * forty lines, and owning it keeps compare/ free of a dependency for one function.
 */

/**
 * The rows-to-columns assignment of least total cost for an n × m cost matrix (any shape):
 * `result[i]` is the column given to row i, or -1 when there are more rows than columns and
 * row i gets none. Example: `assign([[4, 1], [2, 8]])` → `[1, 0]`.
 */
export function assign(cost: readonly (readonly number[])[]): number[] {
	const rows = cost.length;
	const cols = rows ? cost[0]!.length : 0;
	if (!rows || !cols) return new Array<number>(rows).fill(-1);
	// The algorithm wants rows ≤ columns: solve the transpose otherwise.
	if (rows > cols) {
		const t = Array.from({ length: cols }, (_, j) => cost.map((r) => r[j]!));
		const byCol = assign(t);
		const out = new Array<number>(rows).fill(-1);
		byCol.forEach((i, j) => {
			if (i >= 0) out[i] = j;
		});
		return out;
	}
	const n = rows;
	const m = cols;
	// 1-based arrays; column 0 is the virtual start of each augmenting path.
	const u = new Float64Array(n + 1);
	const v = new Float64Array(m + 1);
	const p = new Int32Array(m + 1); // p[j]: the row assigned to column j (0: none)
	const way = new Int32Array(m + 1);
	const minv = new Float64Array(m + 1);
	const used = new Uint8Array(m + 1);
	for (let i = 1; i <= n; i++) {
		p[0] = i;
		let j0 = 0;
		minv.fill(Infinity);
		used.fill(0);
		do {
			used[j0] = 1;
			const i0 = p[j0]!;
			const row = cost[i0 - 1]!;
			let delta = Infinity;
			let j1 = 0;
			for (let j = 1; j <= m; j++) {
				if (used[j]) continue;
				const cur = row[j - 1]! - u[i0]! - v[j]!;
				if (cur < minv[j]!) {
					minv[j] = cur;
					way[j] = j0;
				}
				if (minv[j]! < delta) {
					delta = minv[j]!;
					j1 = j;
				}
			}
			for (let j = 0; j <= m; j++) {
				if (used[j]) {
					const i1 = p[j]!;
					u[i1] = u[i1]! + delta;
					v[j] = v[j]! - delta;
				} else minv[j] = minv[j]! - delta;
			}
			j0 = j1;
		} while (p[j0] !== 0);
		do {
			const j1 = way[j0]!;
			p[j0] = p[j1]!;
			j0 = j1;
		} while (j0);
	}
	const out = new Array<number>(n).fill(-1);
	for (let j = 1; j <= m; j++) if (p[j]) out[p[j]! - 1] = j - 1;
	return out;
}
