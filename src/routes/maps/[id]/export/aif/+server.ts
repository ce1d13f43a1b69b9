import { textExport } from '$lib/server/export-text';
import type { RequestHandler } from './$types';

/** The saved map as AIF JSON (AIFdb/OVA), with Warrant’s data under "warrant", to download. */
export const GET: RequestHandler = ({ params }) => textExport(params.id, 'aif');
