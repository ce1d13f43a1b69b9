/**
 * How much of a statement is still the source's own words: paraphrasing is part of the skill
 * being taught, so the details panel shows it beside the anchored passage.
 */

/** Words as the copied-runs check counts them: lower-case letters and digits. */
function words(s: string): string[] {
	return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface Copied {
	/** Words of the statement that sit in a run of `minRun` or more words of the passage. */
	copied: number;
	/** Words in the statement. */
	total: number;
	/** The longest run of consecutive words the statement shares with the passage. */
	longest: number;
}

/**
 * Example: `copiedWords('Japan gave a loan of $68 million in 2012', passage)` →
 * `{ copied: 7, total: 9, longest: 7 }` when seven of its words follow the passage word for word.
 */
export function copiedWords(statement: string, passage: string, minRun = 4): Copied {
	const a = words(statement);
	const b = words(passage);
	const marked = new Array<boolean>(a.length).fill(false);
	let longest = 0;
	// Longest common run ending at each pair (i, j): the classic dynamic programme, one row kept.
	let prev = new Array<number>(b.length + 1).fill(0);
	for (let i = 1; i <= a.length; i++) {
		const row = new Array<number>(b.length + 1).fill(0);
		for (let j = 1; j <= b.length; j++) {
			if (a[i - 1] !== b[j - 1]) continue;
			const run = prev[j - 1]! + 1;
			row[j] = run;
			if (run > longest) longest = run;
			if (run >= minRun) for (let k = i - run; k < i; k++) marked[k] = true;
		}
		prev = row;
	}
	return { copied: marked.filter(Boolean).length, total: a.length, longest };
}
