/**
 * Edit distances of an anchor's context, anchored at the quote: how well a prefix fits before
 * a candidate and a suffix after it (anchor-score.ts).
 */

/**
 * The fewest edits that turn `pattern` into the text that ends at `end` (its start free):
 * how well a prefix fits before a candidate.
 */
export function errorsBefore(text: string, end: number, pattern: string): number {
	if (text.endsWith(pattern, end)) return 0;
	const from = Math.max(0, end - pattern.length - (pattern.length >> 1) - 2);
	return anchoredDistance(pattern, text, end - 1, from - 1, -1);
}

/** The fewest edits that turn `pattern` into the text that starts at `start` (its end free). */
export function errorsAfter(text: string, start: number, pattern: string): number {
	if (text.startsWith(pattern, start)) return 0;
	const to = Math.min(text.length, start + pattern.length + (pattern.length >> 1) + 2);
	return anchoredDistance(pattern, text, start, to, 1);
}

let rows: [Int32Array, Int32Array] = [new Int32Array(512), new Int32Array(512)];

/**
 * Edit distance between the whole `pattern` (read in `step` direction) and the text read from
 * `from` towards `to` (exclusive), where the text may stop anywhere: min over j of d(pattern,
 * text[from … from + j·step]). One row of the classic table at a time.
 */
function anchoredDistance(
	pattern: string,
	text: string,
	from: number,
	to: number,
	step: 1 | -1
): number {
	const m = pattern.length;
	const width = Math.abs(to - from);
	// Two rows reused across calls: this runs for every candidate's context.
	if (rows[0].length <= width)
		rows = [new Int32Array(width * 2 + 2), new Int32Array(width * 2 + 2)];
	let [prev, row] = rows;
	for (let j = 0; j <= width; j++) prev[j] = j;
	for (let i = 1; i <= m; i++) {
		const pc = pattern.charCodeAt(step === 1 ? i - 1 : m - i);
		row[0] = i;
		let left = i;
		for (let j = 1, at = from; j <= width; j++, at += step) {
			let v = prev[j - 1]! + (pc === text.charCodeAt(at) ? 0 : 1);
			const up = prev[j]! + 1;
			if (up < v) v = up;
			if (left + 1 < v) v = left + 1;
			row[j] = v;
			left = v;
		}
		[prev, row] = [row, prev];
	}
	let best = m;
	for (let j = 0; j <= width; j++) if (prev[j]! < best) best = prev[j]!;
	return best;
}
