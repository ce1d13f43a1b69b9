/**
 * Handing in: the printable report of a critiqued copy of the article map, printed to PDF by
 * Chromium and read back with poppler (pdftotext, pdftoppm; scripts/ensure-poppler.mjs installs
 * them), "Download my map", and the outline view's own print stylesheet.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseMap } from '../../src/lib/model/parse';
import { expect, test } from './fixtures';
import { artifact, map, mapTitle } from './helpers';
import { inkShare, pagesText, printToPdf } from './pdf';

const STUDENT = 'Mira Okafor';
// Our own words, written for this test.
const OBJECTION =
	'Budget support is what donors give any government with a deficit; it shows no plan to make the elite dependent.';
const UNDERCUT =
	'A new railway serves trade and travel; building one says nothing about the donor’s motive.';
const QUESTION = 'Which surveys show that the image improved?';

/** The article map with a student's critique: an objection, an undercut, judgements, a flag. */
function critiqued(title: string): unknown {
	const file = structuredClone(map) as unknown as {
		title: string;
		nodes: Record<string, unknown>[];
		links: Record<string, unknown>[];
	};
	// Its own title, as a copy gets: the list of maps shows the article map's title once.
	file.title = title;
	for (const n of file.nodes) {
		if (n.id === 'motive-1') n.questioned = { author: STUDENT, note: QUESTION };
		if (n.id === 'motive-5') n.verdict = 'accepted';
		if (n.id === 'thesis')
			n.flags = [{ type: 'loaded-language', note: 'The quotation marks sneer.', author: STUDENT }];
	}
	for (const l of file.links) if (l.id === 's-aid-hopes-to-motive-3') l.strength = 'weak';
	file.nodes.push(
		{ id: 'mira-budget', kind: 'claim', text: OBJECTION, origin: 'reader', author: STUDENT },
		{ id: 'mira-railway', kind: 'claim', text: UNDERCUT, origin: 'reader', author: STUDENT }
	);
	file.links.push(
		{
			id: 'mira-budget-attacks',
			from: 'mira-budget',
			to: 'motive-3',
			relation: 'attacks',
			origin: 'reader',
			author: STUDENT
		},
		{
			id: 'mira-railway-undercuts',
			from: 'mira-railway',
			to: 's-new-railway-to-motive-3',
			relation: 'undercuts',
			origin: 'reader',
			author: STUDENT
		}
	);
	return file;
}

let mapId: string;
test.beforeEach(async ({ request }, info) => {
	mapId = `report-${info.workerIndex}-${Date.now().toString(36)}`;
	const r = await request.post('/api/maps', {
		data: { id: mapId, map: critiqued(`${mapTitle} (copy: ${mapId})`) }
	});
	expect(r.status(), await r.text()).toBe(201);
});

test('the report of a critique prints: header, What follows, the map tiled, the outline', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}/report`);
	await page.waitForLoadState('networkidle');
	const cover = page.getByRole('main');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${mapTitle} (copy: ${mapId})`);
	await expect(cover).toContainText(`${map.source.title}, ${map.source.author}`);
	await expect(cover).toContainText(new RegExp(`Critique by\\s*${STUDENT}`));
	await expect(cover).toContainText(/Printed\s*\d{1,2} \w+ \d{4}/);
	await expect(cover).toContainText('2 statements added, 2 links added, 1 verdict');

	// The map's pages: each a viewport of the drawing at a scale that keeps the statements' 13-unit
	// text at 8 pt or more, and no bigger than the room a page has (186 × 243 mm).
	const tiles = page.getByRole('img', { name: /^The map, page \d+ of/ });
	const n = await tiles.count();
	expect(n).toBeGreaterThanOrEqual(2);
	const mm = (pt: number) => (pt * 25.4) / 72;
	const expected: { page: number; row: number; column: number }[] = [];
	for (const [i, svg] of (await tiles.all()).entries()) {
		const pt = async (a: string) => parseFloat((await svg.getAttribute(a)) ?? 'NaN');
		const [w, h] = [await pt('width'), await pt('height')];
		const box = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
		const scale = w / box[2]!;
		expect(13 * scale, `tile ${i + 1}: text size in pt`).toBeGreaterThanOrEqual(8);
		expect(mm(w)).toBeLessThanOrEqual(186.01);
		expect(mm(h)).toBeLessThanOrEqual(243.41);
		const name = (await svg.getAttribute('aria-label'))!;
		const [, row, column] = /row (\d+), column (\d+)/.exec(name)!.map(Number);
		expected.push({ page: i + 1, row: row!, column: column! });
	}

	const pdf = await printToPdf(page, 'report');
	const pages = pagesText(pdf);
	// The header and What follows, the map's pages, then the outline (at least one page).
	expect(pages.length).toBeGreaterThanOrEqual(n + 2);
	const tilePages = pages.filter((p) => /The map · page \d+ of/.test(p));
	expect(tilePages, 'one printed page per tile, never split').toHaveLength(n);
	expected.forEach((t, i) =>
		expect(tilePages[i]).toContain(
			`The map · page ${t.page} of ${n} · row ${t.row}, column ${t.column}`
		)
	);
	expect(pages[0]).toContain('What follows');
	expect(pages[0]).toContain(STUDENT);
	const all = pages.join('\n').replace(/\s+/g, ' ');
	// The student's statements, their name on them, and their judgements, as text.
	expect(all).toContain('added by Mira Okafor');
	expect(all).toContain(OBJECTION.slice(0, 60));
	expect(all).toContain(UNDERCUT.slice(0, 60));
	expect(all).toContain(`Questioned: ${QUESTION} — ${STUDENT}`);
	expect(all).toContain('Verdict: accepted');
	expect(all).toContain('Flag: Loaded language: The quotation marks sneer.');
	expect(all).toContain('is weak');
	expect(all).toMatch(/not established|defeated/);
	// No screen-only tools on paper.
	expect(all).not.toContain('Download my map');
	expect(all).not.toContain('Back to the map');

	// Every page has something on it: render them and measure the ink (on a map's page, below its
	// note, where the drawing is).
	const dir = artifact('report');
	execFileSync('pdftoppm', ['-r', '30', '-gray', pdf, join(dir, 'grey')]);
	const greys = readdirSync(dir)
		.filter((f) => f.startsWith('grey') && f.endsWith('.pgm'))
		.sort();
	expect(greys).toHaveLength(pages.length);
	greys.forEach((f, i) => {
		const skip = pages[i]!.includes('The map · page') ? 25 : 0;
		expect(inkShare(readFileSync(join(dir, f)), skip), `${f} is not blank`).toBeGreaterThan(0.0005);
	});
	// Pictures of the pages to look at (tests/artifacts/report/page-NN.png).
	execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(dir, 'page')]);

	// US Letter is shorter and wider: every tile still fits a page.
	const letter = pagesText(await printToPdf(page, 'report-letter', 'Letter'));
	expect(letter.filter((p) => /The map · page \d+ of/.test(p))).toHaveLength(n);
	expect(letter.length).toBeGreaterThanOrEqual(n + 2);
});

test('the one-page choice prints the whole map on one page', async ({ page }) => {
	await page.goto(`/maps/${mapId}/report`);
	await page.waitForLoadState('networkidle');
	await page.getByRole('radio', { name: /^One page/ }).check();
	await expect(page.getByRole('img', { name: /^The map\./ })).toHaveCount(1);
	const pages = pagesText(await printToPdf(page, 'report-one-page'));
	expect(pages.filter((p) => /^\s*The map\s*$/m.test(p))).toHaveLength(1);
	expect(pages.filter((p) => p.includes('The map · page'))).toHaveLength(0);
});

test('Hand in / Print opens the report from the map by keyboard, with unsaved changes in it', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await page.waitForLoadState('networkidle');
	// An unsaved change: reject Motive 5 (the student accepted it in the saved file).
	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	await find.fill('Motive 5');
	await find.press('Enter');
	const details = page.getByRole('complementary', { name: 'Details of the selected statement' });
	await details.getByRole('button', { name: 'Reject', exact: true }).click();
	await expect(page).toHaveTitle(/^• /);

	const link = page.getByRole('link', { name: 'Hand in / Print (opens in a new tab)' });
	await link.focus();
	const [report] = await Promise.all([page.context().waitForEvent('page'), link.press('Enter')]);
	await report.waitForLoadState('networkidle');
	expect(new URL(report.url()).pathname).toBe(`/maps/${mapId}/report`);
	await expect(report.getByRole('status')).toContainText(
		'This report includes changes you have not saved (1 statement edited)'
	);
	const outline = report.getByRole('region', { name: 'The outline' });
	await expect(outline).toContainText('Verdict: rejected');
	await expect(outline).not.toContainText('Verdict: accepted');
	// The saved map, on request.
	await report.getByRole('button', { name: 'Show the saved map' }).click();
	await expect(outline).toContainText('Verdict: accepted');
	await report.close();
});

test('Download my map gives the map file, unsaved changes included', async ({ page }) => {
	await page.goto(`/maps/${mapId}`);
	await page.waitForLoadState('networkidle');
	const saved = await (await page.request.get(`/api/maps/${mapId}`)).text();

	const download = async () => {
		const [d] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download my map' }).click()
		]);
		expect(d.suggestedFilename()).toBe(`${mapId}.map.json`);
		return readFileSync(await d.path(), 'utf8');
	};
	// Nothing changed: exactly the file the server keeps.
	expect(await download()).toBe(saved);

	await page.getByRole('searchbox', { name: 'Find a statement' }).fill('Motive 5');
	await page.getByRole('searchbox', { name: 'Find a statement' }).press('Enter');
	await page
		.getByRole('complementary', { name: 'Details of the selected statement' })
		.getByRole('button', { name: 'Reject', exact: true })
		.click();
	const text = await download();
	const r = parseMap(text);
	expect(r.ok, JSON.stringify(!r.ok && r.problems)).toBe(true);
	if (!r.ok) return;
	expect(r.map.nodes.find((n) => n.id === 'motive-5')?.verdict).toBe('rejected');
	expect(r.map.nodes.filter((n) => n.origin === 'reader').map((n) => n.author)).toEqual([
		STUDENT,
		STUDENT
	]);
});

test('printing the outline view prints the whole outline, every branch open, without the toolbar', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}?view=outline`);
	await page.waitForLoadState('networkidle');
	// Close the thesis's branch on screen.
	const thesisRow = page.getByRole('treeitem').first();
	const before = await page.getByRole('treeitem').count();
	await thesisRow.locator('.twisty').click();
	// The thesis's branch is closed on screen (the closing claims stay: they are roots too).
	await expect.poll(() => page.getByRole('treeitem').count()).toBeLessThan(before - 10);
	const closed = await page.getByRole('treeitem').count();

	const pdf = await printToPdf(page, 'outline');
	const pages = pagesText(pdf);
	const all = pagesText(pdf, 'raw').join('\n').replace(/\s+/g, ' ');
	expect(pages.length).toBeGreaterThan(1);
	// Rows far down the outline, under the closed branch, are printed…
	expect(all).toContain(OBJECTION.slice(0, 60));
	const last = map.nodes.at(-1)!;
	expect(all).toContain(last.text.slice(0, 50));
	// …and the app around it is not.
	for (const tool of ['Critique highlighted', 'Fold evidence', 'Hand in', 'Find a statement'])
		expect(all).not.toContain(tool);
	// Back on screen, the branch is closed again.
	await expect(page.getByRole('treeitem')).toHaveCount(closed);
});
