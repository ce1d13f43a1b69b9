import type { Problem } from '$lib/model/problems';

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
		}
		interface PageState {
			/** A notice for the page navigated to: "Saved as your own copy, …". */
			notice?: string;
		}
	}
}

export {};
