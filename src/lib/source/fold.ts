/**
 * The text as the matcher sees it: white space runs become one space, typographic quotes and
 * dashes their plain forms, letters lower case, invisible characters gone. A quote typed with
 * straight quotes, a paragraph split in two or a capital after a merged sentence then still
 * match exactly. Each folded character remembers where it came from, so matches map back to
 * offsets in the real text.
 */

export interface Folded {
	/** The folded text. */
	readonly text: string;
	/** `at[i]`: the offset in the original of folded character i; `at[text.length]`: its length. */
	readonly at: Int32Array;
}

/** White space as JavaScript's \s knows it, by code (a regular expression per character is slow). */
function isSpace(c: number): boolean {
	return (
		(c >= 9 && c <= 13) ||
		c === 32 ||
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000
	);
}

/** Soft hyphen, zero-width space and joiners, word joiner, byte order mark: they change no reading. */
function isInvisible(c: number): boolean {
	return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}
const PLAIN: Record<string, string> = {
	'\u2018': "'",
	'\u2019': "'",
	'\u201a': "'",
	'\u201b': "'",
	'\u2032': "'",
	'\u201c': '"',
	'\u201d': '"',
	'\u201e': '"',
	'\u201f': '"',
	'\u2033': '"',
	'\u00ab': '"',
	'\u00bb': '"',
	'\u2010': '-',
	'\u2011': '-',
	'\u2012': '-',
	'\u2013': '-',
	'\u2014': '-',
	'\u2015': '-',
	'\u2212': '-'
};

/** `s` folded, with the map back to its offsets. */
export function fold(s: string): Folded {
	const out: string[] = [];
	const at = new Int32Array(s.length + 1);
	let n = 0;
	let space = false;
	for (let i = 0; i < s.length; i++) {
		const code = s.charCodeAt(i);
		if (isSpace(code)) {
			if (space) continue;
			space = true;
			out.push(' ');
			at[n++] = i;
			continue;
		}
		if (isInvisible(code)) continue;
		space = false;
		const c = s[i]!;
		if (code < 128) {
			// ASCII: the common case, without a table lookup.
			out.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c);
			at[n++] = i;
			continue;
		}
		const plain = PLAIN[c];
		// Lower case only where it keeps one character for one (Turkish İ does not).
		const lower = plain ?? c.toLowerCase();
		out.push(lower.length === 1 ? lower : c);
		at[n++] = i;
	}
	at[n] = s.length;
	return { text: out.join(''), at: at.subarray(0, n + 1) };
}

/** The folded offset of an original offset: the first folded character at or after it. */
export function foldedOffset(f: Folded, offset: number): number {
	let lo = 0;
	let hi = f.text.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (f.at[mid]! < offset) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The original range of the folded range [start, end). */
export function originalSpan(
	f: Folded,
	start: number,
	end: number
): { start: number; end: number } {
	if (end <= start) return { start: f.at[start]!, end: f.at[start]! };
	return { start: f.at[start]!, end: f.at[end - 1]! + 1 };
}
