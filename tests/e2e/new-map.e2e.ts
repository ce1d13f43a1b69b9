/** Starting a map of one's own: from the form, and as a copy of an existing one. */
import { expect, test } from './fixtures';
import { artifact } from './helpers';

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
	// The map is its maker's: without a name it would be shared, and never saved into.
	await page.getByRole('button', { name: /Create/ }).click();
	await expect(page.getByLabel(/^Your name/)).toBeFocused();
	await expect(page.getByText(/Enter your name: the map will be yours/)).toBeVisible();
	await page.getByLabel(/^Your name/).fill('Ana');
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
	// Enter on a placeholder reason: what is typed replaces "Reason 1", it is not added to it.
	await page.getByRole('button', { name: /^Reason 1:/ }).click();
	await page.keyboard.press('Enter');
	await page.keyboard.type('Short trips suit walking and cycling.');
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('button', { name: /^Reason 1: Short trips suit walking and cycling\.$/ })
	).toBeVisible();
	// Unwritten template reasons are undecided, not "holds".
	await page.getByRole('button', { name: 'With critique' }).click();
	await page.getByRole('button', { name: /^Reason 2:/ }).click();
	await expect(page.getByRole('complementary', { name: /Details/ })).toContainText('placeholder');
	// C switches to critiquing: what is added now carries the name given on the form.
	await page.getByRole('button', { name: /^Reason 2:/ }).focus();
	await page.keyboard.press('c');
	await expect(
		page.getByRole('button', { name: 'Critique', exact: true, pressed: true })
	).toBeVisible();
	await page.keyboard.press('o');
	await expect(page.getByRole('textbox', { name: /Text of the statement/ })).toBeFocused();
	await page.keyboard.type('Delivery vans still need to get in.');
	await page.keyboard.press('Enter');
	// The maker's own map: saving goes into it, no copy is offered.
	await page.keyboard.press('Control+s');
	await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	await expect(page).toHaveURL(
		new RegExp(`/maps/cities-without-cars-${unique}\\?mode=reconstruct$`)
	);
	const saved = await (await page.request.get(`/api/maps/cities-without-cars-${unique}`)).json();
	expect(saved.owner).toBe('Ana');
	expect(saved.nodes).toContainEqual(
		expect.objectContaining({ text: 'Delivery vans still need to get in.', author: 'Ana' })
	);
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
	await page.getByLabel(/^Your name/).fill('Ana');
	await page.getByLabel(/^Map id/).fill('japan-mongolia');
	await page.getByRole('button', { name: /Create/ }).click();
	await expect(page.getByText(/already exists/)).toBeVisible();
});

test('any map can be duplicated from the list, under a title and a name', async ({ page }) => {
	await page.goto('/');
	const card = page.getByRole('article', { name: 'Japan and Mongolia — a critical reading' });
	await card.getByRole('button', { name: /^Duplicate/ }).click();
	const dialog = page.getByRole('dialog', { name: /^Duplicate/ });
	const title = dialog.getByRole('textbox', { name: 'Title of the copy' });
	await expect(title).toHaveValue('Japan and Mongolia — a critical reading (copy)');
	await title.fill('Our class reading, group B');
	await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
	await expect(dialog.getByRole('alert')).toHaveText('Enter your name: the copy will be yours.');
	await page.screenshot({ path: artifact('duplicate-dialog.png') });
	await dialog.getByRole('textbox', { name: 'Your name' }).fill('Bea');
	await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
	await expect(page).toHaveURL(/\/maps\/japan-mongolia-critique-copy(-\d+)?$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our class reading, group B');
	await expect(page.getByRole('button', { name: /^Motive 3:/ })).toBeVisible();
	const id = new URL(page.url()).pathname.split('/').pop();
	const copy = await (await page.request.get(`/api/maps/${id}`)).json();
	expect(copy).toMatchObject({ owner: 'Bea', basedOn: { id: 'japan-mongolia-critique' } });
});
