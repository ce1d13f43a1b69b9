import { expect, test } from './fixtures';
import { BROKEN_ID, MAP_ID, escapeRegExp, map, mapTitle } from './helpers';

test.describe('the list of maps', () => {
	test('lists the map with its title, source and counts, and opens it', async ({ page }) => {
		await page.goto('/');
		await expect(page).toHaveTitle(/Warrant/);
		await expect(page.getByRole('heading', { level: 1, name: 'Maps' })).toBeVisible();

		const maps = page.getByRole('list', { name: 'Maps' });
		const card = maps.getByRole('article', { name: mapTitle, exact: true });
		await expect(card).toBeVisible();
		const titleLink = card.getByRole('link', { name: mapTitle, exact: true });
		await expect(card.getByRole('heading', { name: mapTitle, exact: true })).toBeVisible();

		const { author, publication, date } = map.source;
		expect(author).toBe('Boris Kushkhov');
		await expect(card).toContainText([author, publication, date].filter(Boolean).join(' · '));

		const claims = map.nodes.filter((n) => n.kind === 'claim').length;
		const evidence = map.nodes.filter((n) => n.kind === 'evidence').length;
		await expect(card).toContainText(
			`${map.nodes.length} statements: ${claims} claims, ${evidence} pieces of evidence · ${map.links.length} links`
		);
		await expect(card.getByRole('link', { name: 'Open map' })).toHaveAttribute(
			'href',
			`/maps/${MAP_ID}`
		);
		await expect(card.getByRole('link', { name: 'Outline' })).toHaveAttribute(
			'href',
			`/maps/${MAP_ID}?view=outline`
		);

		await titleLink.click();
		await expect(page).toHaveURL(new RegExp(`/maps/${MAP_ID}$`));
		await expect(page.getByRole('heading', { level: 1, name: mapTitle })).toBeVisible();
		await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(mapTitle)}`));
	});

	test('lists a broken map with its problems instead of hiding it', async ({ page }) => {
		await page.goto('/');
		const card = page
			.getByRole('list', { name: 'Maps' })
			.getByRole('article', { name: `${BROKEN_ID} (cannot be opened)` });
		await expect(card).toBeVisible();
		await expect(card.getByRole('link', { name: BROKEN_ID })).toHaveAttribute(
			'href',
			`/maps/${BROKEN_ID}`
		);
		await expect(card).toContainText(`arguments/${BROKEN_ID}.map.json`);
		await expect(card).toContainText(/This file has \d+ problems?:/);
		const problems = card.getByRole('listitem');
		await expect(problems.first()).toHaveText(/^line \d+: nodes\[1\]\.kind: /);
		// The valid map is still listed next to it.
		await expect(page.getByRole('article', { name: mapTitle, exact: true })).toBeVisible();
	});

	test('deletes a map after asking, and brings it back with Undo', async ({ page, request }) => {
		const id = 'to-be-deleted';
		const title = 'A map made to be deleted';
		const made = await request.post('/api/maps', {
			data: { id, map: { ...map, title, owner: 'Sam' } }
		});
		expect(made.status()).toBe(201);
		await page.goto('/');
		const card = page.getByRole('article', { name: title, exact: true });
		await card.getByRole('button', { name: `Delete ${title}` }).click();
		const dialog = page.getByRole('dialog', { name: `Delete “${title}”?` });
		// Cancel leaves it.
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(card).toBeVisible();
		await card.getByRole('button', { name: `Delete ${title}` }).click();
		await dialog.getByRole('button', { name: 'Delete map' }).click();
		await expect(page.getByRole('status')).toContainText(`Deleted “${title}”.`);
		await expect(card).toHaveCount(0);
		expect((await request.get(`/api/maps/${id}`)).status()).toBe(404);
		// Undo has the focus: Enter brings the map back and opens it.
		await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`/maps/${id}$`));
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		expect((await request.delete(`/api/maps/${id}`)).status()).toBe(200);
	});
});
