/**
 * Ships the UI font and its metrics together, so the browser draws exactly what the layout
 * measured. Reads Inter (from @fontsource/inter) and writes:
 *   static/fonts/inter-<subset>-<weight>.woff2     the files the app serves
 *   src/lib/layout/font-metrics.json               advance widths per code point, per weight, as
 *                                                  runs of consecutive code points ([first, w, w…])
 * Run with `npx tsx scripts/font-metrics.ts` after changing the font; the JSON is committed.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error fontkit ships no types
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const files = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files');
const subsets = ['latin', 'latin-ext'];
const weights = [400, 600];

mkdirSync(join(root, 'static/fonts'), { recursive: true });
const out: {
	family: string;
	unitsPerEm: number;
	runs: Record<string, number[][]>;
} = {
	family: 'Inter',
	unitsPerEm: 0,
	runs: {}
};
/** The table as runs of consecutive code points: [first, its width, the next one's, …]. */
function runs(table: Record<number, number>): number[][] {
	const out: number[][] = [];
	let run: number[] | undefined;
	for (const cp of Object.keys(table)
		.map(Number)
		.sort((a, b) => a - b)) {
		if (run && cp === run[0]! + run.length - 1) run.push(table[cp]!);
		else out.push((run = [cp, table[cp]!]));
	}
	return out;
}
let points = 0;
for (const weight of weights) {
	const table: Record<number, number> = {};
	for (const subset of subsets) {
		const name = `inter-${subset}-${weight}-normal.woff2`;
		copyFileSync(join(files, name), join(root, 'static/fonts', name));
		const font = fontkit.openSync(join(files, name));
		out.unitsPerEm = font.unitsPerEm;
		for (const cp of font.characterSet as number[]) {
			if (table[cp] !== undefined) continue;
			table[cp] = font.glyphForCodePoint(cp).advanceWidth;
		}
	}
	out.runs[weight] = runs(table);
	points = Object.keys(table).length;
}
writeFileSync(join(root, 'src/lib/layout/font-metrics.json'), JSON.stringify(out) + '\n');
console.log(`metrics for ${points} code points, ${weights.length} weights`);
