import type { Problem } from '$lib/model/problems';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Validation problems of a map file, listed on the error page. */
			problems?: Problem[];
			file?: string;
		}
		interface PageState {
			/** A notice for the page navigated to: "Saved as your own copy, …". */
			notice?: string;
		}
	}
}

export {};
