/**
 * What fetch-page.ts answers: the page types it accepts, its failure codes with the HTTP
 * status each is answered with, and the fetched page.
 */

/** The content types URL import accepts. */
export const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

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

export const fail = (code: FetchFailureCode, message: string): FetchFailure => ({
	ok: false,
	code,
	message
});
