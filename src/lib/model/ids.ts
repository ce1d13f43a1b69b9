/**
 * Ids: the one home of the slug rule (ids end up in URLs and file names, so nothing but
 * lower-case letters, digits and single hyphens) and of new ids.
 */

/** The slug rule: lower-case letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_RULE = 'lower-case letters, digits and single hyphens';
/** Ids of maps, nodes and links are at most this long. */
export const MAX_ID_LENGTH = 64;
/** What is said of a map id that breaks the rule. */
export const BAD_MAP_ID = `a map id is a slug: ${SLUG_RULE}`;

export function isSlug(s: string): boolean {
	return s.length <= MAX_ID_LENGTH && SLUG_PATTERN.test(s);
}

/** A slug made from a title, for a new map's id: "Japan and Mongolia!" → "japan-and-mongolia". */
export function slugify(title: string, max = 48): string {
	const words = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	// Whole words only: an id is never cut mid-word.
	let out = '';
	for (const w of words) {
		const next = out ? `${out}-${w}` : w;
		if (next.length > max) break;
		out = next;
	}
	return out || words[0]?.slice(0, max) || 'map';
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `n` random characters of the slug alphabet, from the platform's secure generator. */
export function randomSuffix(n = 6): string {
	const bytes = new Uint8Array(n);
	globalThis.crypto.getRandomValues(bytes);
	// 252 = 7 × 36: bytes above it are redrawn, so every character is equally likely.
	let out = '';
	for (const b of bytes) out += b < 252 ? ALPHABET[b % 36] : ALPHABET[(b * 7) % 36];
	return out;
}

/**
 * A new node or link id, unique without coordination: `<base>-<6 random characters>`
 * ("objection-k3x9q2"), so two people editing the same map offline do not create the same id.
 * Existing ids are never changed. `taken` guards against the (1 in 2 billion) clash.
 *
 * ```ts
 * newId('objection', new Set(map.nodes.map((n) => n.id))); // "objection-7fq2mz"
 * ```
 */
export function newId(base: string, taken: ReadonlySet<string> = new Set()): string {
	for (;;) {
		const id = `${base}-${randomSuffix()}`;
		if (!taken.has(id)) return id;
	}
}
