/**
 * An exercise as a teacher and two students would use it: the teacher makes it from a map that
 * carries its text; each student joins in their own browser, works on their own map and checks
 * it on the server; the class view shows both. And over HTTP: a student can reach neither the
 * reference, nor the class view, nor anyone else's work.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Browser } from '@playwright/test';
import { expect, test, type Locator, type Page } from './fixtures';
import { artifact } from './helpers';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(120_000);

const reference = JSON.parse(
	readFileSync('tests/fixtures/compare/bike-lanes/reference.map.json', 'utf8')
);
type Item = { id: string; from?: string; to?: string };

/** A well-made map, written straight to a submission (the HTTP tests need no UI). */
const good = () => structuredClone(reference);

async function makeExercise(request: APIRequestContext) {
	const r = await request.post('/api/exercises', {
		data: { from: 'bike-lanes', start: 'text', hintLevel: 2, title: 'Bike lanes: the argument' }
	});
	expect(r.status(), await r.text()).toBe(201);
	return (await r.json()) as { id: string; studentPath: string; teacherPath: string };
}

/** A student in their own browser, joined by name. */
async function join(browser: Browser, url: string, name: string) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(url);
	await page.getByRole('textbox', { name: /Your name/ }).fill(name);
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByText(/^Exercise:/)).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Your resume link' })).toHaveValue(/\?resume=/);
	return { context, page };
}

/**
 * The text panel's select-to-statement tools, as a student drives them by keyboard (see
 * reconstruct.e2e.ts): choose sentences of a paragraph, press a kind's key, keep the words.
 */
function tools(page: Page) {
	const panel = page.getByRole('complementary', { name: 'Source text' });
	const box = page.getByRole('textbox', { name: /Text of the statement/ });
	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	return {
		/** Select the statement whose text has `words`. */
		async select(words: string) {
			await find.fill(words);
			await find.press('Enter');
			await expect(page.locator(`[data-node-id].selected`, { hasText: words })).toBeVisible();
		},
		/** Sentences `from`..`to` (1-based) of paragraph `p`, made a statement by `key`. */
		async make(p: number, key: 't' | 'r' | 'e' | 'o', from: number, to = from) {
			await panel.getByLabel(`Paragraph ${p}`, { exact: true }).focus();
			for (let i = 0; i < from; i++) await page.keyboard.press('ArrowRight');
			for (let i = from; i < to; i++) await page.keyboard.press('Shift+ArrowRight');
			await expect(
				panel.getByRole('toolbar', { name: 'Make the selected passage into' })
			).toBeVisible();
			await page.keyboard.press(key);
			await expect(box).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(box).toHaveCount(0);
		},
		/** Make the statement whose text has `words` one of another kind, in its details. */
		async kind(words: string, kind: 'claim' | 'evidence') {
			await this.select(words);
			const details = page.getByRole('complementary', {
				name: 'Details of the selected statement'
			});
			await details.getByRole('combobox', { name: 'Kind' }).selectOption(kind);
			await expect(details.getByText(new RegExp(`^${kind} ·`, 'i'))).toBeVisible();
		},
		/** Mark the link from the selected statement as the reconstruction's inference. */
		async inferLink(to: RegExp) {
			await page
				.getByRole('group', { name: 'Its links' })
				.getByRole('button', { name: to })
				.click();
			const inferred = page.getByRole('button', { name: 'Inferred', exact: true });
			await inferred.click();
			await expect(inferred).toHaveAttribute('aria-pressed', 'true');
		}
	};
}

const THESIS = 'vote for the lane';

/**
 * The student's reconstruction of the bike-lanes text, made with the tools. `flawed` leaves out
 * the first reason (paragraph 2, with its evidence) and puts the shoppers' survey under the
 * second reason instead of the third.
 */
async function reconstruct(page: Page, flawed = false) {
	const t = tools(page);
	// The exercise opens for reconstructing: what the student adds is the text's argument.
	await expect(page.getByRole('button', { name: 'Reconstruct', pressed: true })).toBeVisible();
	await t.make(6, 't', 1);
	await expect(page.getByRole('button', { name: /^Thesis:/ })).toContainText(
		'The council should vote for the lane'
	);
	if (!flawed) {
		await t.select(THESIS);
		await t.make(2, 'r', 1);
		await t.select('Painted lanes have failed us');
		await t.make(2, 'e', 2);
	}
	await t.select(THESIS);
	await t.make(3, 'r', 1);
	await t.select('Protected lanes change who rides');
	await t.make(3, 'e', 2);
	await t.select(THESIS);
	await t.make(4, 'r', 1);
	await t.select(flawed ? 'Protected lanes change who rides' : 'Shops will not suffer');
	await t.make(4, 'e', 2);
	await t.select('Shops will not suffer');
	await t.make(4, 'e', 3);
	// The text does not say that what cyclists spend shows the shops will not suffer.
	await t.inferLink(/Shops will not suffer/);
	// The objection the author anticipates, and the answer.
	await t.select(THESIS);
	await t.make(5, 'o', 1);
	await t.select('Critics say the road will jam');
	await t.make(5, 'o', 2);
	// The answer is made of facts (a loading bay on every block, a traffic model): evidence.
	await t.kind('But the plan keeps a loading bay', 'evidence');
}

/** The submission id the page works on (its editor's map id, in the Download file name). */
async function submissionId(page: Page): Promise<string> {
	const [d] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download my map' }).click()
	]);
	return d.suggestedFilename().replace(/\.map\.json$/, '');
}

/** A student whose work is `map` (if given), saved through their own submission over HTTP. */
async function student(browser: Browser, url: string, name: string, map?: unknown) {
	const { context, page } = await join(browser, url, name);
	const id = await submissionId(page);
	if (!map) return { context, page, id };
	const exercise = new URL(url, 'http://x').pathname.split('/')[2];
	const put = await context.request.put(`/api/x/${exercise}/submission/${id}`, {
		data: map,
		headers: { 'if-match': '*' }
	});
	expect(put.status(), await put.text()).toBe(200);
	return { context, page, id };
}

test('a teacher makes an exercise, two students reconstruct and check their maps, the class view shows both', async ({
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

	// Two students, each in their own browser, build their maps from the text.
	const ana = await join(browser, studentUrl, 'Ana');
	const ben = await join(browser, studentUrl, 'Ben');
	await reconstruct(ana.page);
	await reconstruct(ben.page, true);
	await ben.page.screenshot({ path: artifact('exercise-student.png') });

	// Ana's map is the argument: nothing to point out, full marks.
	const feedback = (p: Page) => p.getByRole('complementary', { name: 'Feedback on your map' });
	const findings = (p: Page) => feedback(p).getByRole('list').last().getByRole('listitem');
	await ana.page.getByRole('button', { name: 'Check my map' }).click();
	await expect(feedback(ana.page)).toContainText('Score: 100 of 100');
	await expect(feedback(ana.page)).toContainText('Nothing to point out');

	// Ben's: exactly the missing reason (where to look) and the misattached evidence.
	await ben.page.getByRole('button', { name: 'Check my map' }).click();
	await expect(
		feedback(ben.page).getByRole('heading', { name: 'What to look at (2)' })
	).toBeVisible();
	await expect(findings(ben.page)).toHaveCount(2);
	const missing = findings(ben.page).filter({
		hasText:
			'You have two of the three reasons the author gives; the one missing is in paragraph 2.'
	});
	await expect(missing).toContainText('It comes with a piece of evidence');
	const misattached = findings(ben.page).filter({
		hasText:
			'This evidence supports the third reason in the text, not the second. Link it to your statement “Shops will not suffer.”'
	});
	await expect(misattached).toHaveCount(1);
	const hint = (item: Locator, n: number) =>
		item.getByRole('paragraph').filter({ hasText: new RegExp(`^Hint ${n}:`) });
	// Hints come one at a time, up to the level the teacher released (two): no third.
	for (const item of [missing, misattached]) {
		await expect(hint(item, 1)).toBeVisible();
		await expect(hint(item, 2)).toHaveCount(0);
		await item.getByRole('button', { name: 'Another hint' }).click();
		await expect(hint(item, 2)).toBeVisible();
		await expect(item.getByRole('button', { name: 'Another hint' })).toHaveCount(0);
	}
	await expect(hint(missing, 2)).toHaveText(
		'Hint 2: Look for a reason the author gives for the thesis.'
	);
	await expect(hint(misattached, 1)).toContainText('Look again at paragraph 4.');
	// "Show it" selects the misattached link on Ben's map.
	await misattached.getByRole('button', { name: 'Show it' }).click();
	await expect(
		ben.page.getByRole('complementary', { name: 'Details of the selected link' })
	).toContainText('Protected lanes change who rides.');
	await ben.page.screenshot({ path: artifact('exercise-feedback.png') });
	// The feedback, with its hints open, passes axe.
	const axe = await new AxeBuilder({ page: ben.page })
		.include('aside[aria-label="Feedback on your map"]')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	// The class view, by the teacher link: both students, their scores, the heat strip.
	await page.goto(ex.teacherPath);
	await expect(page).toHaveURL(new RegExp(`/x/${ex.id}/class$`));
	const table = page.getByRole('table');
	await expect(table.getByRole('row', { name: /Ana/ })).toContainText('100/100');
	const benRow = table.getByRole('row', { name: /Ben/ });
	await expect(benRow).not.toContainText('100/100');
	await expect(benRow.getByRole('cell').first()).toHaveText(/^\d+\/100$/);
	const heat = page.getByRole('list', { name: /paragraph by paragraph/ });
	await expect(heat.getByRole('listitem').filter({ hasText: '¶2' })).toContainText(
		'1 of 2 students missed something'
	);
	await expect(heat.getByRole('listitem').filter({ hasText: '¶3' })).toContainText(
		'0 of 2 students missed something'
	);
	// Ben's survey is in his map, under the wrong reason: its paragraph counts a link missed.
	await expect(heat.getByRole('listitem').filter({ hasText: '¶4' })).toContainText(
		'1 of 2 students missed something (0 a statement, 1 a link)'
	);
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
	const ben = await student(browser, ex.studentPath, 'Ben');
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
