/**
 * Taking the article apart: undercut, weaken and reject, and read in the panels what stands.
 * Works on its own copy of the article map, like the editing tests.
 */
import { expect, test, type Page } from './fixtures';
import { map, thesis } from './helpers';

let mapId: string;
test.beforeEach(async ({ request }, info) => {
	mapId = `critique-${info.workerIndex}-${Date.now().toString(36)}`;
	const r = await request.post('/api/maps', {
		data: { id: mapId, from: 'japan-mongolia', owner: 'Tester' }
	});
	expect(r.status()).toBe(201);
});

// The thesis's reasons, from the file.
const reasons = map.links.filter((l) => l.to === thesis.id && l.relation === 'supports').length;

const details = (page: Page) =>
	page.getByRole('complementary', { name: 'Details of the selected statement' });

async function select(page: Page, text: string) {
	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	await find.fill(text);
	await find.press('Enter');
	await expect(details(page)).toBeVisible();
	await find.press('Escape');
}

test('undercut, weaken and reject: Motive 3 and the thesis’s explanation change', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await page.getByRole('button', { name: 'What follows' }).click();
	const follows = page.getByRole('complementary', { name: 'What follows' });
	await expect(
		follows.getByRole('heading', { name: `Its reasons: ${reasons} of ${reasons} carry it` })
	).toBeVisible();
	const whyBefore = await follows.getByLabel('Why').textContent();

	// Undercut the step from the budget-deficit evidence to Motive 3 (the name is asked once).
	await select(page, '2023 budget was passed');
	await page.keyboard.press('u');
	const nameDialog = page.getByRole('dialog', { name: 'Your name' });
	await nameDialog.getByRole('textbox', { name: 'Name' }).fill('Tester');
	await nameDialog.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('textbox', { name: /Text of the statement/ })).toBeFocused();
	await page.keyboard.type(
		'A deficit shows a need for money, not that aid was designed to create dependence.'
	);
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('button', { name: /A deficit shows a need for money/ })
	).toBeVisible();

	// Mark the step from "most aid goes to budget projects" as weak.
	await select(page, 'Most Japanese financial aid goes into');
	const step = details(page).getByRole('region', { name: /step from this statement to Motive 3/ });
	await step.getByRole('combobox', { name: 'Strength' }).selectOption('weak');

	// Reject Motive 3's other reasons; preview first, then apply.
	for (const text of ['New Railway', 'Housing for 100,000', 'Hopes for more aid']) {
		await select(page, text);
		const reject = details(page).getByRole('button', { name: 'Reject', exact: true });
		await reject.hover();
		await expect(details(page).getByRole('status', { name: 'What would change' })).toBeVisible();
		await reject.click();
		await expect(reject).toHaveAttribute('aria-pressed', 'true');
	}

	// Motive 3 now rests on one weak reason: not established (not defeated), and the panels say why.
	await select(page, 'Motive 3');
	await expect(details(page).getByRole('region', { name: 'Evaluation' })).toContainText(
		'not established'
	);
	await expect(details(page).getByRole('region', { name: 'Evaluation' })).toContainText(
		'only standing support is weak'
	);
	await expect(
		follows.getByRole('heading', { name: `Its reasons: ${reasons - 1} of ${reasons} carry it` })
	).toBeVisible();
	await expect(follows.getByLabel('Why')).not.toHaveText(whyBefore ?? '');
	await page.screenshot({ path: 'tests/artifacts/critique-what-follows.png' });

	// Saved, the file holds the reader's work with its author.
	await page.keyboard.press('Control+s');
	await expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();
	const res = await page.request.get(`/api/maps/${mapId}`);
	const file = await res.json();
	const undercut = file.links.find((l: { relation: string }) => l.relation === 'undercuts');
	expect(undercut).toMatchObject({ origin: 'reader', author: 'Tester' });
	const weak = file.links.filter((l: { strength?: string }) => l.strength === 'weak');
	expect(weak).toEqual([expect.objectContaining({ to: 'motive-3', relation: 'supports' })]);
	expect(file.nodes.filter((n: { verdict?: string }) => n.verdict === 'rejected')).toHaveLength(3);
});

test('the layers: as written hides the critique, highlighted shows it', async ({ page }) => {
	await page.goto(`/maps/${mapId}`);
	await select(page, 'Motive 5');
	await page.keyboard.press('o');
	const nameDialog = page.getByRole('dialog', { name: 'Your name' });
	// A reader who starts typing the objection at once types it here: it is not taken as a name.
	await page.keyboard.type('Teaching a language is ordinary diplomacy.');
	await page.keyboard.press('Enter');
	await expect(nameDialog.getByRole('alert')).toHaveText(/reads like a sentence, not a name/);
	await nameDialog.getByRole('textbox', { name: 'Name' }).fill('Tester');
	await nameDialog.getByRole('button', { name: 'Continue' }).click();
	await page.keyboard.type('Language teaching is what cultural diplomacy does everywhere.');
	await page.keyboard.press('Enter');
	const objection = page.getByRole('button', {
		name: /Language teaching is what cultural diplomacy/
	});
	await expect(objection).toBeVisible();
	await expect(page.getByRole('button', { name: /^Motive 5:/ })).toBeVisible();

	await page.getByRole('button', { name: 'As written' }).click();
	await expect(objection).toHaveCount(0);
	await expect(page.getByRole('button', { name: /^Motive 5:/ })).toBeVisible();
	await page.getByRole('button', { name: 'Critique highlighted' }).click();
	await expect(objection).toBeVisible();
	await page.screenshot({ path: 'tests/artifacts/critique-highlighted.png' });
});

test('flags and critical questions from the catalogues', async ({ page }) => {
	await page.goto(`/maps/${mapId}`);
	await page.evaluate(() => localStorage.setItem('warrant.author', 'Tester'));
	await page.reload();
	await select(page, 'Motive 2');
	// No flag reads as set before the reader chooses one.
	await expect(details(page).getByRole('combobox', { name: 'Flag' })).toHaveValue('');
	await expect(details(page).getByRole('button', { name: 'Flag statement' })).toBeDisabled();
	await details(page)
		.getByRole('combobox', { name: 'Flag' })
		.selectOption({ label: 'Causal leap' });
	await details(page)
		.getByRole('textbox', { name: 'Note' })
		.fill('Slow growth is read as the purpose of the loans.');
	await details(page).getByRole('button', { name: 'Flag statement' }).click();
	await expect(details(page).getByRole('list', { name: 'Flags on this statement' })).toContainText(
		'Causal leap'
	);

	const step = details(page).getByRole('region', { name: /step from this statement to Thesis/ });
	await step
		.getByRole('combobox', { name: 'Scheme' })
		.selectOption({ label: 'From motive or interest' });
	const questions = step.getByRole('list', { name: 'Critical questions' });
	await expect(questions.getByRole('listitem')).toHaveCount(4);
	await questions
		.getByRole('listitem')
		.filter({ hasText: 'exclude that the action also does good' })
		.getByRole('button', { name: /Raise as undercut/ })
		.click();
	const editor = page.getByRole('textbox', { name: /Text of the statement/ });
	await expect(editor).toBeFocused();
	await expect(editor).toHaveValue(/Even if the motive is self-interested/);
	// The caret waits after the sentence starter: typing finishes it, it does not erase it.
	await page.keyboard.type('tied loans still paid for hospitals and schools.');
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('button', {
			name: /Even if the motive is self-interested.* tied loans still paid for hospitals/
		})
	).toBeVisible();
});

test('an objection and a rebuttal are headed by what they do, clear of their status', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await page.evaluate(() => localStorage.setItem('warrant.author', 'Tester'));
	await page.reload();
	const bar = page.getByRole('toolbar', { name: 'Edit' });
	const add = async (on: RegExp, text: string) => {
		await page.getByRole('button', { name: on }).click();
		await bar.getByRole('button', { name: 'Add objection', exact: true }).click();
		await expect(page.getByRole('textbox', { name: /Text of the statement/ })).toBeFocused();
		await page.keyboard.type(text);
		await page.keyboard.press('Enter');
	};
	await add(/^Motive 2:/, 'Tied aid is common among donors.');
	await add(/^Objection: Tied aid/, 'Few donors tie as much of it as Japan.');

	for (const [role, text] of [
		['Objection', 'Tied aid is common among donors.'],
		['Rebuttal', 'Few donors tie as much of it as Japan.']
	] as const) {
		// The accessible name starts with what the box is headed.
		const box = page.getByRole('button', { name: `${role}: ${text}`, exact: true });
		await expect(box).toBeVisible();
		const header = box.locator('.header');
		await expect(header).toHaveText(role);
		// The header's word stops before the status mark beside it.
		const status = box.locator('.status');
		await expect(status).toBeVisible();
		const [h, s] = [(await header.boundingBox())!, (await status.boundingBox())!];
		expect(h.x + h.width, `${role}'s header clear of its status`).toBeLessThan(s.x);
	}
	// The rebuttal's details name what it attacks as the map heads it.
	await expect(details(page).getByRole('list', { name: 'Attacks' }).getByRole('button')).toHaveText(
		/^Objection\s*Tied aid is common/
	);
});
