import type { Problem } from '$lib/model/problems';
import type { MapRead } from '$lib/server/store';
import type { PagePayloads } from '$lib/transport/page-payloads';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Validation problems of a map file, listed on the error page. */
			problems?: Problem[];
			file?: string;
		}
		interface Locals {
			/** The server's teacher: every request on a machine of one's own, the teacher link in class mode. */
			teacher: boolean;
			/** The teacher by the class-mode secret, which also opens every exercise's class view. */
			proven: boolean;
			/** The map file revision (ETag) a map page's load rendered: its page is cached under it. */
			mapRevision?: string;
			/** A map page's file as the page hook read it, for the page's load (server/store.ts). */
			mapRead?: MapRead;
			/** JSON texts this page carries in script elements (transport/json-payload.ts). */
			pagePayloads?: PagePayloads;
		}
		interface PageState {
			/** A notice for the page navigated to: "Saved as your own copy, …". */
			notice?: string;
		}
	}
}

export {};
