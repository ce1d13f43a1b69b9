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
import { Blocks, ELEMENT, collectBlocks, normalizeText } from './extract-blocks';
import {
	declaredDate,
	field,
	httpUrl,
	isoDate,
	languageTag,
	meta,
	withoutSiteName
} from './extract-metadata';
import { parseDocument } from './extract-parse';

export { MAX_BLOCK_CHARS, MAX_BLOCKS, MAX_TEXT_CHARS, normalizeText } from './extract-blocks';
export { isoDate, languageTag } from './extract-metadata';
export { flattenDeepNesting } from './extract-parse';

/** As the map format's source fields (model/schema.ts). */
const MAX_TITLE = 300;
const MAX_NAME = 200;

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
