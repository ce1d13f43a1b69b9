/**
 * The critical summary end to end, as a student gets it: add an objection of their own to a
 * map of a text of our own writing (bike-lanes), save, open Export → "Summary (Markdown)",
 * download the file and read it: the thesis in the reader's words, each reason with its
 * evidence and figures, stated and inferred, the author's objection and the reader's told
 * apart, and what follows.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const MINE = 'Drivers will circle longer looking for the spaces that are left.';

test('Export → Summary (Markdown) downloads the summary of the saved map, in prose', async ({
	page,
	context
}) => {
	await context.addInitScript(() => localStorage.setItem('warrant.author', 'Tester'));
	await page.goto('/maps/bike-lanes');

	// The reader's own objection to the thesis, by keyboard, then saved.
	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	await find.fill('protected bike lane on Harbour Road');
	await find.press('Enter');
	await find.press('Escape');
	await page.keyboard.press('o');
	const box = page.getByRole('textbox', { name: /Text of the statement/ });
	await expect(box).toBeFocused();
	await page.keyboard.type(MINE);
	await page.keyboard.press('Enter');
	await expect(box).toHaveCount(0);
	// The class's shared map: saving makes the reader's own copy, and the page moves to it.
	await page.keyboard.press('Control+s');
	const ask = page.getByRole('dialog', { name: 'Save your own copy' });
	const id = await ask.getByRole('textbox', { name: 'Map id' }).inputValue();
	await ask.getByRole('button', { name: 'Save my copy' }).click();
	await expect(page).toHaveURL(new RegExp(`/maps/${id}$`));
	await expect(
		page.getByRole('status').filter({ hasText: 'Saved as your own copy' })
	).toBeVisible();

	// Export → Summary (Markdown): a file named after the map.
	await page.getByText('Export', { exact: true }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Summary (Markdown)' }).click()
	]);
	expect(download.suggestedFilename()).toBe(`${id}.summary.md`);
	const md = readFileSync((await download.path())!, 'utf8');

	const section = (title: string) =>
		(md.split(`## ${title}\n\n`)[1]?.split('\n\n## ')[0] ?? '').trimEnd();
	expect(md).toMatch(
		/^# Critical summary: Protected bike lanes are worth the parking — critique by Tester\n/
	);
	expect(section('The thesis')).toBe(
		'Ines Calder argues that the council should build the protected bike lane on Harbour Road even though it removes parking. The text gives three reasons for it and takes up one objection. The critique on this map is by Tester, a reader of the text. With the critique weighed in, the thesis is defeated.'
	);
	// Each reason with its evidence and figures; stated and inferred where it matters.
	const reasons = section('The reasons').split('\n\n');
	expect(reasons).toHaveLength(3);
	expect(reasons[0]).toBe(
		'The first reason is that painted bike lanes have not made people cycle. As evidence the author gives that after 30 km of painted lanes since 2015, cycling’s share of commuting only rose from 4 to 5 percent.'
	);
	expect(reasons[2]).toContain('The text itself ties one of these to the reason');
	expect(section('What the text states and what is inferred')).toContain(
		'of the nine links between them, the text makes 8 itself and the reader infers 1.'
	);
	// The author's objection and the reader's, told apart, each with how it fares.
	const objections = section('Objections and how they fare').split('\n\n');
	expect(objections).toEqual([
		'The text itself takes up one objection; the critique of Tester adds one more.',
		'The author anticipates an objection to the thesis: critics say the lane will cause traffic jams and block deliveries. The author answers that the plan keeps a loading bay on every block and predicts only two extra minutes at rush hour. The answer holds, so the objection is met and does no harm.',
		'Tester objects to the thesis: drivers will circle longer looking for the spaces that are left. It stands, so the thesis falls.'
	]);
	expect(section('What follows')).toMatch(
		/^The thesis is defeated on this map: the objection that drivers will circle longer looking for the spaces that are left stands against it unanswered, and on this map that outweighs the three reasons still carrying it\. That is a verdict on the argument as mapped here, not proof that the thesis is false\.$/
	);
	// Prose: no outline lists.
	for (const line of md.split('\n').filter((l) => l && !l.startsWith('#')))
		expect(line).not.toMatch(/^\s*([-+*]|\d+\.)\s/);
});
