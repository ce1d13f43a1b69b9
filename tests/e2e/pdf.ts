/**
 * Printing to PDF in the end-to-end tests: Chromium's "Save as PDF" (page.pdf), read back with
 * poppler (pdftotext, pdftoppm; scripts/ensure-poppler.mjs installs them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from './fixtures';
import { artifact } from './helpers';

/** Print the page as Chromium's "Save as PDF" does (A4 unless told), kept as an artifact. */
export async function printToPdf(page: Page, name: string, format = 'A4'): Promise<string> {
	await page.evaluate(() => document.fonts.ready);
	const dir = artifact(name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `${name}.pdf`);
	writeFileSync(file, await page.pdf({ format, printBackground: true }));
	return file;
}

/**
 * The text of each page of a PDF: as laid out on the page, or (`raw`) in the order it was drawn,
 * which keeps a wrapped statement's words together when a chip stands beside them (pdftotext
 * separates pages with a form feed).
 */
export function pagesText(pdf: string, order: 'layout' | 'raw' = 'layout'): string[] {
	const text = execFileSync('pdftotext', [`-${order}`, pdf, '-'], { encoding: 'utf8' });
	return text.split('\f').slice(0, -1);
}

/**
 * The share of a page's pixels that are not white, from a greyscale rendering (binary PGM),
 * below the top `skipMm` millimetres of the A4 page.
 */
export function inkShare(pgm: Buffer, skipMm = 0): number {
	// Header: "P5", width, height, maxval, each followed by white space; then one byte a pixel.
	const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
	if (!header) throw new Error('not a binary PGM');
	const [, w, h] = header.map(Number);
	const pixels = pgm.subarray(header[0].length);
	expect(pixels.length).toBe(w! * h!);
	const below = pixels.subarray(Math.round((h! * skipMm) / 297) * w!);
	let ink = 0;
	for (const p of below) if (p < 200) ink++;
	return ink / below.length;
}
