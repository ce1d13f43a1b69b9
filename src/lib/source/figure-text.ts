/**
 * A figure in words, in full: how a typed or selected figure was read, and what a figure's
 * field shows. Reading it back (figures.ts) gives the same figure, so a field never shows a
 * value other than the one stored. Small on purpose: the details form loads it with every
 * statement, and the readers only when a figure is typed.
 */
import type { Figure } from '../model/schema';

/** The number exactly as stored, with thousands commas: 92000000 → "92,000,000", -3.5 → "-3.5". */
export function formatNumber(value: number): string {
	const s = String(value);
	if (/e/i.test(s)) return value.toLocaleString('en-US', { maximumFractionDigits: 20 });
	const [whole, fraction] = s.split('.');
	const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ',');
	return fraction ? `${grouped}.${fraction}` : grouped;
}

/**
 * How a figure reads, in full: "92,000,000 EUR · 2018–2020", "about 1,000 students",
 * "2.6% of GDP · 2023", "68,000,000 USD loan · 2012", "-3.5%", "92,000,000" (a count).
 */
export function describeFigure(f: Figure): string {
	const q = f.qualifier ? `${f.qualifier} ` : '';
	const n = formatNumber(f.value);
	const amount = f.unit?.startsWith('%') ? `${n}${f.unit}` : f.unit ? `${n} ${f.unit}` : n;
	const what = f.what ? ` ${f.what}` : '';
	const years = f.year ? ` · ${f.year}${f.yearEnd ? `–${f.yearEnd}` : ''}` : '';
	return `${q}${amount}${what}${years}`;
}
