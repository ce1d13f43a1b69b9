/**
 * One text being brought in: what is in the text box (typed, pasted, or filled from a file or a
 * page), where it came from and what that declared, which blocks are marked "not part of the
 * argument", and a file or page being read. `TextIntake.svelte` renders it; the dialog that
 * attaches a text and the New map form read `result`. A failed file or page sets `error` and
 * changes nothing else.
 */
import type { Block, Source } from '../model/schema';
import { blocksFromText, looksLikeMarkdown, type BlocksResult } from '../source/text';
import {
	decodeUtf8,
	fileKind,
	markBefore,
	markKeys,
	marksOf,
	markdownTitle,
	problemAt,
	sourceDetails,
	toggleMark
} from './intake';
import { pastedAuthor, pastedTitle } from './front-matter';
import { importText, type ImportBody, type ImportResult } from './remote';

/** What the intake holds now: nothing, a text that cannot be read (and why), or blocks. */
export type IntakeResult =
	| { kind: 'none' }
	| { kind: 'problem'; message: string }
	| { kind: 'text'; blocks: Block[]; touched: boolean };

export interface IntakeOptions {
	/** How many leading blocks to show as marked while the reader has not touched the marks. */
	suggest?: (blocks: Block[]) => number;
	/** Why the suggested blocks are marked, in a sentence (default: they come before paragraph 1). */
	suggestWhy?: (n: number) => string;
	/** A file or page was read: its declared details (the New map form fills its fields). */
	onload?: (details: Partial<Source>) => void;
	/** The import endpoint (a stub in tests). */
	importer?: (body: ImportBody) => Promise<ImportResult>;
}

const PASTED = 'the pasted text';

export class TextIntakeState {
	/** The text box: blocks are split on blank lines. */
	text = $state('');
	/** Read the text as Markdown: set by the reader, by a `.md` file, or guessed from a paste. */
	markdown = $state(false);
	/** The reader ticked or unticked Markdown: a paste no longer guesses. */
	#markdownChosen = false;
	/** The address typed in the page field. */
	url = $state('');
	/** Where the text came from, for messages: "the pasted text", "notes.md", "the page at …". */
	from = $state(PASTED);
	/** What the page or file declared: title, author, publication, date, language, address. */
	details = $state.raw<Partial<Source>>({});
	/** The page was longer than the import keeps. */
	truncated = $state(false);
	/** A file or page being read. */
	busy = $state<'file' | 'page' | undefined>(undefined);
	/** Why the last file or page was not read; cleared by the next attempt. */
	error = $state<string | undefined>(undefined);
	/** Whether the reader has set a mark (then theirs are used, not the suggestion). */
	touched = $state(false);
	#marks = $state.raw<ReadonlySet<string>>(marksOf());
	// Set by the constructor; declared first, as the derived values below read it.
	#options: IntakeOptions = {};

	constructor(options: IntakeOptions = {}) {
		this.#options = options;
	}

	/** The text box read as blocks, or undefined while it is empty. */
	readonly read: BlocksResult | undefined = $derived(
		this.text.trim() ? blocksFromText(this.text, { markdown: this.markdown }) : undefined
	);
	#plain: Block[] = $derived(this.read?.ok ? this.read.blocks : []);
	#keys: string[] = $derived(markKeys(this.#plain));
	/** Leading blocks shown as marked until the reader sets a mark. */
	readonly suggested: number = $derived(
		!this.touched && this.#options.suggest && this.#plain.length
			? this.#options.suggest(this.#plain)
			: 0
	);
	/** The blocks with their marks as they stand. */
	readonly blocks: Block[] = $derived(
		this.#plain.map((b, i) =>
			this.#skipped(i, this.#keys[i]!) ? { text: b.text, skip: true as const } : b
		)
	);
	readonly result: IntakeResult = $derived.by(() => {
		if (!this.read) return { kind: 'none' };
		if (!this.read.ok) return { kind: 'problem', message: problemAt(this.from, this.read.problem) };
		if (this.blocks.every((b) => b.skip))
			return {
				kind: 'problem',
				message: 'Every paragraph is marked as not part of the argument: unmark at least one.'
			};
		return { kind: 'text', blocks: this.blocks, touched: this.touched };
	});

	/** Why the suggested blocks are marked, for the preview. */
	get suggestWhy(): string {
		const n = this.suggested;
		return (
			this.#options.suggestWhy?.(n) ??
			`The first ${n} block${n === 1 ? ' comes' : 's come'} before the map’s paragraph 1, so ${n === 1 ? 'it is' : 'they are'} marked.`
		);
	}

	/** Whether the text came from a file or a page (not typed or pasted). */
	get fromElsewhere(): boolean {
		return this.from !== PASTED;
	}

	#skipped(i: number, key: string): boolean {
		return this.touched ? this.#marks.has(key) : i < this.suggested;
	}

	/** The marks as shown, before the reader's first change replaces the suggestion. */
	#current(): ReadonlySet<string> {
		if (this.touched) return this.#marks;
		return marksOf(this.#keys.slice(0, this.suggested));
	}

	/** Mark block `i` as not part of the argument, or unmark it. */
	mark(i: number, on: boolean) {
		const key = this.#keys[i];
		if (key === undefined) return;
		this.#marks = toggleMark(this.#current(), key, on);
		this.touched = true;
	}

	/** Mark every block before block `i`. */
	markBefore(i: number) {
		this.#marks = markBefore(this.#current(), this.#keys, i);
		this.touched = true;
	}

	/**
	 * The text box was edited by hand: an emptied box forgets where its text came from. A typed
	 * or pasted text is read as Markdown when it looks like Markdown, until the reader says.
	 */
	typed(text: string) {
		this.text = text;
		if (!text.trim()) {
			this.#forget();
			this.#markdownChosen = false;
		} else if (!this.#markdownChosen && !this.fromElsewhere)
			this.markdown = looksLikeMarkdown(text);
		// A pasted headline is offered as the title, as a page's declared title is.
		if (!this.fromElsewhere) {
			const blocks = this.read?.ok ? this.read.blocks : [];
			const title = pastedTitle(blocks);
			const author = pastedAuthor(blocks);
			this.#options.onload?.({ ...(title && { title }), ...(author && { author }) });
		}
	}

	/** The reader ticks or unticks "Markdown": kept from then on. */
	setMarkdown(on: boolean) {
		this.markdown = on;
		this.#markdownChosen = true;
	}

	#forget() {
		this.from = PASTED;
		this.details = {};
		this.truncated = false;
	}

	/** A new text in the box, from a file or a page: fresh marks, its details kept. */
	#load(text: string, markdown: boolean, from: string, details: Partial<Source>, cut = false) {
		this.text = text;
		this.markdown = markdown;
		this.from = from;
		this.details = details;
		this.truncated = cut;
		this.#marks = marksOf();
		this.touched = false;
		this.#options.onload?.(details);
	}

	/** Read a `.txt`, `.md` or saved `.html` file; refuse any other, and any over 2 MB. */
	async openFile(file: File): Promise<boolean> {
		if (this.busy) return false;
		this.error = undefined;
		const kind = fileKind(file.name, file.size);
		if (!kind.ok) {
			this.error = kind.message;
			return false;
		}
		this.busy = 'file';
		try {
			const decoded = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
			if (!decoded.ok) {
				this.error = `${file.name}, line ${decoded.line}: this is not UTF-8 text. Save the file as UTF-8 and open it again.`;
				return false;
			}
			const text = decoded.text.replace(/^\ufeff/, '');
			if (kind.kind === 'html') return await this.#fromPage({ html: text }, file.name);
			const check = blocksFromText(text, { markdown: kind.kind === 'markdown' });
			if (!check.ok) {
				this.error = problemAt(file.name, check.problem);
				return false;
			}
			const title = kind.kind === 'markdown' ? markdownTitle(text) : undefined;
			this.#load(text, kind.kind === 'markdown', file.name, title ? { title } : {});
			return true;
		} catch {
			this.error = `${file.name} could not be read.`;
			return false;
		} finally {
			this.busy = undefined;
		}
	}

	/** Fetch the page at the address typed (the server reads it). */
	async fetchPage(): Promise<boolean> {
		if (this.busy) return false;
		const url = this.url.trim();
		this.error = undefined;
		if (!url) {
			this.error = 'Type the address of the page first (https://…).';
			return false;
		}
		this.busy = 'page';
		try {
			return await this.#fromPage({ url }, `the page at ${hostOf(url)}`);
		} finally {
			this.busy = undefined;
		}
	}

	async #fromPage(body: ImportBody, from: string): Promise<boolean> {
		const r = await (this.#options.importer ?? importText)(body);
		if (!r.ok) {
			this.error = 'url' in body ? r.message : `${from}: ${r.message}`;
			return false;
		}
		const text = r.text.blocks.join('\n\n');
		const check = blocksFromText(text);
		if (!check.ok) {
			this.error = problemAt(from, check.problem);
			return false;
		}
		this.#load(text, false, from, sourceDetails(r.text), r.text.truncated ?? false);
		return true;
	}
}

/** The host of an address as typed, or the address itself when it does not parse. */
function hostOf(url: string): string {
	try {
		return new URL(url).host || url;
	} catch {
		return url;
	}
}
