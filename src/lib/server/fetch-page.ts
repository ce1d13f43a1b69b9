/**
 * Fetch a web page for URL import, with an SSRF guard: the server fetches on a user's behalf,
 * so it must never become a way to reach what only the server can reach (services on
 * loopback, the private network, a cloud metadata address).
 *
 * - http(s) only; no user name or password in the address.
 * - The host name is resolved here and every address it resolves to must be public
 *   (addresses.ts); the request then connects to that checked address itself, with the Host
 *   header and TLS server name set to the name, so a second DNS answer cannot swap in a
 *   private address between the check and the connection (DNS rebinding).
 * - Redirects are followed by hand, at most 5, and every hop is checked by the same rules.
 * - At most 2 MB (counted while the body streams in, after decompression), at most 10 s for
 *   the whole exchange, and only text/html, application/xhtml+xml and text/plain.
 * - One origin may be exempted from the address check for tests (WARRANT_IMPORT_ALLOW).
 *
 * Never throws: every failure is `{ ok: false, code, message }`, the message a plain sentence
 * naming the host.
 */
import http, { type IncomingMessage } from 'node:http';
import { addressesFor, checkScheme, parsePageUrl, resolveAll } from './fetch-address';
import { decodeBody, isPageType, mediaType, readBody } from './fetch-body';
import { connect, unreachable } from './fetch-connect';
import { fail, type FetchResult } from './fetch-result';

export { MAX_URL_LENGTH, parsePageUrl } from './fetch-address';
export { decodeBody } from './fetch-body';
export {
	FAILURE_STATUS,
	PAGE_TYPES,
	type FetchFailure,
	type FetchFailureCode,
	type FetchResult,
	type FetchedPage,
	type PageType
} from './fetch-result';

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_REDIRECTS = 5;

export type FetchOptions = {
	/** Origins exempt from the address check (exact match), e.g. `http://127.0.0.1:4173`. */
	allowOrigins?: readonly string[];
	timeoutMs?: number;
	maxBytes?: number;
	maxRedirects?: number;
	/** Resolves a host name to its addresses; tests replace it to stand in for DNS. */
	resolve?: (hostname: string) => Promise<string[]>;
};

/**
 * The settings from the environment: `WARRANT_IMPORT_ALLOW` (origins exempt from the address
 * check, separated by commas or spaces; only for tests) and `WARRANT_IMPORT_TIMEOUT_MS`.
 */
export function settingsFromEnv(
	env: Record<string, string | undefined> = process.env
): Pick<FetchOptions, 'allowOrigins' | 'timeoutMs'> {
	const allowOrigins = (env.WARRANT_IMPORT_ALLOW ?? '').split(/[\s,]+/).filter(Boolean);
	const timeout = Number(env.WARRANT_IMPORT_TIMEOUT_MS);
	return {
		allowOrigins,
		timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS
	};
}

/** "1.5 s", "10 s". */
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Fetch the page at a user-given address, following up to 5 redirects, refusing private and
 * local addresses (except `allowOrigins`), pages over 2 MB, answers slower than 10 s and
 * content that is not a web page or plain text. Defaults come from `settingsFromEnv()`.
 *
 * @example
 * const page = await fetchPage('https://example.org/op-ed');
 * if (!page.ok) return problem(FAILURE_STATUS[page.code], page.message);
 */
export async function fetchPage(input: string, options: FetchOptions = {}): Promise<FetchResult> {
	const settings = { ...settingsFromEnv(), ...options };
	const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxBytes = settings.maxBytes ?? DEFAULT_MAX_BYTES;
	const maxRedirects = settings.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
	const resolve = settings.resolve ?? resolveAll;
	const allowed = new Set<string>();
	for (const origin of settings.allowOrigins ?? []) {
		try {
			allowed.add(new URL(origin).origin);
		} catch {
			// A mistyped entry exempts nothing, which is the safe way to be wrong.
		}
	}

	const parsed = parsePageUrl(input);
	if (!parsed.ok) return parsed;
	let url = parsed.url;

	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	const { signal } = controller;
	const timedOut = () =>
		fail('timeout', `${url.hostname} took longer than ${seconds(timeoutMs)} to send the page.`);
	// DNS lookups cannot be cancelled; racing them against the clock keeps the limit total.
	const aborted = new Promise<never>((_, reject) =>
		signal.addEventListener('abort', () => reject(new Error('timeout')), { once: true })
	);
	aborted.catch(() => {});

	try {
		for (let redirects = 0; ; redirects++) {
			const target = await Promise.race([addressesFor(url, allowed, resolve), aborted]);
			if (!target.ok) return target;
			let response: IncomingMessage;
			try {
				response = await connect(url, target.addresses, signal);
			} catch (e) {
				return signal.aborted ? timedOut() : unreachable(url.hostname, e);
			}
			const status = response.statusCode ?? 0;
			if ([301, 302, 303, 307, 308].includes(status)) {
				response.destroy();
				const location = response.headers.location;
				if (!location)
					return fail(
						'status',
						`${url.hostname} answered ${status} but did not say where the page is.`
					);
				if (redirects >= maxRedirects)
					return fail(
						'redirects',
						`${url.hostname} redirected more than ${maxRedirects} times; the page could not be reached.`
					);
				let next: URL;
				try {
					next = new URL(location, url);
				} catch {
					return fail('status', `${url.hostname} redirected to an address that is not valid.`);
				}
				const checked = checkScheme(next, url.hostname);
				if (!checked.ok) return checked;
				url = next;
				continue;
			}
			if (status < 200 || status > 299) {
				response.destroy();
				const reason = http.STATUS_CODES[status];
				return fail(
					'status',
					`${url.hostname} answered ${status}${reason ? ` (${reason})` : ''}; the page could not be read.`
				);
			}
			const contentType = response.headers['content-type'] ?? '';
			const type = mediaType(contentType);
			if (!isPageType(type)) {
				response.destroy();
				return fail(
					'content-type',
					type
						? `${url.hostname} sent ${type}; only web pages (HTML) and plain text can be imported.`
						: `${url.hostname} did not say what kind of document it sent; only web pages (HTML) and plain text can be imported.`
				);
			}
			let body: Awaited<ReturnType<typeof readBody>>;
			try {
				body = await readBody(response, maxBytes, url.hostname);
			} catch (e) {
				return signal.aborted ? timedOut() : unreachable(url.hostname, e);
			}
			if (!body.ok) return body;
			const language = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*/.exec(
				String(response.headers['content-language'] ?? '').trim()
			)?.[0];
			return {
				ok: true,
				url: url.href,
				type,
				text: decodeBody(body.bytes, contentType, type),
				...(language ? { language } : {})
			};
		}
	} catch (e) {
		return signal.aborted ? timedOut() : unreachable(url.hostname, e);
	} finally {
		clearTimeout(timer);
	}
}
