/**
 * Argdown's own parser, `@argdown/core`, loaded on first use so that it never enters a bundle
 * that does not read Argdown (keep the import dynamic), and the parts of its response Warrant
 * reads.
 */

/** The parts of @argdown/core's response this module reads. */
interface Member {
	text?: string;
	startLine?: number;
}
export interface Equivalence {
	title: string;
	members: Member[];
	tags?: string[];
	data?: Record<string, unknown>;
}
interface PcsItem {
	title: string;
	role: string;
	inference?: unknown;
}
export interface Argument {
	title: string;
	members: (Member & { text?: string })[];
	pcs?: PcsItem[];
	data?: Record<string, unknown>;
	tags?: string[];
}
export interface Relation {
	relationType: string;
	from: { type: string; title?: string };
	to: { type: string; title?: string; argumentTitle?: string; conclusionIndex?: number };
}
export interface Response {
	parserErrors?: { message: string; token?: { startLine?: number } }[];
	lexerErrors?: { message: string; line?: number }[];
	exceptions?: Error[];
	statements?: Record<string, Equivalence>;
	arguments?: Record<string, Argument>;
	relations?: Relation[];
	frontMatter?: Record<string, unknown>;
}

type Core = typeof import('@argdown/core');
let app: Promise<{ run: (input: string) => Response }> | undefined;

/** Argdown's parser and model builder, loaded once, on first use. */
export function argdown() {
	app ??= import('@argdown/core').then((core: Core) => {
		const a = new core.ArgdownApplication();
		a.addPlugin(new core.ParserPlugin(), 'parse-input');
		a.addPlugin(new core.DataPlugin(), 'build-model');
		a.addPlugin(new core.ModelPlugin(), 'build-model');
		return {
			run: (input: string) =>
				a.run({ input, process: ['parse-input', 'build-model'], logLevel: 'none' }) as Response
		};
	});
	return app;
}

/** Argdown text as @argdown/core reads it (for tests and counts). */
export async function readArgdown(input: string): Promise<Response> {
	return (await argdown()).run(input);
}
