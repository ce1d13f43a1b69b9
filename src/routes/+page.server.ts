import { listMaps } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ maps: await listMaps() });
