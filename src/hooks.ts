import type { Transport } from '@sveltejs/kit';
import { decodeJsonPayload, encodeJsonPayload } from '$lib/transport/json-payload';

/**
 * Types sent from server loads to pages in a form of their own (lib/transport). Only the server
 * encodes: the browser's bundle leaves the encoder out (Vite makes import.meta.env.SSR false).
 */
export const transport: Transport = {
	JsonPayload: {
		encode: import.meta.env.SSR ? encodeJsonPayload : () => false,
		decode: decodeJsonPayload
	}
};
