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
import { lookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { classifyAddress } from './addresses';

/** The content types URL import accepts. */
export const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_REDIRECTS = 5;
/** As the map format's `source.url`. */
export const MAX_URL_LENGTH = 2000;

export type FetchFailureCode =
	| 'bad-url'
	| 'scheme'
	| 'credentials'
	| 'local-address'
	| 'unknown-host'
	| 'unreachable'
	| 'redirects'
	| 'status'
	| 'content-type'
	| 'too-large'
	| 'timeout';

/**
 * The HTTP status an endpoint answers each failure with: 422 for an address Warrant will not
 * fetch, 502 when the other server answered badly, 504 when it was too slow.
 */
export const FAILURE_STATUS: Record<FetchFailureCode, 422 | 502 | 504> = {
	'bad-url': 422,
	scheme: 422,
	credentials: 422,
	'local-address': 422,
	'unknown-host': 502,
	unreachable: 502,
	redirects: 502,
	status: 502,
	'content-type': 502,
	'too-large': 502,
	timeout: 504
};

export type FetchFailure = { ok: false; code: FetchFailureCode; message: string };

export type FetchedPage = {
	ok: true;
	/** The address the page was finally read from, after redirects. */
	url: string;
	type: PageType;
	/** The body, decoded with the charset the page declares (UTF-8 when it declares none). */
	text: string;
	/** The Content-Language header's first tag, where sent. */
	language?: string;
};

export type FetchResult = FetchedPage | FetchFailure;

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

const fail = (code: FetchFailureCode, message: string): FetchFailure => ({
	ok: false,
	code,
	message
});

async function resolveAll(hostname: string): Promise<string[]> {
	const found = await lookup(hostname, { all: true });
	return found.map((a) => a.address);
}

/** "1.5 s", "10 s". */
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
/** "2 MB", "10 KB". */
const size = (bytes: number) =>
	bytes >= 1024 * 1024
		? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
		: `${Math.round(bytes / 1024)} KB`;

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');
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

function checkScheme(url: URL, redirectedBy?: string): { ok: true } | FetchFailure {
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
async function addressesFor(
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

/** Errors worth trying the host's next address for: this address, not the host, failed. */
const TRY_NEXT = new Set(['ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);

function errorCode(e: unknown): string {
	return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
		? e.code
		: '';
}

/** A connection error as the end of a sentence starting with the host name. */
function unreachable(hostname: string, e: unknown): FetchFailure {
	const code = errorCode(e);
	const why =
		code === 'ECONNREFUSED'
			? 'refused the connection'
			: code === 'ECONNRESET' || code === 'EPIPE'
				? 'closed the connection before sending the page'
				: /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)
					? 'has a security certificate that could not be trusted'
					: code.startsWith('HPE_')
						? 'sent an answer that is not valid HTTP'
						: code === 'Z_DATA_ERROR' || code === 'ERR_PADDING_1'
							? 'sent a compressed page that could not be read'
							: 'could not be reached';
	return fail('unreachable', `${hostname} ${why}.`);
}

/** One GET to `address`, naming the host as `url` does (Host header and TLS server name). */
function send(url: URL, address: string, signal: AbortSignal): Promise<IncomingMessage> {
	const secure = url.protocol === 'https:';
	const host = bare(url.hostname);
	return new Promise((resolve, reject) => {
		const request = (secure ? https : http).request(
			{
				host: address,
				port: url.port || (secure ? 443 : 80),
				path: `${url.pathname}${url.search}`,
				method: 'GET',
				headers: {
					Host: url.host,
					'User-Agent': 'Mozilla/5.0 (compatible; Warrant reader import)',
					Accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1',
					'Accept-Encoding': 'gzip, deflate, br'
				},
				// The certificate is checked against the name, not the address we connect to;
				// an IP literal is not a valid server name (RFC 6066) and is checked as itself.
				...(secure && !isIP(host) ? { servername: host } : {}),
				// A fresh connection each time: a pooled one could belong to another host.
				agent: false,
				signal
			},
			(response) => {
				// A response dropped half-read (a refused size, the time-out) still emits
				// 'error'; unheard, that event would take the whole server down.
				response.on('error', () => {});
				resolve(response);
			}
		);
		request.on('error', reject);
		request.end();
	});
}

async function connect(
	url: URL,
	addresses: string[],
	signal: AbortSignal
): Promise<IncomingMessage> {
	let last: unknown;
	for (const address of addresses) {
		try {
			return await send(url, address, signal);
		} catch (e) {
			last = e;
			if (signal.aborted || !TRY_NEXT.has(errorCode(e))) throw e;
		}
	}
	throw last;
}

function mediaType(header: string | undefined): string {
	return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function isPageType(type: string): type is PageType {
	return (PAGE_TYPES as readonly string[]).includes(type);
}

/** The body, decompressed, or a failure once it passes `maxBytes`. */
async function readBody(
	response: IncomingMessage,
	maxBytes: number,
	hostname: string
): Promise<{ ok: true; bytes: Buffer } | FetchFailure> {
	const tooLarge = () =>
		fail('too-large', `The page at ${hostname} is larger than ${size(maxBytes)}.`);
	if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
		response.destroy();
		return tooLarge();
	}
	const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
	const decoder =
		encoding === 'gzip' || encoding === 'x-gzip'
			? createGunzip()
			: encoding === 'deflate'
				? createInflate()
				: encoding === 'br'
					? createBrotliDecompress()
					: null;
	// The cap counts decompressed bytes: a small compressed body can expand a thousandfold.
	const body: Readable = decoder ? pipeline(response, decoder, () => {}) : response;
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of body) {
		const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
		total += bytes.length;
		if (total > maxBytes) {
			response.destroy();
			body.destroy();
			return tooLarge();
		}
		chunks.push(bytes);
	}
	return { ok: true, bytes: Buffer.concat(chunks) };
}

/** Decode as the page says: byte-order mark, then the header's charset, then `<meta>`. */
export function decodeBody(bytes: Uint8Array, contentType: string, type: PageType): string {
	let label = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
	else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
	else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
	else if (!label && type !== 'text/plain') {
		// Browsers look for the declaration in the first 1024 bytes; so does this.
		const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
		label = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
	}
	let decoder: TextDecoder;
	try {
		decoder = new TextDecoder(label ?? 'utf-8');
	} catch {
		// An unknown label: UTF-8 is what an undeclared page most likely is.
		decoder = new TextDecoder('utf-8');
	}
	return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

/** Windows-1252's 0x80–0x9F (0 where the byte is unassigned and maps to the C1 control). */
const CP1252_HIGH = [
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
	0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
	0x203a, 0x0153, 0, 0x017e, 0x0178
];

/**
 * Node 20's TextDecoder decodes windows-1252 (the label behind "latin1" and "iso-8859-1" too)
 * as ISO-8859-1, so "€" and curly quotes come out as control characters; this does it right.
 */
function decodeWindows1252(bytes: Uint8Array): string {
	const parts: string[] = [];
	for (let start = 0; start < bytes.length; start += 8192) {
		const codes = Array.from(bytes.subarray(start, start + 8192), (b) =>
			b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b
		);
		parts.push(String.fromCharCode(...codes));
	}
	return parts.join('');
}

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
