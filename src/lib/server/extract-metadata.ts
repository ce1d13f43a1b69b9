/**
 * The source's metadata for extract.ts: bounded fields, dates as YYYY-MM-DD, BCP 47 language
 * tags, http(s) addresses, and the publication date a page declares.
 */
import { normalizeText } from './extract-blocks';

/** As the map format's `source.url` (model/schema.ts). */
const MAX_URL = 2000;

/** `s` cut to `max` characters at a word boundary, with an ellipsis when cut. */
function clip(s: string, max: number): string {
	if (s.length <= max) return s;
	const cut = s.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A non-empty, normalised, bounded string, or undefined. */
export function field(s: string | null | undefined, max: number): string | undefined {
	const text = normalizeText(s ?? '');
	return text ? clip(text, max) : undefined;
}

/**
 * A date as YYYY-MM-DD, from ISO 8601 (the date part as written, so the publisher's own day
 * is kept whatever the offset) or anything `Date` reads; undefined when it is not a real date.
 */
export function isoDate(value: string | null | undefined): string | undefined {
	const s = (value ?? '').trim();
	if (!s) return undefined;
	const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
	let y: number, m: number, d: number;
	if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	else {
		const t = new Date(s);
		if (Number.isNaN(t.getTime())) return undefined;
		[y, m, d] = [t.getFullYear(), t.getMonth() + 1, t.getDate()];
	}
	const check = new Date(Date.UTC(y, m - 1, d));
	if (y < 1000 || y > 9999 || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d)
		return undefined;
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A BCP 47 tag as the map format wants it ("en", "pt-BR"), or undefined. */
export function languageTag(value: string | null | undefined): string | undefined {
	const [primary = '', ...rest] = (value ?? '').trim().replace(/_/g, '-').split('-');
	const tag = [primary.toLowerCase(), ...rest].join('-');
	return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : undefined;
}

export function httpUrl(value: string | null | undefined, base?: string): string | undefined {
	if (!value) return undefined;
	try {
		const url = new URL(value.trim(), base);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
		return url.href.length <= MAX_URL ? url.href : undefined;
	} catch {
		return undefined;
	}
}

export const meta = (document: Document, selector: string) =>
	document.querySelector(selector)?.getAttribute('content') ?? undefined;

/** `datePublished` from the page's JSON-LD, wherever in its graph it stands. */
function jsonLdDate(document: Document): string | undefined {
	for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
		let data: unknown;
		try {
			data = JSON.parse(script.textContent ?? '');
		} catch {
			continue;
		}
		// Breadth-first and bounded (a page's JSON-LD can be megabytes): the article's own
		// date sits near the top of its graph.
		const queue: unknown[] = [data];
		for (let next = 0; next < queue.length && next < 1000; next++) {
			const item = queue[next];
			if (typeof item !== 'object' || item === null) continue;
			const record = item as Record<string, unknown>;
			const date = isoDate(
				typeof record.datePublished === 'string' ? record.datePublished : undefined
			);
			if (date) return date;
			for (const value of Object.values(record)) {
				if (queue.length >= 1000) break;
				queue.push(value);
			}
		}
	}
	return undefined;
}

/** The publication date the page declares, in the order the declarations are trusted. */
export function declaredDate(document: Document): string | undefined {
	const candidates = [
		() => meta(document, 'meta[property="article:published_time"]'),
		() => meta(document, 'meta[name="article:published_time"]'),
		() => meta(document, 'meta[itemprop="datePublished"]'),
		() => jsonLdDate(document),
		() => meta(document, 'meta[name="citation_publication_date"]'),
		() => meta(document, 'meta[name="dc.date"], meta[name="DC.date"], meta[name="date"]'),
		() =>
			document
				.querySelector(
					'time[itemprop="datePublished"][datetime], time[pubdate][datetime], article time[datetime], time[datetime]'
				)
				?.getAttribute('datetime') ?? undefined
	];
	for (const candidate of candidates) {
		const date = isoDate(candidate());
		if (date) return date;
	}
	return undefined;
}

/** "Title | Site" or "Title — Site" → "Title" when Site is the publication. */
export function withoutSiteName(title: string, site: string | undefined): string {
	if (!site) return title;
	for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ']) {
		const suffix = `${separator}${site}`;
		if (title.endsWith(suffix) && title.length > suffix.length)
			return title.slice(0, -suffix.length);
	}
	return title;
}
