/**
 * Files handed to the browser as downloads: "Download my map" (the map as its file,
 * `<id>.map.json`, in the canonical form a save writes, so it opens in Warrant, validates with
 * `warrant validate`, and diffs cleanly), and an export fetched from the server with a way to
 * stop waiting for it.
 */
import { serializeMap } from '$lib/model/serialize';
import type { ArgumentMap } from '$lib/model/schema';

/** Hand a file to the browser as a download. */
export function downloadBlob(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	// The download has started from the URL; it can go once this task is over.
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Hand the map to the browser as a download. */
export function downloadMap(id: string, map: ArgumentMap): void {
	downloadBlob(new Blob([serializeMap(map)], { type: 'application/json' }), `${id}.map.json`);
}

/** The file name a response gives (`Content-Disposition: attachment; filename="…"`), if any. */
export function fileNameOf(disposition: string | null): string | undefined {
	const m =
		/filename="([^"]+)"/.exec(disposition ?? '') ?? /filename=([^;\s]+)/.exec(disposition ?? '');
	const name = m?.[1]?.trim();
	// Never a path: a name only.
	return name && !/[/\\]/.test(name) ? name : undefined;
}

export type Fetched =
	{ ok: true; blob: Blob; name: string } | { ok: false; cancelled: boolean; message: string };

/**
 * Fetch an export and say how it went: the file and its name, or why not, in words (the server's
 * own plain-text refusal when it gives one). `signal` stops waiting: the answer is then
 * `cancelled`.
 */
export async function fetchExport(
	href: string,
	fallbackName: string,
	signal: AbortSignal
): Promise<Fetched> {
	try {
		const res = await fetch(href, { signal });
		if (!res.ok) {
			const text = res.headers.get('content-type')?.includes('text/plain')
				? (await res.text()).trim().slice(0, 300)
				: '';
			return {
				ok: false,
				cancelled: false,
				message: text || `The server answered ${res.status}: the export was not made.`
			};
		}
		const blob = await res.blob();
		return {
			ok: true,
			blob,
			name: fileNameOf(res.headers.get('content-disposition')) ?? fallbackName
		};
	} catch (e) {
		if (signal.aborted || (e instanceof DOMException && e.name === 'AbortError'))
			return { ok: false, cancelled: true, message: 'Export cancelled.' };
		return {
			ok: false,
			cancelled: false,
			message: 'Could not reach the server: check the connection and try again.'
		};
	}
}
