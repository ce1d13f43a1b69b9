import { describe, expect, it } from 'vitest';
import { templateMap, slugify } from '$lib/model/templates';
import { evaluate } from '$lib/model/evaluate';
import { editText } from '$lib/commands/intents';
import { apply } from '$lib/commands/commands';
import { validateMap } from '$lib/model/parse';
import {
	MAX_COPY_ATTEMPTS,
	checkMapId,
	copyId,
	createMapBody,
	emptyForm,
	fillFromText,
	mapWithText,
	validateNewMap,
	type NewMapForm
} from './new-map';
import { serverMessage } from './remote';

const filled = (over: Partial<NewMapForm> = {}): NewMapForm => ({
	...emptyForm(),
	title: 'Japan and Mongolia',
	thesis: 'Aid serves the donor.',
	id: 'japan-and-mongolia',
	yourName: 'Ada',
	...over
});

describe('validateNewMap', () => {
	it('accepts a filled form and the defaults (language "en", 3 reasons)', () => {
		expect(emptyForm()).toMatchObject({ language: 'en', reasons: 3 });
		expect(validateNewMap(filled())).toEqual({});
		expect(
			validateNewMap(
				filled({
					author: 'Boris Kushkhov',
					publication: 'New Eastern Outlook',
					date: '2023-03-27',
					url: 'https://example.org/a?b=1',
					language: 'pt-BR',
					reasons: 12,
					yourName: 'Ada'
				})
			)
		).toEqual({});
	});

	it('asks for the required fields', () => {
		const e = validateNewMap(emptyForm());
		expect(Object.keys(e)).toEqual(['title', 'thesis', 'id', 'yourName']);
		expect(validateNewMap(filled({ title: '   ' })).title).toMatch(/title/);
		// The map is its maker's: without a name it would be a shared map nobody can save into.
		expect(validateNewMap(filled({ yourName: '  ' })).yourName).toMatch(/your name.*yours/i);
	});

	it('checks the reasons count, the date, the language and the address', () => {
		for (const reasons of [null, -1, 13, 2.5])
			expect(validateNewMap(filled({ reasons })).reasons).toMatch(/0 to 12/);
		expect(validateNewMap(filled({ reasons: 0 }))).toEqual({});
		expect(validateNewMap(filled({ date: '2023-02-30' })).date).toBeDefined();
		expect(validateNewMap(filled({ language: 'English' })).language).toBeDefined();
		expect(validateNewMap(filled({ language: '' })).language).toBeDefined();
		expect(validateNewMap(filled({ url: 'example.org' })).url).toBeDefined();
		expect(validateNewMap(filled({ url: 'javascript:alert(1)' })).url).toBeDefined();
	});

	it('checks lengths and control characters', () => {
		expect(validateNewMap(filled({ title: 'x'.repeat(301) })).title).toMatch(/300/);
		expect(validateNewMap(filled({ yourName: 'x'.repeat(81) })).yourName).toMatch(/80/);
		expect(validateNewMap(filled({ thesis: 'a\u0007b' })).thesis).toMatch(/control/);
	});
});

describe('checkMapId', () => {
	it('accepts slugs up to 64 characters and says why others are refused', () => {
		expect(checkMapId('a')).toBeUndefined();
		expect(checkMapId('a1-b2-c3')).toBeUndefined();
		expect(checkMapId('a'.repeat(64))).toBeUndefined();
		expect(checkMapId('')).toMatch(/Enter/);
		expect(checkMapId('a'.repeat(65))).toMatch(/64/);
		for (const bad of ['A', 'a--b', '-a', 'a-', 'a_b', 'a b', 'é'])
			expect(checkMapId(bad)).toMatch(/lower-case/);
	});

	it('accepts whatever slugify makes from a title', () => {
		for (const t of ['Japan and Mongolia!', 'Ça va?', '—', 'x'.repeat(200), '2023: a year'])
			expect(checkMapId(slugify(t))).toBeUndefined();
	});
});

describe('createMapBody', () => {
	it('trims values, leaves out empty ones, and makes a map the server accepts', () => {
		const body = createMapBody(
			filled({ title: '  Japan and Mongolia ', author: ' ', yourName: ' Ada ', reasons: 2 })
		);
		expect(body).toEqual({
			id: 'japan-and-mongolia',
			source: { title: 'Japan and Mongolia', language: 'en' },
			thesis: 'Aid serves the donor.',
			reasons: 2,
			owner: 'Ada'
		});
		const map = templateMap(body.source, body.thesis, body.reasons);
		expect(map.nodes.every((n) => n.origin === 'source')).toBe(true);
		expect(validateMap(map).ok).toBe(true);
		expect(createMapBody(filled({ yourName: '' }))).not.toHaveProperty('owner');
		// A map made with its text is the same map, its owner included.
		expect(mapWithText(body, [{ text: 'A paragraph.' }])).toMatchObject({ owner: 'Ada' });
	});
});

describe('copyId', () => {
	it('counts copies from -copy to -copy-20', () => {
		expect(copyId('japan-mongolia', 1)).toBe('japan-mongolia-copy');
		expect(copyId('japan-mongolia', 2)).toBe('japan-mongolia-copy-2');
		expect(copyId('japan-mongolia', MAX_COPY_ATTEMPTS)).toBe('japan-mongolia-copy-20');
	});

	it('stays a valid id when the original is already 64 characters long', () => {
		const long = `${'a'.repeat(55)}-bbbbbbbb`;
		for (let i = 1; i <= MAX_COPY_ATTEMPTS; i++)
			expect(checkMapId(copyId(long, i))).toBeUndefined();
		expect(copyId(`${'a'.repeat(58)}-bbbbb`, 1)).toBe(`${'a'.repeat(58)}-copy`);
	});
});

describe('serverMessage', () => {
	it('shows the message and the first problems with their places', () => {
		expect(
			serverMessage(
				{
					message: 'the map is not valid',
					problems: [{ code: 'schema', path: ['nodes', 0, 'text'], message: 'must not be empty' }]
				},
				422
			)
		).toEqual({ message: 'the map is not valid', details: ['nodes[0].text: must not be empty'] });
	});

	it('copes with bodies that are not what it expects', () => {
		expect(serverMessage(null, 500)).toEqual({
			message: 'The server answered with status 500.',
			details: []
		});
		expect(serverMessage({ message: '', problems: 'x' }, 400).details).toEqual([]);
	});
});

describe('a new map from the template', () => {
	it('leaves its unwritten reasons out of the evaluation until they say something', () => {
		const map = templateMap({ title: 'An op-ed' }, 'Cities should tax empty homes.', 2);
		const e = evaluate(map);
		expect(e.nodes.get('reason-1')).toMatchObject({
			status: 'open',
			reason: expect.stringMatching(/a draft: it counts once you write what it says/)
		});
		// Presumed, with no written reason: not carried by placeholders.
		expect(e.nodes.get('thesis')).toMatchObject({
			status: 'holds',
			reason: expect.stringMatching(/taken as given until questioned/)
		});
		const written = editText(map, 'reason-1', 'Empty homes push rents up.');
		if (!written.ok) throw new Error(written.reason);
		const after = apply(map, written.command);
		if (!after.ok) throw new Error(after.reason);
		expect(evaluate(after.map).nodes.get('reason-1')!.status).toBe('holds');
	});
});

describe('fillFromText', () => {
	const page = {
		title: 'Open the library on Sundays',
		author: 'Maren Okafor',
		date: '2024-03-17',
		language: 'en-GB',
		url: 'https://ledger.example/a'
	};

	it('fills the empty fields and the default language, and says what it filled', () => {
		const r = fillFromText(emptyForm(), page, {});
		expect(r.patch).toEqual(page);
		expect(r.filled).toEqual(page);
	});

	it('never overwrites what the person typed', () => {
		const form = { ...emptyForm(), title: 'My title', language: 'fr', publication: 'Mine' };
		const r = fillFromText(form, { ...page, publication: 'Theirs' }, {});
		expect(r.patch).toEqual({
			author: 'Maren Okafor',
			date: '2024-03-17',
			url: 'https://ledger.example/a'
		});
	});

	it('replaces what an earlier text filled, and empties what the next one does not declare', () => {
		const first = fillFromText(emptyForm(), page, {});
		const form = { ...emptyForm(), ...first.patch };
		const second = fillFromText(form, { title: 'Another text' }, first.filled);
		expect(second.patch).toEqual({
			title: 'Another text',
			author: '',
			date: '',
			language: 'en',
			url: ''
		});
		expect(second.filled).toEqual({ title: 'Another text' });
		// Once the person changes a filled field, it is theirs.
		const edited = { ...form, author: 'M. Okafor' };
		expect(fillFromText(edited, {}, first.filled).patch.author).toBeUndefined();
	});
});

describe('mapWithText', () => {
	it('is the template with the text, its marks kept, and a map the server accepts', () => {
		const body = createMapBody(filled({ reasons: 2 }));
		const map = mapWithText(body, [
			{ text: 'A heading', skip: true },
			{ text: 'The first paragraph.' },
			{ text: 'The second.' }
		]);
		expect(map.nodes.map((n) => n.id)).toEqual(['thesis', 'reason-1', 'reason-2']);
		expect(map.text).toEqual([
			{ text: 'A heading', skip: true },
			{ text: 'The first paragraph.' },
			{ text: 'The second.' }
		]);
		expect(validateMap(map).ok).toBe(true);
	});
});
