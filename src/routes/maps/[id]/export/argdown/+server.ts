import { textExport } from '$lib/server/export-text';
import type { RequestHandler } from './$types';

/** The saved map as Argdown, with Warrant’s data in {warrant: …} metadata, to download. */
export const GET: RequestHandler = ({ params }) => textExport(params.id, 'argdown');
