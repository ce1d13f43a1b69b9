/**
 * Text measurement with the metrics of the font the app ships (Inter, static/fonts/), so the
 * server, the worker and the browser agree to the pixel. The renderer turns kerning and
 * contextual alternates off (see app.css), which makes a line's width the plain sum of
 * advance widths that this module computes.
 */
import metrics from './font-metrics.json';

export type Weight = 400 | 600;

export interface TextStyle {
	/** px */
	size: number;
	weight: Weight;
	/** px between baselines */
	lineHeight: number;
}

const perEm = metrics.unitsPerEm;
/**
 * Advance widths by code point. The file keeps them as runs of consecutive code points, each
 * `[first, width of first, width of first + 1, …]`: 9.9 KB instead of 20.8 (2.6 KB brotli
 * instead of 3.7) in the page's bundle.
 */
function table(runs: number[][]): Record<number, number> {
	const t: Record<number, number> = {};
	for (const [first, ...widths] of runs) widths.forEach((w, i) => (t[first! + i] = w));
	return t;
}
const tables: Record<Weight, Record<number, number>> = {
	400: table(metrics.runs['400']),
	600: table(metrics.runs['600'])
};
// A character the font lacks is drawn by a fallback font; assume a full em (a CJK glyph's width) so it never overflows.
const FALLBACK_EM = 1;

/** Width of `text` in px, as the browser draws it with the shipped font. */
export function textWidth(text: string, style: Pick<TextStyle, 'size' | 'weight'>): number {
	const table = tables[style.weight];
	let units = 0;
	for (const ch of text) {
		const adv = table[ch.codePointAt(0)!];
		units += adv ?? FALLBACK_EM * perEm;
	}
	return (units / perEm) * style.size;
}

// Every layout measures every box again, and most texts are unchanged since the last one: the
// lines of a text in a font at a width are kept (breaking is 18–20% of ELK's time at 1000+
// statements). Bounded: a long session of typing cannot grow it without end.
const lineCache = new Map<string, readonly string[]>();
const LINE_CACHE_MAX = 20_000;

/**
 * Greedy line breaking at spaces (and after hyphens and slashes); a word wider than the line
 * is split between characters. Returns at least one line.
 */
export function breakLines(
	text: string,
	maxWidth: number,
	style: Pick<TextStyle, 'size' | 'weight'>
): string[] {
	const key = `${style.size}|${style.weight}|${maxWidth}|${text}`;
	let lines = lineCache.get(key);
	if (!lines) {
		if (lineCache.size >= LINE_CACHE_MAX) lineCache.clear();
		lines = breakText(text, maxWidth, style);
		lineCache.set(key, lines);
	}
	return [...lines];
}

function breakText(
	text: string,
	maxWidth: number,
	style: Pick<TextStyle, 'size' | 'weight'>
): string[] {
	const words = text
		.replace(/\s+/g, ' ')
		.trim()
		.split(/(?<=[ \-/–—])/);
	const lines: string[] = [];
	let line = '';
	const fits = (s: string) => textWidth(s.trimEnd(), style) <= maxWidth;
	for (const word of words) {
		if (fits(line + word)) {
			line += word;
			continue;
		}
		if (line) lines.push(line.trimEnd());
		// An over-long word (a URL, a long number) is cut wherever the line is full.
		let rest = word;
		while (!fits(rest)) {
			let cut = 1;
			while (cut < rest.length && fits(rest.slice(0, cut + 1))) cut++;
			lines.push(rest.slice(0, cut));
			rest = rest.slice(cut);
		}
		line = rest;
	}
	if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
	return lines;
}
