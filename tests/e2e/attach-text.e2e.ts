/**
 * Bringing a text in: on the New map form (pasted, from a file, from a page the test server
 * serves itself) and, once the source panel mounts it, through the map view's "Attach the
 * text" dialog. The op-ed below is this test's own writing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from './fixtures';
import { ARTICLE_SOURCE } from '../fixtures/import/expected';

// Refused addresses and files answer 4xx on purpose; Chromium logs each failed request.
test.use({ allowConsole: [/status of 4\d\d/] });

const dir = process.env.E2E_ARGUMENTS_DIR!;
const fileOf = (id: string) => JSON.parse(readFileSync(join(dir, `${id}.map.json`), 'utf8'));
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

const HEADING = 'Keep the night buses running';
const BYLINE = 'By Lena Hartwig, transport columnist';
const PARAGRAPHS = [
	'The city council should reject the plan to cut the night bus network: the savings are small, the riders have no other way home, and the streets become less safe without it.',
	'First, the savings are small. The night routes cost 1.8 million euros a year, which is 0.6% of the transport budget. Ending them would save less than the council spent on resurfacing one car park in 2023.',
	'Second, the people who ride after midnight have no other way home. A survey last spring found that 71% of night passengers work shifts in hospitals, kitchens and warehouses, and only 9% own a car.',
	'Third, the buses make the streets safer. Since the N4 route began in 2019, reported assaults near its stops fell by 23%, while they rose elsewhere in the city.',
	'Some will say that ride-hailing apps already fill the gap. But the apps raise their prices at exactly the hours when the buses run, and they do not serve the eastern estates after two in the morning.',
	'The council votes on 14 May. It should keep the night buses, and say so plainly.'
];
const OP_ED = [`# ${HEADING}`, BYLINE, ...PARAGRAPHS].join('\n\n');

/** The preview's checkbox for the block that starts with `words`. */
const mark = (page: Page, words: string) =>
	page.getByRole('checkbox', { name: new RegExp(`^Not part of the argument: ${words}`) });

test('a new map from a pasted op-ed carries its text, heading and byline marked', async ({
	page
}) => {
	await page.goto('/new');
	const section = page.getByRole('group', { name: 'Start from a text (optional)' });
	await section.getByLabel('Paste the text').fill(OP_ED);
	await section.getByLabel('Markdown').check();
	const preview = page.getByRole('region', { name: 'The text as paragraphs' });
	await expect(preview.getByRole('listitem')).toHaveCount(8);
	// The heading and the byline are marked already, and fill the title and the author.
	await expect(mark(page, 'Keep the night')).toBeChecked();
	await expect(mark(page, 'By Lena Hartwig')).toBeChecked();
	await expect(preview).toContainText('6 paragraphs; 2 blocks not part of the argument.');
	await expect(page.getByLabel(/^Title/)).toHaveValue(HEADING);
	await expect(page.getByLabel('Author')).toHaveValue('Lena Hartwig');
	// One action undoes a mark, and another sets it again.
	await mark(page, 'By Lena Hartwig').uncheck();
	await expect(preview).toContainText('7 paragraphs; 1 block not part of the argument.');
	await mark(page, 'By Lena Hartwig').check();
	// Numbered as the map will number them: the op-ed's first paragraph is paragraph 1.
	await expect(preview.getByRole('listitem').nth(2)).toContainText(/^1\s*The city council/);

	const id = `night-buses-${unique()}`;
	await page.getByLabel(/^Title/).fill(HEADING);
	await page.getByLabel('Author').fill('Lena Hartwig');
	await page
		.getByLabel(/^Thesis/)
		.fill('The council should keep the night buses, whose cut saves little.');
	await page.getByLabel(/^Map id/).fill(id);
	await page.getByLabel(/^Your name/).fill('Lena');
	await page.getByRole('button', { name: /Create/ }).click();
	await expect(page).toHaveURL(new RegExp(`/maps/${id}\\?mode=reconstruct$`));
	await expect(
		page.getByRole('button', { name: /^Thesis: The council should keep/ })
	).toBeVisible();

	const saved = fileOf(id);
	expect(saved.text).toEqual([
		{ text: HEADING, skip: true },
		{ text: BYLINE, skip: true },
		...PARAGRAPHS.map((text) => ({ text }))
	]);
	expect(saved.source).toEqual({ title: HEADING, author: 'Lena Hartwig', language: 'en' });
	expect(saved.nodes.map((n: { id: string }) => n.id)).toEqual([
		'thesis',
		'reason-1',
		'reason-2',
		'reason-3'
	]);
});

test('a headline with its byline on the next line is found too, as one block', async ({ page }) => {
	await page.goto('/new');
	const section = page.getByRole('group', { name: 'Start from a text (optional)' });
	await section
		.getByLabel('Paste the text')
		.fill([`${HEADING}\n${BYLINE}`, ...PARAGRAPHS.slice(0, 3)].join('\n\n'));
	const preview = page.getByRole('region', { name: 'The text as paragraphs' });
	await expect(mark(page, 'Keep the night')).toBeChecked();
	await expect(preview).toContainText('3 paragraphs; 1 block not part of the argument.');
	await expect(page.getByLabel(/^Title/)).toHaveValue(HEADING);
	await expect(page.getByLabel('Author')).toHaveValue('Lena Hartwig');
});

test('a page fetched by its address fills the empty source fields', async ({ page, baseURL }) => {
	await page.goto('/new');
	await page.getByLabel('Author').fill('Typed by hand');
	await page.getByLabel('Address of a web page').fill(`${baseURL}/test-pages/article`);
	await page.getByLabel('Address of a web page').press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: /^Read from the page at/ })
	).toBeVisible();
	await expect(page.getByLabel(/^Title/)).toHaveValue(ARTICLE_SOURCE.title);
	// What the person typed stays.
	await expect(page.getByLabel('Author')).toHaveValue('Typed by hand');
	await page.getByLabel('Author').fill('');
	// A second fetch fills what is empty, and replaces only what the first one put there.
	await page.getByRole('button', { name: 'Fetch the page' }).click();
	await expect(page.getByLabel('Author')).toHaveValue(ARTICLE_SOURCE.author);
	await expect(page.getByLabel('Publication')).toHaveValue(ARTICLE_SOURCE.publication);
	await expect(page.getByLabel('Date')).toHaveValue(ARTICLE_SOURCE.date);
	await expect(page.getByLabel(/^Language/)).toHaveValue(ARTICLE_SOURCE.language);
	await expect(page.getByLabel(/^Web address/)).toHaveValue(`${baseURL}/test-pages/article`);
	await expect(page.getByLabel(/^Map id/)).toHaveValue('open-the-library-on-sundays');
	await expect(
		page.getByRole('region', { name: 'The text as paragraphs' }).getByRole('listitem')
	).toHaveCount(10);
});

test('a refused address shows the server’s message and changes nothing', async ({ page }) => {
	await page.goto('/new');
	await page.getByLabel('Paste the text').fill('Kept as it was.');
	await page.getByLabel('Address of a web page').fill('http://127.0.0.1:1/');
	await page.getByRole('button', { name: 'Fetch the page' }).click();
	await expect(page.getByRole('alert').filter({ hasText: '127.0.0.1' })).toHaveText(
		'127.0.0.1 is a private or local address (loopback). Warrant imports pages from public addresses only.'
	);
	await expect(page.getByLabel('Paste the text')).toHaveValue('Kept as it was.');
	await expect(page.getByLabel(/^Title/)).toHaveValue('');
});

test('files: a saved page is read on the server, other files are refused by name', async ({
	page
}) => {
	await page.goto('/new');
	const file = page.getByLabel('Open a file');
	const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
	await file.setInputFiles({
		name: 'paper.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4')
	});
	await expect(alert).toHaveText(
		'paper.pdf: Warrant reads .txt, .md and saved .html files, not .pdf.'
	);
	await file.setInputFiles({
		name: 'huge.txt',
		mimeType: 'text/plain',
		buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 'a')
	});
	await expect(alert).toHaveText('huge.txt is 2.0 MB; a file may be at most 2.0 MB.');
	await file.setInputFiles(
		fileURLToPath(new URL('../fixtures/import/article.html', import.meta.url))
	);
	await expect(
		page.getByRole('status').filter({ hasText: /^Read from article\.html/ })
	).toBeVisible();
	await expect(page.getByLabel(/^Title/)).toHaveValue(ARTICLE_SOURCE.title);
	await expect(page.getByLabel('Author')).toHaveValue(ARTICLE_SOURCE.author);
	// A Markdown file is read in the browser, as Markdown.
	await file.setInputFiles({
		name: 'op-ed.md',
		mimeType: 'text/markdown',
		buffer: Buffer.from(OP_ED)
	});
	await expect(page.getByLabel('Markdown')).toBeChecked();
	await expect(page.getByLabel(/^Title/)).toHaveValue(HEADING);
	await expect(page.getByLabel('Author')).toHaveValue('');
	await expect(mark(page, 'Keep the night')).toBeVisible();
});

// The article of the Japan–Mongolia map is someone else's writing and never enters the
// repository: the test reads it from the shared seeds folder, when it is there.
const SEED = fileURLToPath(
	new URL('../../../shared/seeds/000_be431619a4aa177c.txt', import.meta.url)
);

// The map view mounts this dialog from the source panel: the header button "Text" opens the
// panel, whose "Attach the text…" opens <AttachText>.
test('attach the seed article to a copy of the Japan–Mongolia map through the UI', async ({
	page,
	request
}) => {
	test.skip(!existsSync(SEED), `the seed article is not at ${SEED}`);
	const id = `japan-mongolia-text-${unique()}`;
	const made = await request.post('/api/maps', { data: { id, from: 'japan-mongolia' } });
	expect(made.status()).toBe(201);
	await page.goto(`/maps/${id}`);
	await page.getByRole('button', { name: 'Text', exact: true }).click();
	await page.getByRole('button', { name: 'Attach the text…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Attach the text' });
	await expect(dialog).toContainText('This map has no text');
	await dialog.getByLabel('Open a file').setInputFiles(SEED);
	// The blocks before the map's paragraph 1 are shown marked; left alone, the editor marks them.
	await expect(dialog).toContainText(/so (it is|they are) marked/);
	await dialog.getByRole('button', { name: 'Attach', exact: true }).click();
	await expect(dialog).toBeHidden();
	await expect(
		page.getByRole('status').filter({ hasText: '82 of 82 anchors found' })
	).toBeVisible();
	// The text is beside the map now, every paragraph of the argument mapped, and the
	// highlighting works both ways.
	const panel = page.getByRole('complementary', { name: 'Source text' });
	await expect(panel.getByRole('status')).toContainText('17 of');
	await page.getByRole('searchbox', { name: 'Find a statement' }).fill('Motive 3');
	await page.getByRole('searchbox', { name: 'Find a statement' }).press('Enter');
	await expect(panel.locator('mark.active').first()).toBeVisible();
	await panel.locator('mark[data-nodes~="motive-2"]').first().click();
	await expect(
		page.getByRole('complementary', { name: 'Details of the selected statement' })
	).toContainText('Motive 2');
});
