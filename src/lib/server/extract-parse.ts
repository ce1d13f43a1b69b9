/**
 * HTML into a whole linkedom document for extract.ts, with nesting deeper than the parser can
 * take flattened first. linkedom parses only: it runs no script and loads nothing.
 */
import { parseHTML } from 'linkedom';
import { ELEMENT, SKIP, TEXT } from './extract-blocks';

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
export function parseDocument(source: string): Document {
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
