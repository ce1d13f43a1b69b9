/**
 * A critique assignment done end to end, as a student would on a 1024×768 laptop: open the
 * class's shared article map, add three objections (an undercut chosen by clicking a line, an
 * undercut chosen by keyboard on evidence with two outgoing links, a plain objection), a hidden
 * assumption and verdicts; save, which makes the student's own copy and leaves the class map as
 * it was; then print the report to PDF and read its pages back.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { MAP_ID, artifact, mapTitle } from './helpers';
import { inkShare, pagesText, printToPdf } from './pdf';

const dir = process.env.E2E_ARGUMENTS_DIR!;
// The student's own words, written for this test.
const OBJECTION = 'Paying a deficit is ordinary budget aid; it shows no plan to buy the elite.';
const CLICKED_UNDERCUT = 'Tied loans help the lender’s firms; that alone does not show a motive.';
const KEYED_UNDERCUT = 'A friendship year is ceremony; it shows goodwill, not a business plan.';
const ASSUMPTION = 'Whoever gains from aid must have given it in order to gain.';
const MINE = [OBJECTION, CLICKED_UNDERCUT, KEYED_UNDERCUT, ASSUMPTION];

test.use({ viewport: { width: 1024, height: 768 } });
test.setTimeout(120_000);

/** Find a statement by its words and leave the focus on it, as Enter then Escape do. */
async function goTo(page: Page, words: string) {
	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	await find.fill(words);
	await find.press('Enter');
	await find.press('Escape');
}

/** Type the text of the statement just opened in place and keep it. */
async function write(page: Page, text: string) {
	const box = page.getByRole('textbox', { name: /Text of the statement/ });
	await expect(box).toBeFocused();
	await page.keyboard.type(text);
	await page.keyboard.press('Enter');
	await expect(box).toHaveCount(0);
}

/**
 * Click a link's line where it is on screen and not under a statement, as near as it comes to the
 * statement the link leaves from (an evidence column's items share one line: the nearest is meant).
 */
async function clickLine(page: Page, id: string, from: string) {
	const near = (await page.locator(`[data-node-id="${from}"]`).first().boundingBox())!;
	const hit = page.locator(`.hit[data-links~="${id}"]`);
	const at = await hit.evaluate(
		(el: SVGPathElement, { id, near }) => {
			const m = el.getScreenCTM()!;
			const canvas = el.closest('.canvas')!.getBoundingClientRect();
			const cx = near.x + near.width / 2;
			const cy = near.y + near.height / 2;
			let best: { x: number; y: number; d: number } | undefined;
			for (let i = 0; i <= 200; i++) {
				const p = el.getPointAtLength((el.getTotalLength() * i) / 200);
				const x = p.x * m.a + p.y * m.c + m.e;
				const y = p.x * m.b + p.y * m.d + m.f;
				const inside =
					x > canvas.left + 4 &&
					x < canvas.right - 4 &&
					y > canvas.top + 4 &&
					y < canvas.bottom - 4;
				const d = Math.hypot(x - cx, y - cy);
				const there = inside && document.elementFromPoint(x, y)?.getAttribute('data-links');
				if (there && there.split(' ').includes(id) && (!best || d < best.d)) best = { x, y, d };
			}
			return best;
		},
		{ id, near }
	);
	expect(at, `a visible, clickable point on the line ${id}`).toBeDefined();
	await page.mouse.click(at!.x, at!.y);
}

test('a student critiques the shared map at 1024×768, saves their own copy and hands in a PDF', async ({
	page,
	request
}, info) => {
	const student = `Lea ${info.workerIndex}${Date.now().toString(36).slice(-4)}`;
	const before = await request.get(`/api/maps/${MAP_ID}`);
	const etag = before.headers()['etag']!;
	const onDisk = readFileSync(join(dir, `${MAP_ID}.map.json`));

	await page.goto(`/maps/${MAP_ID}`);
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Critique', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Save my copy' })).toBeVisible();

	// 1. An objection to Motive 3, by keyboard; the name is asked once.
	await goTo(page, 'Motive 3');
	await page.keyboard.press('o');
	const nameDialog = page.getByRole('dialog', { name: 'Your name' });
	await nameDialog.getByRole('textbox', { name: 'Name' }).fill(student);
	await nameDialog.getByRole('button', { name: 'Continue' }).click();
	await write(page, OBJECTION);

	// 2. An undercut on a link chosen by clicking its line: the evidence column under Motive 2
	// shares one line, so the click asks which of its links; the tied loans' is chosen.
	await goTo(page, 'oblige borrowers');
	await clickLine(page, 's-tied-loans-to-motive-2', 'tied-loans');
	const which = page.getByRole('dialog', { name: 'Which link?' });
	await expect(which.getByRole('button', { name: /^Since 1992 Japan’s GDP/ })).toBeVisible();
	await page.screenshot({ path: artifact('student-which-link.png') });
	await which.getByRole('button', { name: /^Loan terms often oblige/ }).click();
	await expect(page.locator('.canvas [aria-live="polite"]')).toContainText(
		/Loan terms often oblige.* supports Motive 2/
	);
	const linkDetails = page.getByRole('complementary', { name: 'Details of the selected link' });
	await expect(linkDetails.getByRole('button', { name: 'Motive 2' })).toBeVisible();
	await page.screenshot({ path: artifact('student-link-selected.png') });
	// The edit bar acts on the selected link.
	const bar = page.getByRole('toolbar', { name: 'Edit' });
	await expect(bar.getByRole('button', { name: 'Add reason' })).toBeDisabled();
	await bar.getByRole('button', { name: 'Undercut this link' }).click();
	await write(page, CLICKED_UNDERCUT);

	// 3. An undercut by keyboard on evidence with two outgoing links: K steps to the second.
	await goTo(page, 'year of youth exchange');
	await page.keyboard.press('k');
	await page.keyboard.press('k');
	await expect(page.locator('.canvas [aria-live="polite"]')).toContainText(
		'supports Motive 5 (inferred)'
	);
	await page.keyboard.press('u');
	await write(page, KEYED_UNDERCUT);

	// 4. A hidden assumption under Motive 4.
	await goTo(page, 'Motive 4');
	await page.keyboard.press('a');
	await write(page, ASSUMPTION);

	// 5. Verdicts: Motive 3 rejected, Motive 5 accepted.
	const details = page.getByRole('complementary', { name: 'Details of the selected statement' });
	for (const [label, verdict] of [
		['Motive 3', 'Reject'],
		['Motive 5', 'Accept']
	] as const) {
		await goTo(page, label);
		await details.getByRole('button', { name: verdict, exact: true }).click();
		await expect(details.getByRole('button', { name: verdict, exact: true })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	}

	// Save: the student's own copy is made, and the page moves to it.
	await page.keyboard.press('Control+s');
	const ask = page.getByRole('dialog', { name: 'Save your own copy' });
	await expect(ask.getByRole('textbox', { name: 'Title of your copy' })).toHaveValue(
		`${mapTitle} — critique by ${student}`
	);
	const id = await ask.getByRole('textbox', { name: 'Map id' }).inputValue();
	await ask.getByRole('button', { name: 'Save my copy' }).click();
	await expect(page).toHaveURL(new RegExp(`/maps/${id}$`));
	await expect(
		page.getByRole('status').filter({ hasText: 'Saved as your own copy' })
	).toContainText('The class map is unchanged.');
	await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
	await page.screenshot({ path: artifact('student-copy-notice.png') });

	// The class map is byte for byte as it was; the copy holds the student's work, with their name.
	expect((await request.get(`/api/maps/${MAP_ID}`)).headers()['etag']).toBe(etag);
	expect(Buffer.compare(readFileSync(join(dir, `${MAP_ID}.map.json`)), onDisk)).toBe(0);
	const copy = await (await request.get(`/api/maps/${id}`)).json();
	const added = (text: string) => copy.nodes.find((n: { text: string }) => n.text === text);
	for (const text of MINE)
		expect(added(text), text).toMatchObject({ origin: 'reader', author: student });
	const linkOf = (text: string) =>
		copy.links.find((l: { from: string }) => l.from === added(text).id);
	expect(linkOf(OBJECTION)).toMatchObject({ relation: 'attacks', to: 'motive-3' });
	expect(linkOf(CLICKED_UNDERCUT)).toMatchObject({
		relation: 'undercuts',
		to: 's-tied-loans-to-motive-2'
	});
	expect(linkOf(KEYED_UNDERCUT)).toMatchObject({
		relation: 'undercuts',
		to: 's-youth-year-to-motive-5'
	});
	const verdictOf = (nid: string) => copy.nodes.find((n: { id: string }) => n.id === nid).verdict;
	expect([verdictOf('motive-3'), verdictOf('motive-5')]).toEqual(['rejected', 'accepted']);

	// Hand in: the report, printed to PDF.
	const link = page.getByRole('link', { name: 'Hand in / Print (opens in a new tab)' });
	const [report] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
	await report.setViewportSize({ width: 1024, height: 768 });
	await report.waitForLoadState('networkidle');
	const tiles = report.getByRole('img', { name: /^The map, page \d+ of/ });
	for (const svg of await tiles.all()) {
		const w = parseFloat((await svg.getAttribute('width'))!);
		const box = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
		expect((13 * w) / box[2]!, 'statement text on paper, in pt').toBeGreaterThanOrEqual(8);
	}
	const pdf = await printToPdf(report, 'student-report');
	const pages = pagesText(pdf);
	const all = pagesText(pdf, 'raw').join('\n').replace(/\s+/g, ' ');
	expect(pages[0]).toContain(student);
	expect(all).toContain(`added by ${student}`);
	// Every statement of the copy is on paper whole, the student's among them.
	const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
	for (const n of copy.nodes as { id: string; text: string }[])
		expect(all, `the statement ${n.id}, whole`).toContain(flat(n.text));
	expect(all).toContain('Verdict: rejected');
	expect(all).toContain('Verdict: accepted');
	expect(all).toContain('What follows');

	// Every page has ink, and pictures of the pages to look at (tests/artifacts/student-report/).
	const out = artifact('student-report');
	execFileSync('pdftoppm', ['-r', '30', '-gray', pdf, join(out, 'grey')]);
	const greys = readdirSync(out).filter((f) => f.startsWith('grey'));
	expect(greys).toHaveLength(pages.length);
	for (const f of greys)
		expect(inkShare(readFileSync(join(out, f))), `${f} is not blank`).toBeGreaterThan(0.0005);
	execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(out, 'page')]);
	await report.close();
});
