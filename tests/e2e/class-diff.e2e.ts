/**
 * The teacher's side of an exercise beyond the table: one submission drawn beside the reference
 * with the differences marked on both maps; the student and teacher links revoked and reissued;
 * the reference released to the students and taken back. Over HTTP where it is about who may
 * see what.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Browser } from '@playwright/test';
import { expect, test, type Page } from './fixtures';
import { artifact } from './helpers';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(90_000);

const reference = JSON.parse(
	readFileSync('tests/fixtures/compare/bike-lanes/reference.map.json', 'utf8')
);
type Item = { id: string; from?: string; to?: string; text?: string };
const textOf = (id: string) => reference.nodes.find((n: Item) => n.id === id).text as string;

/** A reason missing (with its evidence), and a piece of evidence under the wrong reason. */
function flawed() {
	const m = structuredClone(reference);
	const gone = ['painted-failed', 'share-rose'];
	m.nodes = m.nodes.filter((n: Item) => !gone.includes(n.id));
	m.links = m.links.filter((l: Item) => !gone.includes(l.from!) && !gone.includes(l.to!));
	m.links.find((l: Item) => l.from === 'survey-18').to = 'protected-change';
	return m;
}

interface Made {
	id: string;
	studentPath: string;
	teacherPath: string;
}

async function makeExercise(request: APIRequestContext): Promise<Made> {
	const r = await request.post('/api/exercises', {
		data: { from: 'bike-lanes', start: 'text', hintLevel: 2, title: 'Bike lanes: side by side' }
	});
	expect(r.status(), await r.text()).toBe(201);
	return (await r.json()) as Made;
}

const joinKey = (studentPath: string) => new URL(studentPath, 'http://x').searchParams.get('join');

/** A student in their own browser context who joins over the API and saves `map` as their work. */
async function student(browser: Browser, ex: Made, name: string, map: unknown) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const join = await context.request.post(`/api/x/${ex.id}/join`, {
		data: { name, join: joinKey(ex.studentPath) }
	});
	expect(join.status(), await join.text()).toBe(201);
	const { resume } = (await join.json()) as { resume: string };
	const sub = new URL(resume, 'http://x').searchParams.get('resume')!.split('.')[0]!;
	const put = await context.request.put(`/api/x/${ex.id}/submission/${sub}`, {
		data: map,
		headers: { 'if-match': '*' }
	});
	expect(put.status(), await put.text()).toBe(200);
	return { context, sub, resume };
}

async function axe(page: Page) {
	const r = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

test('the class view draws a submission beside the reference with the differences marked on both', async ({
	page,
	browser,
	request
}) => {
	const ex = await makeExercise(request);
	const ben = await student(browser, ex, 'Ben', flawed());
	await page.goto(ex.teacherPath);
	await page.getByRole('link', { name: 'Ben' }).click();
	await expect(page.getByRole('heading', { name: 'Ben’s map beside the reference' })).toBeVisible();

	// Both maps are drawn, each a picture whose name says where its marks are in words.
	const refMap = page.getByRole('region', { name: 'Reference', exact: true });
	const benMap = page.getByRole('region', { name: 'Ben’s map', exact: true });
	await expect(
		refMap.getByRole('img', { name: /reference map, with the differences/ })
	).toBeVisible();
	await expect(benMap.getByRole('img', { name: /Ben’s map, with the differences/ })).toBeVisible();
	await expect(page.getByRole('list', { name: 'What the marks mean' })).toContainText('missing');

	// The missing reason is marked on the reference (and not on Ben's map, which lacks it).
	const list = page.getByRole('list', { name: /^Differences/ });
	const missing = list.getByRole('button', { name: /^missing Missing: .*no match/ });
	await expect(missing.filter({ hasText: textOf('painted-failed').slice(0, 40) })).toHaveCount(1);
	await expect(refMap.locator('.node-mark.missing')).toHaveCount(await missing.count());
	await expect(benMap.locator('.node-mark.missing')).toHaveCount(0);

	// The misattached evidence: reached by keyboard, it lights its link on both maps.
	const misattached = list.getByRole('button', { name: /^misattached Misattached:/ });
	await expect(misattached).toHaveCount(1);
	await misattached.focus();
	await expect(misattached).toHaveAttribute('aria-pressed', 'true');
	await expect(refMap.locator('.link-mark[data-lit="true"]')).not.toHaveCount(0);
	await expect(benMap.locator('.link-mark[data-lit="true"]')).not.toHaveCount(0);
	await expect(benMap.locator('.link-mark.misattached .tag')).toContainText('misattached');

	// Matched statements carry the same number on both maps; hovering one lights its partner.
	const refBadges = await refMap.locator('.badge text').allTextContents();
	const benBadges = await benMap.locator('.badge text').allTextContents();
	expect(refBadges.length).toBeGreaterThan(3);
	expect([...benBadges].sort()).toEqual([...refBadges].sort());
	await page.mouse.move(0, 0);
	await benMap
		.locator('.node-mark', { has: page.locator('.badge text', { hasText: /^1$/ }) })
		.hover();
	await expect(refMap.locator('.node-mark[data-lit="true"] .badge text')).toHaveText('1');

	// Readable at 1280 wide: nothing spills out of the page.
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	expect(await axe(page)).toEqual([]);
	await page.mouse.move(0, 0);
	await misattached.focus();
	await page.screenshot({ path: artifact('class-diff.png') });
	await page.getByRole('button', { name: 'Actual size' }).first().click();
	await expect(page.getByRole('button', { name: 'Actual size' }).first()).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	// At actual size the reference scrolls; choosing a difference brings its mark into view
	// in the map, without moving the page away from the list.
	const scroller = refMap;
	await scroller.evaluate((el) => el.scrollTo(0, 0));
	await misattached.blur();
	const mark = refMap.locator('.link-mark.misattached').first();
	const inView = async () => {
		const [m, r] = [await mark.boundingBox(), await scroller.boundingBox()];
		return !!m && !!r && m.x >= r.x && m.x + m.width <= r.x + r.width;
	};
	expect(await inView()).toBe(false);
	await misattached.scrollIntoViewIfNeeded();
	await page.mouse.move(0, 0);
	const before = await page.evaluate(() => scrollY);
	await misattached.focus();
	await expect(mark).toHaveAttribute('data-lit', 'true');
	await expect.poll(inView).toBe(true);
	expect(await page.evaluate(() => scrollY)).toBe(before);
	await page.screenshot({ path: artifact('class-diff-actual-size.png') });

	// The teacher deletes Ben's work, asked twice: it is gone from the class and from the server.
	await page.getByRole('button', { name: 'Delete Ben’s work' }).click();
	await page.getByRole('button', { name: 'Delete Ben’s work for good' }).click();
	await expect(page.getByRole('status')).toContainText('is deleted');
	await expect(page.getByRole('link', { name: 'Ben' })).toHaveCount(0);
	expect((await ben.context.request.get(`/api/x/${ex.id}/submission/${ben.sub}`)).status()).toBe(
		403
	);
	await ben.context.close();
});

test('a new student link refuses the old one; those who joined keep their work; a new teacher link locks the old out', async ({
	page,
	browser,
	request
}) => {
	const ex = await makeExercise(request);
	const ana = await student(browser, ex, 'Ana', flawed());
	// A second browser that opened the class view with the first teacher link.
	const other = await browser.newContext();
	expect((await other.request.get(ex.teacherPath)).status()).toBe(200);

	await page.goto(ex.teacherPath);
	// The exercise was made elsewhere (the API): the server keeps only the student link's hash.
	const link = page.getByRole('textbox', { name: 'Student link' });
	await expect(link).toHaveCount(0);
	await expect(page.getByText('make a new one to see it here')).toBeVisible();
	await page.getByRole('button', { name: 'New student link' }).click();
	await expect(page.getByRole('status')).toContainText('the old one no longer lets anyone join');
	await expect(link).toHaveValue(new RegExp(`/x/${ex.id}\\?join=`));
	await expect(link).not.toHaveValue(new RegExp(joinKey(ex.studentPath)!));
	const fresh = new URL(await link.inputValue()).pathname + new URL(await link.inputValue()).search;

	// The old link: refused, in words, over HTTP and in the page.
	const late = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const refused = await late.request.post(`/api/x/${ex.id}/join`, {
		data: { name: 'Late', join: joinKey(ex.studentPath) }
	});
	expect(refused.status()).toBe(403);
	expect(await refused.text()).toContain('no longer in use');
	const latePage = await late.newPage();
	await latePage.goto(ex.studentPath);
	await expect(latePage.getByRole('alert')).toContainText('Ask them for the new link');
	await expect(latePage.getByRole('button', { name: 'Start' })).toHaveCount(0);
	// The new one lets them in.
	await latePage.goto(fresh);
	await latePage.getByRole('textbox', { name: /Your name/ }).fill('Late');
	await latePage.getByRole('button', { name: 'Start' }).click();
	await expect(latePage.getByText(/^Exercise:/)).toBeVisible();
	// Ana joined by the old link: her work still opens, in her browser and by her resume link.
	expect((await ana.context.request.get(`/api/x/${ex.id}/submission/${ana.sub}`)).status()).toBe(
		200
	);
	const back = await browser.newContext();
	const resumed = await back.request.get(ana.resume);
	expect(resumed.status()).toBe(200);
	expect(await resumed.text()).toContain('Ana');

	// A new teacher link, shown once; the old one is refused everywhere, the new one opens.
	await page.getByRole('button', { name: 'New teacher link' }).click();
	const shown = page.getByRole('textbox', { name: /New teacher link/ });
	await expect(shown).toHaveValue(new RegExp(`/x/${ex.id}/class\\?key=`));
	const newPath = new URL(await shown.inputValue());
	expect(newPath.search).not.toBe(new URL(ex.teacherPath, 'http://x').search);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Bike lanes: side by side' })).toBeVisible();
	await expect(page.getByRole('textbox', { name: /New teacher link/ })).toHaveCount(0);
	expect((await other.request.get(`/x/${ex.id}/class`)).status()).toBe(403);
	expect((await other.request.get(`/api/x/${ex.id}/class.csv`)).status()).toBe(403);
	const stranger = await browser.newContext();
	const old = await stranger.request.get(ex.teacherPath);
	expect(old.status()).toBe(403);
	expect(await old.text()).toContain('replaced');
	expect((await stranger.request.get(newPath.pathname + newPath.search)).status()).toBe(200);
	for (const c of [ana.context, other, late, back, stranger]) await c.close();
});

test('the reference reaches students only while the teacher has it released', async ({
	page,
	browser,
	request
}) => {
	const ex = await makeExercise(request);
	const ben = await student(browser, ex, 'Ben', flawed());
	const refOnly = textOf('painted-failed');
	const sent = async () => {
		const html = await (await ben.context.request.get(`/x/${ex.id}`)).text();
		const data = await (await ben.context.request.get(`/x/${ex.id}/__data.json`)).text();
		return html.includes(refOnly) || data.includes(refOnly);
	};
	expect(await sent()).toBe(false);
	// Only the teacher can release it, or do anything else the class view does.
	for (const data of [{ action: 'release', released: true }, { action: 'teacher-link' }]) {
		const r = await ben.context.request.post(`/api/x/${ex.id}/teacher`, { data });
		expect(r.status()).toBe(403);
	}
	expect(await sent()).toBe(false);

	await page.goto(ex.teacherPath);
	const release = page.getByRole('button', { name: 'Release the reference' });
	await expect(release).toHaveAttribute('aria-pressed', 'false');
	await release.click();
	await expect(release).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByRole('status')).toContainText('students see it beside their maps');
	expect(await sent()).toBe(true);

	// Ben's page shows the reference beside his map, to read.
	const benPage = await ben.context.newPage();
	await benPage.goto(`/x/${ex.id}`);
	const aside = benPage.getByRole('complementary', { name: 'The reference map' });
	await expect(aside.getByRole('img', { name: /reference map, released/ })).toBeVisible();
	await aside.getByText('The reference as a list').click();
	await expect(aside.getByRole('list', { name: 'The reference’s statements' })).toContainText(
		refOnly
	);
	expect(await axe(benPage)).toEqual([]);
	await benPage.screenshot({ path: artifact('student-released.png') });
	// Ben can put it away to work, and bring it back.
	const toggle = benPage.getByRole('button', { name: 'Show the reference' });
	await toggle.click();
	await expect(aside).toHaveCount(0);
	await toggle.click();
	await expect(aside).toBeVisible();

	// Taken back: not in the page, not in its data.
	await release.click();
	await expect(release).toHaveAttribute('aria-pressed', 'false');
	expect(await sent()).toBe(false);
	await benPage.reload();
	await expect(benPage.getByText(/^Exercise:/)).toBeVisible();
	await expect(benPage.getByRole('complementary', { name: 'The reference map' })).toHaveCount(0);
	await ben.context.close();
});
