/**
 * An exercise as a teacher and two students would use it: the teacher makes it from a map that
 * carries its text; each student joins in their own browser, works on their own map and checks
 * it on the server; the class view shows both. And over HTTP: a student can reach neither the
 * reference, nor the class view, nor anyone else's work.
 */
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Browser } from '@playwright/test';
import { expect, test, type Page } from './fixtures';
import { artifact } from './helpers';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(120_000);

const reference = JSON.parse(
	readFileSync('tests/fixtures/compare/bike-lanes/reference.map.json', 'utf8')
);
type Item = { id: string; from?: string; to?: string };

/** A student's well-made map: the reference's reconstruction, as a careful student has it. */
const good = () => structuredClone(reference);
/** A reason missing (with its evidence), and a piece of evidence under the wrong reason. */
function flawed() {
	const m = structuredClone(reference);
	const gone = ['painted-failed', 'share-rose'];
	m.nodes = m.nodes.filter((n: Item) => !gone.includes(n.id));
	m.links = m.links.filter((l: Item) => !gone.includes(l.from!) && !gone.includes(l.to!));
	m.links.find((l: Item) => l.from === 'survey-18').to = 'protected-change';
	return m;
}

async function makeExercise(request: APIRequestContext) {
	const r = await request.post('/api/exercises', {
		data: { from: 'bike-lanes', start: 'text', hintLevel: 2, title: 'Bike lanes: the argument' }
	});
	expect(r.status(), await r.text()).toBe(201);
	return (await r.json()) as { id: string; studentPath: string; teacherPath: string };
}

/** A student in their own browser: joins by name, and their work is made by `map`. */
async function student(browser: Browser, url: string, name: string, map: unknown) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(url);
	await page.getByRole('textbox', { name: /Your name/ }).fill(name);
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByText(/^Exercise:/)).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Your resume link' })).toHaveValue(/\?resume=/);
	// Their reconstruction, saved through their own submission (the editing tools are tested
	// elsewhere); then the page is reloaded and shows it.
	const sub = await page.evaluate(() => location.pathname);
	const id = await submissionId(page);
	const put = await context.request.put(`/api/x/${sub.split('/')[2]}/submission/${id}`, {
		data: map,
		headers: { 'if-match': '*' }
	});
	expect(put.status(), await put.text()).toBe(200);
	await page.reload();
	return { context, page, id };
}

/** The submission id the page works on (its editor's map id, in the Download file name). */
async function submissionId(page: Page): Promise<string> {
	const [d] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download my map' }).click()
	]);
	return d.suggestedFilename().replace(/\.map\.json$/, '');
}

test('a teacher makes an exercise, two students check their maps, the class view shows both', async ({
	page,
	browser
}) => {
	// The teacher makes it from the list of maps: the text only, hints up to level 2.
	await page.goto('/');
	await page.getByRole('button', { name: `Make an exercise of ${reference.title}` }).click();
	const dialog = page.getByRole('dialog', { name: /An exercise of/ });
	await dialog.getByRole('radio', { name: 'the text only' }).check();
	await dialog.getByRole('combobox', { name: /Hints may go as far as/ }).selectOption('2');
	await dialog.getByRole('button', { name: 'Make the exercise' }).click();
	const studentUrl = await dialog.getByRole('textbox', { name: 'Student link' }).inputValue();
	const teacherUrl = await dialog.getByRole('textbox', { name: 'Teacher link' }).inputValue();
	await page.screenshot({ path: artifact('exercise-made.png') });
	const ex = { id: new URL(studentUrl).pathname.split('/')[2]!, teacherPath: teacherUrl };
	await dialog.getByRole('button', { name: 'Done' }).click();
	const ana = await student(browser, studentUrl, 'Ana', good());
	const ben = await student(browser, studentUrl, 'Ben', flawed());

	// Ana's map is the argument: nothing to point out, full marks.
	const feedback = (p: Page) => p.getByRole('complementary', { name: 'Feedback on your map' });
	await ana.page.getByRole('button', { name: 'Check my map' }).click();
	await expect(feedback(ana.page)).toContainText('Score: 100 of 100');
	await expect(feedback(ana.page)).toContainText('Nothing to point out');

	// Ben's: the missing reason (where to look) and the misattached evidence, with hints.
	await ben.page.getByRole('button', { name: 'Check my map' }).click();
	const items = feedback(ben.page).getByRole('listitem');
	await expect(feedback(ben.page)).toContainText(
		/You have two of the three reasons the author gives/
	);
	await expect(feedback(ben.page)).toContainText(
		/This evidence supports the \w+ reason in the text/
	);
	const first = items.filter({ hasText: 'reasons the author gives' }).first();
	await expect(first.getByText(/^Hint 1:/)).toBeVisible();
	await first.getByRole('button', { name: 'Another hint' }).click();
	await expect(first.getByText(/^Hint 2:/)).toBeVisible();
	// The teacher released two levels: no third.
	await expect(first.getByRole('button', { name: 'Another hint' })).toHaveCount(0);
	await ben.page.screenshot({ path: artifact('exercise-feedback.png') });

	// The class view, by the teacher link: both students, their scores, the heat strip.
	await page.goto(ex.teacherPath);
	await expect(page).toHaveURL(new RegExp(`/x/${ex.id}/class$`));
	const table = page.getByRole('table');
	await expect(table.getByRole('row', { name: /Ana/ })).toContainText('100/100');
	await expect(table.getByRole('row', { name: /Ben/ })).not.toContainText('100/100');
	await expect(page.getByRole('list', { name: /paragraph by paragraph/ })).toBeVisible();
	await page.getByRole('link', { name: 'Ben' }).click();
	await expect(page.getByRole('heading', { name: 'Ben’s map beside the reference' })).toBeVisible();
	await page.screenshot({ path: artifact('exercise-class.png'), fullPage: true });
	const csv = await page.request.get(`/api/x/${ex.id}/class.csv`);
	expect(csv.status()).toBe(200);
	expect((await csv.text()).split('\n')[0]).toMatch(/^name,score,/);

	await ana.context.close();
	await ben.context.close();
});

test('a student can reach neither the reference, nor the class view, nor another’s work', async ({
	request,
	browser
}) => {
	const ex = await makeExercise(request);
	const ana = await student(browser, ex.studentPath, 'Ana', good());
	const ben = await student(browser, ex.studentPath, 'Ben', flawed());
	const asBen = ben.context.request;

	// The reference: not in Ben's page, its data, or any route he can reach.
	const refOnly = reference.nodes.find((n: Item) => n.id === 'painted-failed').text as string;
	const html = await (await asBen.get(`/x/${ex.id}`)).text();
	expect(html).not.toContain(refOnly);
	const data = await (await asBen.get(`/x/${ex.id}/__data.json`)).text();
	expect(data).not.toContain(refOnly);
	expect((await asBen.get(`/x/${ex.id}/class`)).status()).toBe(403);
	expect((await asBen.get(`/api/x/${ex.id}/class.csv`)).status()).toBe(403);
	// Ana's work: not by her id, not by guessing.
	expect((await asBen.get(`/api/x/${ex.id}/submission/${ana.id}`)).status()).toBe(403);
	expect(
		(
			await asBen.put(`/api/x/${ex.id}/submission/${ana.id}`, {
				data: good(),
				headers: { 'if-match': '*' }
			})
		).status()
	).toBe(403);
	// Without a cookie nothing opens; an unknown exercise is not found.
	expect((await request.post(`/api/x/${ex.id}/check`)).status()).toBe(403);
	expect((await request.get(`/x/AAAAAAAAAAAAAAAAAAAAAA/class`)).status()).toBe(404);
	// A wrong teacher key is refused.
	expect((await asBen.get(`/x/${ex.id}/class?key=guess`)).status()).toBe(403);
	await ana.context.close();
	await ben.context.close();
});
