/**
 * The article in a web page (or a saved `.html` file, or plain text) as plain-text blocks plus
 * the source's metadata, for attaching a text to a map.
 *
 * HTML goes through Mozilla's Readability (the reader-view algorithm Firefox uses) on a
 * linkedom DOM. linkedom parses only: it runs no script and loads nothing, so a hostile page
 * is inert here. What leaves this module is text: element text content, whitespace
 * normalised, with scripts, styles, frames and form controls skipped. No HTML, no attribute
 * (so no `on…` handler and no `javascript:` link) ever reaches the output.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** At most this many blocks; the rest is dropped and `truncated` is set. */
export const MAX_BLOCKS = 2000;
/** A longer block is split at spaces into pieces of at most this many characters. */
export const MAX_BLOCK_CHARS = 20_000;
/** At most this many characters of text in all; the rest is dropped and `truncated` is set. */
export const MAX_TEXT_CHARS = 500_000;
/** As the map format's source fields (model/schema.ts). */
const MAX_TITLE = 300;
const MAX_NAME = 200;
const MAX_URL = 2000;

/**
 * An extracted text: fields as the map format's `source` (title, author, publication, date as
 * YYYY-MM-DD, language as a BCP 47 tag, url) and the text as blocks: paragraphs, headings and
 * list items, each a plain string in reading order.
 */
export type ExtractedText = {
	/** Never empty: the page's title, else its first heading, host or line, else "Untitled text". */
	title: string;
	author?: string;
	publication?: string;
	date?: string;
	language?: string;
	/** Where the text came from: the fetched address, or a saved page's declared canonical one. */
	url?: string;
	blocks: string[];
	/** Set when the text was longer than MAX_BLOCKS or MAX_TEXT_CHARS and was cut. */
	truncated?: true;
};

export type ExtractOptions = {
	/** `html` (also for XHTML) or `text` (blocks split on blank lines). Default `html`. */
	type?: 'html' | 'text';
	/** The address the text was fetched from. */
	url?: string;
	/** A language hint (e.g. the Content-Language header), used when the page declares none. */
	language?: string;
};

const UNTITLED = 'Untitled text';

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Soft hyphens and zero-width characters: invisible, and they break word matching. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** One line of plain text: no control characters, single spaces, trimmed. */
export function normalizeText(s: string): string {
	return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').replace(CONTROL, '').trim();
}

/** `s` cut to `max` characters at a word boundary, with an ellipsis when cut. */
function clip(s: string, max: number): string {
	if (s.length <= max) return s;
	const cut = s.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A non-empty, normalised, bounded string, or undefined. */
function field(s: string | null | undefined, max: number): string | undefined {
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

function httpUrl(value: string | null | undefined, base?: string): string | undefined {
	if (!value) return undefined;
	try {
		const url = new URL(value.trim(), base);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
		return url.href.length <= MAX_URL ? url.href : undefined;
	} catch {
		return undefined;
	}
}

/** Collects blocks within the caps. */
class Blocks {
	readonly list: string[] = [];
	private chars = 0;
	truncated = false;

	/** Adds a block (normalised; empty ones are skipped); false once the caps are reached. */
	add(raw: string): boolean {
		let text = normalizeText(raw);
		while (text) {
			if (this.list.length >= MAX_BLOCKS || this.chars >= MAX_TEXT_CHARS) {
				this.truncated = true;
				return false;
			}
			let piece = text;
			if (piece.length > MAX_BLOCK_CHARS) {
				const space = piece.lastIndexOf(' ', MAX_BLOCK_CHARS);
				piece = piece.slice(0, space > 0 ? space : MAX_BLOCK_CHARS);
			}
			this.list.push(piece);
			this.chars += piece.length;
			text = text.slice(piece.length).trim();
		}
		return true;
	}
}

/** Plain text: a block per paragraph, paragraphs separated by blank lines. */
function extractPlain(text: string, options: ExtractOptions): ExtractedText {
	const blocks = new Blocks();
	for (const paragraph of text.replace(/\r\n?/g, '\n').split(/\n[ \t\f\v]*\n/)) {
		if (!blocks.add(paragraph)) break;
	}
	const firstLine = normalizeText(text.trimStart().split('\n', 1)[0] ?? '');
	return result(
		{
			title: firstLine.length <= 150 ? firstLine : '',
			language: languageTag(options.language),
			url: httpUrl(options.url)
		},
		blocks
	);
}

function result(
	meta: Omit<ExtractedText, 'blocks' | 'truncated' | 'title'> & { title: string },
	blocks: Blocks
): ExtractedText {
	const out: ExtractedText = {
		title: field(meta.title, MAX_TITLE) ?? UNTITLED,
		blocks: blocks.list
	};
	// Only the fields that have a value: the object then fits the map format's `source`.
	if (meta.author) out.author = meta.author;
	if (meta.publication) out.publication = meta.publication;
	if (meta.date) out.date = meta.date;
	if (meta.language) out.language = meta.language;
	if (meta.url) out.url = meta.url;
	if (blocks.truncated) out.truncated = true;
	return out;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements whose content is never text to read: code, embedded documents, controls. */
const SKIP = new Set([
	'script',
	'style',
	'noscript',
	'template',
	'iframe',
	'frame',
	'frameset',
	'object',
	'embed',
	'applet',
	'svg',
	'math',
	'canvas',
	'video',
	'audio',
	'picture',
	'img',
	'map',
	'head',
	'title',
	'meta',
	'link',
	'base',
	'form',
	'input',
	'button',
	'select',
	'option',
	'textarea',
	'dialog'
]);

/** Elements that start and end a block (as CSS `display: block` would, roughly). */
const BLOCK = new Set([
	'address',
	'article',
	'aside',
	'blockquote',
	'body',
	'caption',
	'center',
	'dd',
	'details',
	'div',
	'dl',
	'dt',
	'fieldset',
	'figcaption',
	'figure',
	'footer',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'hgroup',
	'hr',
	'li',
	'main',
	'nav',
	'ol',
	'p',
	'pre',
	'section',
	'summary',
	'table',
	'tbody',
	'tfoot',
	'thead',
	'tr',
	'ul'
]);

/**
 * The text of `root` as blocks. Iterative, not recursive: a page may nest thousands of
 * elements deep, and the call stack is not the place to find that out.
 */
function collectBlocks(root: Node, blocks: Blocks): void {
	let line = '';
	const flush = () => {
		const ok = blocks.add(line);
		line = '';
		return ok;
	};
	// Entries are nodes to enter, or the block element to close after its children.
	const stack: Array<{ node: Node; closing: boolean }> = [{ node: root, closing: false }];
	while (stack.length > 0) {
		const { node, closing } = stack.pop() as { node: Node; closing: boolean };
		if (closing) {
			if (!flush()) return;
			continue;
		}
		if (node.nodeType === TEXT) {
			line += node.nodeValue ?? '';
			continue;
		}
		if (node.nodeType !== ELEMENT) continue;
		const element = node as Element;
		const name = element.localName.toLowerCase();
		if (SKIP.has(name) || element.hasAttribute('hidden')) continue;
		if (element.getAttribute('aria-hidden') === 'true') continue;
		if (name === 'br') {
			line += ' ';
			continue;
		}
		// A table row is one block; its cells would run together without a space between.
		if (name === 'td' || name === 'th') line += ' ';
		if (BLOCK.has(name)) {
			if (!flush()) return;
			stack.push({ node, closing: true });
		}
		const children = element.childNodes;
		for (let i = children.length - 1; i >= 0; i--) {
			const child = children[i];
			if (child) stack.push({ node: child, closing: false });
		}
	}
	flush();
}

/** Deeper than this, tags are dropped (their text kept) before the page is parsed. */
const MAX_PARSE_DEPTH = 1000;
const VOID_TAGS = new Set(
	'area base br col embed frame hr img input keygen link meta param source track wbr'.split(' ')
);
/** Elements whose content is raw text: a `<div` inside a script is not a tag. */
const RAW_TEXT_TAGS = new Set(
	'script style textarea title xmp iframe noembed noframes noscript plaintext'.split(' ')
);
// A comment, a doctype or processing instruction, or a tag (attribute values may hold ">").
const TOKEN =
	/<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>?|<(\/?)([A-Za-z][^\s/>]*)(?:"[^"]*"|'[^']*'|[^'">])*>/g;

/**
 * `html` with every tag nested deeper than `limit` removed, keeping the text inside (but not
 * the content of a script, style or other element whose content is not text). The HTML
 * parser under linkedom (htmlparser2) slows down with the square of the nesting depth:
 * 50,000 nested tags took 2 s, and the 400,000 that fit in 2 MB would take minutes. Articles
 * nest a few dozen deep, so nothing real is touched. The depth is estimated the way a parser
 * counts it (void elements open nothing; a closing tag closes up to its match), well enough
 * to bound the work: a page that fools it is still read, only slower.
 */
export function flattenDeepNesting(html: string, limit = MAX_PARSE_DEPTH): string {
	const stack: Array<{ name: string; start: number; cut: 'tag' | 'element' | null }> = [];
	const cuts: Array<[number, number]> = [];
	TOKEN.lastIndex = 0;
	for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
		const [token, slash, rawName] = m;
		if (!rawName) continue;
		const name = rawName.toLowerCase();
		const end = m.index + token.length;
		if (slash) {
			// Search only near the top: a stray closing tag must not cost a walk of the stack.
			for (let i = stack.length - 1; i >= Math.max(0, stack.length - 50); i--) {
				const open = stack[i];
				if (open?.name !== name) continue;
				if (open.cut === 'tag') cuts.push([m.index, end]);
				if (open.cut === 'element') cuts.push([open.start, end]);
				stack.length = i;
				break;
			}
			continue;
		}
		if (VOID_TAGS.has(name) || token.endsWith('/>')) continue;
		const cut = stack.length < limit ? null : SKIP.has(name) ? 'element' : 'tag';
		if (cut === 'tag') cuts.push([m.index, end]);
		stack.push({ name, start: m.index, cut });
		if (RAW_TEXT_TAGS.has(name)) {
			const close = new RegExp(`</${name}[\\s/>]`, 'gi');
			close.lastIndex = end;
			TOKEN.lastIndex = close.exec(html)?.index ?? html.length;
		}
	}
	if (cuts.length === 0) return html;
	const parts: string[] = [];
	let from = 0;
	for (const [start, end] of cuts.sort((a, b) => a[0] - b[0])) {
		// Ranges nest when a whole element is cut around cut tags: keep the outer one.
		if (start >= from) parts.push(html.slice(from, start));
		from = Math.max(from, end);
	}
	parts.push(html.slice(from));
	return parts.join('');
}

/** Tags that belong in <head> when a page leaves them loose under <html>. */
const HEAD_TAGS = new Set(['title', 'meta', 'link', 'base', 'style', 'script', 'noscript']);

/**
 * A whole document from any HTML. linkedom builds exactly what is written: a fragment gets
 * its first element as the root, and `<html>` without `<body>` gets an empty body. Browsers
 * repair both; so does this, before Readability looks.
 */
function parseDocument(source: string): Document {
	const html = flattenDeepNesting(source);
	let { document } = parseHTML(html);
	if (document.documentElement?.localName.toLowerCase() !== 'html')
		({ document } = parseHTML(
			`<!DOCTYPE html><html>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</html>`
		));
	const root = document.documentElement;
	const isSection = (n: Node) =>
		n.nodeType === ELEMENT && ['head', 'body'].includes((n as Element).localName.toLowerCase());
	const bodyIndex = [...root.childNodes].findIndex(
		(n) => n.nodeType === ELEMENT && (n as Element).localName.toLowerCase() === 'body'
	);
	const strays = [...root.childNodes]
		.map((node, index) => ({ node, before: bodyIndex < 0 || index < bodyIndex }))
		.filter(
			({ node }) => !isSection(node) && (node.nodeType === ELEMENT || node.nodeType === TEXT)
		);
	if (strays.length === 0) return document;
	for (const { node } of strays) node.parentNode?.removeChild(node);
	const { head, body } = document;
	const first = body.firstChild;
	for (const { node, before } of strays) {
		if (node.nodeType === ELEMENT && HEAD_TAGS.has((node as Element).localName.toLowerCase()))
			head.appendChild(node);
		else if (before && first) body.insertBefore(node, first);
		else body.appendChild(node);
	}
	return document;
}

const meta = (document: Document, selector: string) =>
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
function declaredDate(document: Document): string | undefined {
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
function withoutSiteName(title: string, site: string | undefined): string {
	if (!site) return title;
	for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ']) {
		const suffix = `${separator}${site}`;
		if (title.endsWith(suffix) && title.length > suffix.length)
			return title.slice(0, -suffix.length);
	}
	return title;
}

type Article = ReturnType<Readability<Node>['parse']>;

/**
 * Readability's time grows with the square of the nesting depth and the number of elements
 * (measured: 2,000 nested divs 26 s, 5,000 overflow the stack; 150,000 small elements 2 s).
 * Real articles stay far below both limits; a page beyond them is read by the plain
 * fallback, which is linear, instead of holding the server.
 */
const MAX_READABILITY_DEPTH = 200;
const MAX_READABILITY_ELEMENTS = 30_000;

/** How deep elements nest under `root`, counted without recursion; stops past `limit`. */
function depthOver(root: Node, limit: number): boolean {
	const stack: Array<[Node, number]> = [[root, 0]];
	while (stack.length > 0) {
		const [node, depth] = stack.pop() as [Node, number];
		if (depth > limit) return true;
		for (let child = node.firstChild; child; child = child.nextSibling)
			if (child.nodeType === ELEMENT) stack.push([child, depth + 1]);
	}
	return false;
}

function readArticle(document: Document): Article {
	if (depthOver(document.documentElement, MAX_READABILITY_DEPTH)) return null;
	try {
		// The serializer hands back the content element itself, so its text is read here
		// and no HTML string is ever built.
		return new Readability<Node>(document, {
			serializer: (node) => node,
			maxElemsToParse: MAX_READABILITY_ELEMENTS
		}).parse();
	} catch {
		// Readability refuses documents over maxElemsToParse; the fallback below reads them.
		return null;
	}
}

/** Strip page furniture for the fallback, when Readability finds no article. */
function removeFurniture(body: HTMLElement): void {
	for (const element of body.querySelectorAll('nav, header, footer, aside, [role="navigation"]'))
		element.parentNode?.removeChild(element);
}

function extractHtml(html: string, options: ExtractOptions): ExtractedText {
	const document = parseDocument(html);
	// Read before Readability runs: it rewrites the document as it goes.
	const language = languageTag(
		document.documentElement.getAttribute('lang') ??
			document.documentElement.getAttribute('xml:lang') ??
			meta(document, 'meta[http-equiv="content-language" i]')
	);
	const date = declaredDate(document);
	const canonical =
		httpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
		httpUrl(meta(document, 'meta[property="og:url"]'));
	const heading = field(document.querySelector('h1')?.textContent, MAX_TITLE);
	const pageTitle = field(document.querySelector('title')?.textContent, MAX_TITLE);

	const article = readArticle(document);
	const blocks = new Blocks();
	const content = article?.content;
	if (content) collectBlocks(content, blocks);
	if (blocks.list.length === 0) {
		removeFurniture(document.body);
		collectBlocks(document.body, blocks);
	}

	const publication = field(article?.siteName, MAX_NAME);
	const byline = field(article?.byline?.replace(/^\s*by\s+/i, ''), MAX_NAME);
	const url = httpUrl(options.url) ?? canonical;
	const title =
		field(withoutSiteName(normalizeText(article?.title ?? ''), publication), MAX_TITLE) ??
		heading ??
		pageTitle ??
		(url ? new URL(url).hostname : undefined) ??
		(blocks.list[0] && blocks.list[0].length <= 150 ? blocks.list[0] : '');
	return result(
		{
			title,
			author: byline,
			publication,
			date: isoDate(article?.publishedTime) ?? date,
			language: language ?? languageTag(article?.lang) ?? languageTag(options.language),
			url
		},
		blocks
	);
}

/**
 * The text of a web page, a saved `.html` file or plain text, as plain-text blocks with the
 * source's metadata where the page declares it. Never throws; the result may have no blocks
 * (an empty page), and its title is never empty.
 *
 * @example
 * const page = await fetchPage(address);
 * if (page.ok) extract(page.text, { url: page.url, type: page.type === 'text/plain' ? 'text' : 'html' });
 * @example
 * extract(await file.text()); // a saved web page
 * extract('First paragraph.\n\nSecond paragraph.', { type: 'text' }).blocks; // ['First paragraph.', 'Second paragraph.']
 */
export function extract(source: string, options: ExtractOptions = {}): ExtractedText {
	if (options.type === 'text') return extractPlain(source, options);
	try {
		return extractHtml(source, options);
	} catch {
		// A parser bug on some odd page must not become a 500; an empty result says
		// "no text found" to the caller, who answers with that.
		return result({ title: '', url: httpUrl(options.url) }, new Blocks());
	}
}
