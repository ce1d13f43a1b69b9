/**
 * A big plain value (a map, its layout) sent from a server load to the page as JSON text.
 * SvelteKit writes load data into the page with devalue, which handles cycles, dates and shared
 * references at a price: 3.5 ms for the article map, against 0.1 ms for JSON.stringify. A map
 * and its layout are plain JSON, so the transport hook (src/hooks.ts) sends them as JSON text.
 *
 * In a server-rendered page the text does not go through devalue at all: devalue escapes a
 * string character by character (1.1 ms for the article's 80 KB, and every quote doubled). The
 * load hands a PagePayloads (page-payloads.ts) to the payload; the text is written into the page as a JSON script
 * element (hooks.server.ts puts it at the top of the body), and devalue carries only its number.
 * Data requests (client-side navigation) carry the JSON text itself. On the server the page gets
 * the very value the load returned.
 */
export class JsonPayload<T> {
	/** The number of this payload's script element in the page, once it is written there. */
	slot?: number;
	constructor(
		readonly value: T,
		/** The server-rendered page this payload is written into, if it is one. */
		readonly page?: { add(value: unknown): number }
	) {}
}

/** The id of a payload's script element in the page (page-payloads.ts writes it). */
export const elementId = (slot: number) => `warrant-payload-${slot}`;

/** A JsonPayload as its JSON text, or as its slot in a server-rendered page; false for any other value. */
export function encodeJsonPayload(v: unknown): false | string {
	if (!(v instanceof JsonPayload)) return false;
	if (!v.page) return JSON.stringify(v.value);
	v.slot ??= v.page.add(v.value);
	return `#${v.slot}`;
}

/** The JsonPayload back from its JSON text, or from the page's script element for its slot. */
export function decodeJsonPayload(text: string): JsonPayload<unknown> {
	if (!text.startsWith('#')) return new JsonPayload(JSON.parse(text));
	const element = globalThis.document?.getElementById(elementId(Number(text.slice(1))));
	if (!element?.textContent) throw new Error(`The page lacks its data (payload ${text}).`);
	return new JsonPayload(JSON.parse(element.textContent));
}
