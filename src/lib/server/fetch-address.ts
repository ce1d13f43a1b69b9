/**
 * The address checks of fetch-page.ts: the user's text as an http(s) URL without credentials,
 * and the addresses a host resolves to, every one of them public (addresses.ts).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress } from './addresses';
import { fail, type FetchFailure } from './fetch-result';

/** As the map format's `source.url`. */
export const MAX_URL_LENGTH = 2000;

export async function resolveAll(hostname: string): Promise<string[]> {
	const found = await lookup(hostname, { all: true });
	return found.map((a) => a.address);
}

export const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');
const PUBLIC_ONLY = 'Warrant imports pages from public addresses only.';

/**
 * The user's text as a URL: trimmed, `https://` assumed when no scheme is given, http(s)
 * only, no credentials.
 */
export function parsePageUrl(input: string): { ok: true; url: URL } | FetchFailure {
	const text = input.trim();
	if (text.length > MAX_URL_LENGTH)
		return fail('bad-url', `The address is longer than ${MAX_URL_LENGTH} characters.`);
	// "example.org/page" is what people copy from an address bar that hides the scheme.
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
		return fail(
			'bad-url',
			`“${shown}” is not a web address; it should look like https://example.org/page.`
		);
	}
	const checked = checkScheme(url);
	return checked.ok ? { ok: true, url } : checked;
}

export function checkScheme(url: URL, redirectedBy?: string): { ok: true } | FetchFailure {
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		// The scheme alone is named: repeating a javascript: or data: address serves nobody.
		return fail(
			'scheme',
			redirectedBy
				? `${redirectedBy} redirected to a ${url.protocol} address; only http:// and https:// addresses are followed.`
				: `Only web addresses (http:// or https://) can be imported, not ${url.protocol} addresses.`
		);
	}
	if (url.username || url.password)
		return fail(
			'credentials',
			`The address for ${url.hostname} contains a user name or password; Warrant does not send credentials, so leave them out.`
		);
	return { ok: true };
}

/** The addresses to connect to for `url`, all checked, IPv4 first. */
export async function addressesFor(
	url: URL,
	allowed: ReadonlySet<string>,
	resolve: (hostname: string) => Promise<string[]>
): Promise<{ ok: true; addresses: string[] } | FetchFailure> {
	const host = bare(url.hostname);
	let addresses: string[];
	if (isIP(host)) addresses = [host];
	else {
		try {
			addresses = await resolve(host);
		} catch {
			addresses = [];
		}
		if (addresses.length === 0)
			return fail('unknown-host', `${url.hostname} could not be found; check the address.`);
	}
	if (!allowed.has(url.origin)) {
		// Every address must be public, not just the first: a name that resolves to both a
		// public and a private address could be answered either way on the next lookup.
		for (const address of addresses) {
			const kind = classifyAddress(address);
			if (kind === 'public') continue;
			return fail(
				'local-address',
				address === host
					? `${url.hostname} is a private or local address (${kind}). ${PUBLIC_ONLY}`
					: `${url.hostname} resolves to ${address}, a private or local address (${kind}). ${PUBLIC_ONLY}`
			);
		}
	}
	return { ok: true, addresses: [...addresses].sort((a, b) => isIP(a) - isIP(b)) };
}
