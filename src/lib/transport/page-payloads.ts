/**
 * The JSON texts a server-rendered page carries in script elements of their own (see
 * json-payload.ts): kept apart from it so that the browser's bundle does not carry them.
 */
import { elementId } from './json-payload';

/** Where the payloads' script elements go in src/app.html: before the app's markup. */
export const PAYLOAD_SLOT = '<!--warrant:payloads-->';

/** The JSON texts one server-rendered page carries in script elements of their own. */
export class PagePayloads {
	readonly #texts: string[] = [];

	/** Keep `value`'s JSON text for the page; its slot number. */
	add(value: unknown): number {
		// Inside <script> only "<" can end the element or open a comment; in JSON it occurs only
		// within strings, where \u003c reads back as "<".
		this.#texts.push(JSON.stringify(value).replace(/</g, '\\u003c'));
		return this.#texts.length - 1;
	}

	/** The script elements, for PAYLOAD_SLOT. */
	html(): string {
		return this.#texts
			.map((t, i) => `<script type="application/json" id="${elementId(i)}">${t}</script>`)
			.join('');
	}

	/** `page` with the payloads in their slot (and the slot gone where there are none). */
	static fill(page: string, payloads: PagePayloads | undefined): string {
		return page.replace(PAYLOAD_SLOT, () => payloads?.html() ?? '');
	}
}
