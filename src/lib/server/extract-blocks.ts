/**
 * Page text as plain-text blocks for extract.ts: whitespace normalised, control and invisible
 * characters removed, bounded in count and size, read from a DOM without recursion. Only
 * element text content is read; scripts, styles, frames and form controls are skipped.
 */
/** At most this many blocks; the rest is dropped and `truncated` is set. */
export const MAX_BLOCKS = 2000;
/** A longer block is split at spaces into pieces of at most this many characters. */
export const MAX_BLOCK_CHARS = 20_000;
/** At most this many characters of text in all; the rest is dropped and `truncated` is set. */
export const MAX_TEXT_CHARS = 500_000;

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Soft hyphens and zero-width characters: invisible, and they break word matching. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** One line of plain text: no control characters, single spaces, trimmed. */
export function normalizeText(s: string): string {
	return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').replace(CONTROL, '').trim();
}

/** Collects blocks within the caps. */
export class Blocks {
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

export const ELEMENT = 1;
export const TEXT = 3;

/** Elements whose content is never text to read: code, embedded documents, controls. */
export const SKIP = new Set([
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
export function collectBlocks(root: Node, blocks: Blocks): void {
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
