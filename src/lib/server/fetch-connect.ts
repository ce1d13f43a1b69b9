/**
 * The connection of fetch-page.ts: one GET to a checked address with the host's name kept
 * (Host header and TLS server name), the host's next address tried when one fails, and
 * connection errors as plain sentences.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { bare } from './fetch-address';
import { fail, type FetchFailure } from './fetch-result';

/** Errors worth trying the host's next address for: this address, not the host, failed. */
const TRY_NEXT = new Set(['ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);

function errorCode(e: unknown): string {
	return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
		? e.code
		: '';
}

/** A connection error as the end of a sentence starting with the host name. */
export function unreachable(hostname: string, e: unknown): FetchFailure {
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

export async function connect(
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
