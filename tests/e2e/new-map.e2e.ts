/** Starting a map of one's own: from the form, and as a copy of an existing one. */
import { expect, test } from './fixtures';

// These pages answer with 4xx on purpose; Chromium logs each failed request.
test.use({ allowConsole: [/the server responded with a status of 4\d\d/] });

test('a new map from a thesis and three reasons opens ready to fill in', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'New map' }).click();
	await expect(page).toHaveURL(/\/new$/);
	const unique = Date.now().toString(36);
	await page.getByLabel(/^Title/).fill(`Cities without cars ${unique}`);
	await page.getByLabel('Author').fill('A. Writer');
	await page.getByLabel(/^Thesis/).fill('Cities should ban private cars from their centres.');
	await page.getByLabel('Number of reasons').fill('3');
	await expect(page.getByLabel(/^Map id/)).toHaveValue(`cities-without-cars-${unique}`);
	await page.getByRole('button', { name: /Create/ }).click();

	await expect(page).toHaveURL(
		new RegExp(`/maps/cities-without-cars-${unique}\\?mode=reconstruct$`)
	);
	await expect(
		page.getByRole('button', { name: /^Thesis: Cities should ban private cars/ })
	).toBeVisible();
	for (const i of [1, 2, 3])
		await expect(page.getByRole('button', { name: new RegExp(`^Reason ${i}:`) })).toBeVisible();
	// The thesis and reasons are the source's: "As written" shows them.
	await page.getByRole('button', { name: 'As written' }).click();
	await expect(
		page.getByRole('button', { name: /^Thesis: Cities should ban private cars/ })
	).toBeVisible();
	await expect(page.getByRole('button', { name: /^Reason 3:/ })).toBeVisible();
	// A new map opens for reconstructing: what is added is the text's, shown "As written",
	// and no name is asked for.
	await expect(page.getByRole('button', { name: 'Reconstruct', pressed: true })).toBeVisible();
	await page.getByRole('button', { name: /^Reason 1:/ }).click();
	await page.keyboard.press('e');
	await page.keyboard.type('Most inner-city trips are shorter than three kilometres.');
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('button', { name: /^Evidence: Most inner-city trips are shorter/ })
	).toBeVisible();
	// Unwritten template reasons are undecided, not "holds".
	await page.getByRole('button', { name: 'With critique' }).click();
	await page.getByRole('button', { name: /^Reason 2:/ }).click();
	await expect(page.getByRole('complementary', { name: /Details/ })).toContainText('placeholder');
	// C switches to critiquing: now the reader's name is asked for.
	await page.getByRole('button', { name: /^Reason 2:/ }).focus();
	await page.keyboard.press('c');
	await expect(
		page.getByRole('button', { name: 'Critique', exact: true, pressed: true })
	).toBeVisible();
	await page.keyboard.press('o');
	await expect(page.getByRole('dialog', { name: 'Your name' })).toBeVisible();
});

test('the form says what is wrong next to the field and keeps what was typed', async ({ page }) => {
	await page.goto('/new');
	await page.getByLabel(/^Thesis/).fill('A thesis without a title.');
	await page.getByRole('button', { name: /Create/ }).click();
	const title = page.getByLabel(/^Title/);
	await expect(title).toBeFocused();
	await expect(title).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel(/^Thesis/)).toHaveValue('A thesis without a title.');
	// An id that is taken is refused by the server and said at the id.
	await title.fill('Taken');
	await page.getByLabel(/^Map id/).fill('japan-mongolia');
	await page.getByRole('button', { name: /Create/ }).click();
	await expect(page.getByText(/already exists/)).toBeVisible();
});

test('any map can be duplicated from the list', async ({ page }) => {
	await page.goto('/');
	const card = page.getByRole('article', { name: 'Japan and Mongolia — a critical reading' });
	await card.getByRole('button', { name: /^Duplicate/ }).click();
	await expect(page).toHaveURL(/\/maps\/japan-mongolia-critique-copy(-\d+)?$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'(copy: japan-mongolia-critique-copy'
	);
	await expect(page.getByRole('button', { name: /^Motive 3:/ })).toBeVisible();
});
