import { error } from '@sveltejs/kit';
import { testPage } from '$lib/server/test-pages';
import type { RequestHandler } from './$types';

/** Fixture pages for the URL import tests; a 404 unless WARRANT_TEST_PAGES_DIR is set. */
export const GET: RequestHandler = async ({ params, url }) => {
	const page = await testPage(params.name, url);
	if (!page) error(404, 'Not found');
	return page;
};
