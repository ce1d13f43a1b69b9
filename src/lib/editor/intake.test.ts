import { describe, expect, it, vi } from 'vitest';
import {
	MAX_FILE_BYTES,
	attachIntent,
	decodeUtf8,
	fileKind,
	markBefore,
	markKeys,
	markdownTitle,
	marksOf,
	problemAt,
	sourceDetails,
	toggleMark
} from './intake';
import { TextIntakeState } from './intake.svelte';
import { importText, type ImportBody, type ImportResult } from './remote';

const OP_ED = [
	'# Keep the night buses',
	'By A. Writer',
	'The council should keep the night buses running.',
	'They carry 4,200 people a week.',
	'Read more opinion'
].join('\n\n');

describe('fileKind', () => {
	it('reads .txt, .md and saved .html files, whatever the case of the extension', () => {
		expect(fileKind('notes.txt', 10)).toEqual({ ok: true, kind: 'text' });
		expect(fileKind('Essay.MD', 10)).toEqual({ ok: true, kind: 'markdown' });
		expect(fileKind('page.htm', 10)).toEqual({ ok: true, kind: 'html' });
		expect(fileKind('a.b.html', MAX_FILE_BYTES)).toEqual({ ok: true, kind: 'html' });
	});

	it('refuses other files and files over 2 MB, saying which and why', () => {
		expect(fileKind('paper.pdf', 10)).toEqual({
			ok: false,
			message: 'paper.pdf: Warrant reads .txt, .md and saved .html files, not .pdf.'
		});
		expect(fileKind('README', 10)).toMatchObject({ ok: false });
		expect(fileKind('.txt', 10)).toMatchObject({ ok: false });
		expect(fileKind('big.txt', 3.25 * 1024 * 1024)).toEqual({
			ok: false,
			message: 'big.txt is 3.3 MB; a file may be at most 2.0 MB.'
		});
	});
});

describe('decodeUtf8', () => {
	it('reads UTF-8 and names the line of the first byte that is not', () => {
		const utf8 = new TextEncoder().encode('Café\n“quoted”');
		expect(decodeUtf8(utf8)).toEqual({ ok: true, text: 'Café\n“quoted”' });
		// "Café" in Latin-1 on line 3.
		const latin1 = Uint8Array.from([...new TextEncoder().encode('one\ntwo\nCaf'), 0xe9, 0x0a]);
		expect(decodeUtf8(latin1)).toEqual({ ok: false, line: 3 });
	});
});

describe('problemAt', () => {
	it('names the place once', () => {
		expect(problemAt('the pasted text', { message: 'the text is empty' })).toBe(
			'The pasted text: the text is empty'
		);
		expect(problemAt('notes.md', { message: 'too many paragraphs', line: 3 })).toBe(
			'notes.md, line 3: too many paragraphs'
		);
		expect(problemAt('x.txt', { message: 'the paragraph at line 3 is long', line: 3 })).toBe(
			'x.txt: the paragraph at line 3 is long'
		);
	});
});

describe('sourceDetails', () => {
	it('keeps only what the map format accepts', () => {
		expect(
			sourceDetails({
				title: 'Untitled text',
				author: ' Maren Okafor ',
				date: 'March 2024',
				language: 'English',
				url: 'ftp://example.org/x'
			})
		).toEqual({ author: 'Maren Okafor' });
		expect(
			sourceDetails({ title: 'T', date: '2024-03-17', language: 'en-GB', url: 'https://e.org/' })
		).toEqual({ title: 'T', date: '2024-03-17', language: 'en-GB', url: 'https://e.org/' });
	});

	it('takes a Markdown file’s title from a heading on its first line', () => {
		expect(markdownTitle('\ufeff\n# Keep the night buses #\n\nText')).toBe('Keep the night buses');
		expect(markdownTitle('Text first\n\n# Heading')).toBeUndefined();
	});
});

describe('marks', () => {
	it('follow their block when other blocks change, and tell repeated blocks apart', () => {
		const before = markKeys([{ text: 'Head' }, { text: '***' }, { text: 'Body' }, { text: '***' }]);
		const marks = toggleMark(marksOf(), before[3]!, true);
		const after = markKeys([{ text: 'New' }, { text: 'Head' }, { text: '***' }, { text: '***' }]);
		expect(after.map((k) => marks.has(k))).toEqual([false, false, false, true]);
		expect(toggleMark(marks, before[3]!, false).size).toBe(0);
		expect([...markBefore(marksOf(), before, 2)]).toEqual(before.slice(0, 2));
	});
});

describe('attachIntent', () => {
	const blocks = [{ text: 'Title', skip: true as const }, { text: 'Body.' }];

	it('leaves the marks to the editor when the reader never touched them and the map has anchors', () => {
		expect(attachIntent(blocks, { touched: false, hasAnchors: true, source: {} })).toEqual({
			type: 'attachText',
			blocks: [{ text: 'Title' }, { text: 'Body.' }],
			autoSkip: true
		});
	});

	it('sends the reader’s marks, and the page’s details', () => {
		expect(
			attachIntent(blocks, { touched: true, hasAnchors: true, source: { title: 'T' } })
		).toEqual({ type: 'attachText', blocks, source: { title: 'T' } });
		expect(attachIntent(blocks, { touched: false, hasAnchors: false, source: {} })).toEqual({
			type: 'attachText',
			blocks
		});
	});
});

describe('importText', () => {
	const reply = (status: number, body: unknown) => async () =>
		new Response(JSON.stringify(body), { status });

	it('answers the page, or the server’s own sentence', async () => {
		const page = { title: 'T', blocks: ['One.'] };
		expect(await importText({ url: 'https://e.org' }, reply(200, page))).toEqual({
			ok: true,
			text: page
		});
		const refused = { code: 'local-address', message: '127.0.0.1 is a private address.' };
		expect(await importText({ url: 'http://127.0.0.1/' }, reply(422, refused))).toEqual({
			ok: false,
			message: '127.0.0.1 is a private address.'
		});
		expect(await importText({ html: '' }, reply(200, { blocks: 'no' }))).toMatchObject({
			ok: false
		});
		const down = async () => {
			throw new TypeError('fetch failed');
		};
		expect(await importText({ html: '' }, down)).toEqual({
			ok: false,
			message: 'The server could not be reached, so nothing was imported.'
		});
	});
});

describe('TextIntakeState', () => {
	const file = (name: string, text: string | Uint8Array<ArrayBuffer>) =>
		new File([typeof text === 'string' ? new TextEncoder().encode(text) : text], name);

	it('reads a paste as blocks, Markdown headings on their own, paragraph breaks kept', () => {
		const intake = new TextIntakeState();
		expect(intake.result).toEqual({ kind: 'none' });
		intake.typed(OP_ED);
		// A paste that looks like Markdown is read as Markdown.
		expect(intake.markdown).toBe(true);
		expect(intake.result).toMatchObject({ kind: 'text', touched: false });
		expect(intake.blocks.map((b) => b.text)).toEqual([
			'Keep the night buses',
			'By A. Writer',
			'The council should keep the night buses running.',
			'They carry 4,200 people a week.',
			'Read more opinion'
		]);
	});

	it('guesses Markdown from a paste until the reader ticks or unticks the box', () => {
		const intake = new TextIntakeState();
		intake.typed('The council should keep the night buses.\n\nThey carry 4,200 people a week.');
		expect(intake.markdown).toBe(false);
		intake.typed('> The council should keep the *night* buses.\n\nThey carry **4,200** people.');
		expect(intake.markdown).toBe(true);
		expect(intake.blocks.map((b) => b.text)).toEqual([
			'The council should keep the night buses.',
			'They carry 4,200 people.'
		]);
		intake.setMarkdown(false);
		intake.typed('> Still **marked** up.');
		expect(intake.markdown).toBe(false);
		expect(intake.blocks[0]!.text).toBe('> Still **marked** up.');
		// An emptied box starts over.
		intake.typed('');
		intake.typed('# A heading');
		expect(intake.markdown).toBe(true);
	});

	it('keeps the reader’s marks through edits, and refuses a text with every block marked', () => {
		const intake = new TextIntakeState();
		intake.typed(OP_ED);
		intake.markBefore(2);
		intake.mark(4, true);
		expect(intake.blocks.map((b) => !!b.skip)).toEqual([true, true, false, false, true]);
		intake.typed(OP_ED.replace('4,200', '4,300'));
		expect(intake.blocks.map((b) => !!b.skip)).toEqual([true, true, false, false, true]);
		intake.mark(2, true);
		intake.mark(3, true);
		expect(intake.result).toEqual({
			kind: 'problem',
			message: 'Every paragraph is marked as not part of the argument: unmark at least one.'
		});
	});

	it('shows the suggested marks until the reader changes one, then keeps the rest', () => {
		const intake = new TextIntakeState({ suggest: () => 2 });
		intake.typed(OP_ED);
		expect(intake.blocks.map((b) => !!b.skip)).toEqual([true, true, false, false, false]);
		intake.mark(4, true);
		expect(intake.blocks.map((b) => !!b.skip)).toEqual([true, true, false, false, true]);
		expect(intake.result).toMatchObject({ kind: 'text', touched: true });
	});

	it('opens a Markdown file as UTF-8, with its heading as the title', async () => {
		const onload = vi.fn();
		const intake = new TextIntakeState({ onload });
		expect(await intake.openFile(file('op-ed.md', OP_ED))).toBe(true);
		expect(intake.markdown).toBe(true);
		expect(intake.details).toEqual({ title: 'Keep the night buses' });
		expect(onload).toHaveBeenCalledWith({ title: 'Keep the night buses' });
		expect(intake.from).toBe('op-ed.md');
		expect(intake.blocks).toHaveLength(5);
	});

	it('refuses other files, and text that is not UTF-8, and changes nothing', async () => {
		const intake = new TextIntakeState();
		intake.typed('Kept.');
		expect(await intake.openFile(file('paper.pdf', '%PDF'))).toBe(false);
		expect(intake.error).toBe(
			'paper.pdf: Warrant reads .txt, .md and saved .html files, not .pdf.'
		);
		expect(await intake.openFile(file('old.txt', Uint8Array.from([0x61, 0x0a, 0xe9])))).toBe(false);
		expect(intake.error).toBe(
			'old.txt, line 2: this is not UTF-8 text. Save the file as UTF-8 and open it again.'
		);
		expect(await intake.openFile(file('empty.txt', '\n\n'))).toBe(false);
		expect(intake.error).toBe('empty.txt: the text is empty');
		expect(intake.text).toBe('Kept.');
	});

	it('sends a saved page to the server and fills in what it declares', async () => {
		const bodies: ImportBody[] = [];
		const importer = async (body: ImportBody): Promise<ImportResult> => {
			bodies.push(body);
			return {
				ok: true,
				text: {
					title: 'Open the library on Sundays',
					author: 'Maren Okafor',
					date: '2024-03-17',
					blocks: ['First.', 'Second.'],
					truncated: true
				}
			};
		};
		const onload = vi.fn();
		const intake = new TextIntakeState({ importer, onload });
		expect(await intake.openFile(file('saved.html', '<p>First.</p>'))).toBe(true);
		expect(bodies).toEqual([{ html: '<p>First.</p>' }]);
		expect(intake.text).toBe('First.\n\nSecond.');
		expect(intake.truncated).toBe(true);
		expect(onload).toHaveBeenCalledWith({
			title: 'Open the library on Sundays',
			author: 'Maren Okafor',
			date: '2024-03-17'
		});
	});

	it('fetches a page by its address, busy meanwhile; a refusal is the server’s sentence', async () => {
		let answer: (r: ImportResult) => void = () => {};
		const importer = () => new Promise<ImportResult>((done) => (answer = done));
		const intake = new TextIntakeState({ importer });
		intake.typed('Kept.');
		expect(await intake.fetchPage()).toBe(false);
		expect(intake.error).toBe('Type the address of the page first (https://…).');
		intake.url = 'http://127.0.0.1:1/';
		const fetching = intake.fetchPage();
		expect(intake.busy).toBe('page');
		answer({ ok: false, message: '127.0.0.1 is a private or local address (loopback).' });
		expect(await fetching).toBe(false);
		expect(intake.busy).toBeUndefined();
		expect(intake.error).toBe('127.0.0.1 is a private or local address (loopback).');
		expect(intake.text).toBe('Kept.');
	});
});
