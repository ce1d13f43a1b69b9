import type { Transport } from '@sveltejs/kit';
import { jsonPayloadTransport } from '$lib/transport/json-payload';

/** Types sent from server loads to pages in a form of their own (lib/transport). */
export const transport: Transport = { JsonPayload: jsonPayloadTransport };
