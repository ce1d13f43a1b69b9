/**
 * Ships the UI font and its metrics together, so the browser draws exactly what the layout
 * measured. Reads Inter (from @fontsource/inter) and writes:
 *   static/fonts/inter-<subset>-<weight>.woff2     the files the app serves
 *   src/lib/layout/font-metrics.json               advance widths per code point, per weight
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
	advances: Record<string, Record<string, number>>;
} = {
	family: 'Inter',
	unitsPerEm: 0,
	advances: {}
};
for (const weight of weights) {
	const table: Record<string, number> = {};
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
	out.advances[weight] = table;
}
writeFileSync(join(root, 'src/lib/layout/font-metrics.json'), JSON.stringify(out) + '\n');
console.log(
	`metrics for ${Object.keys(out.advances[400]!).length} code points, ${weights.length} weights`
);
