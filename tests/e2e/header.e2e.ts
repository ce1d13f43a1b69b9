/**
 * The map page's header on the screens readers have: the map tools keep to one row, with every
 * tool shown and named in full, even with "Stated only" and a find count among them.
 */
import { expect, test } from './fixtures';
import { boxOf, openMap } from './helpers';

for (const width of [1024, 1280, 1440])
	test(`at ${width} px the map tools keep to one row, each tool shown and named`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 800 });
		await openMap(page);
		const tools = page.getByRole('group', { name: 'Map tools' });
		// The widest the row gets: the layer "As written" adds "Stated only", a search a count.
		await tools.getByRole('button', { name: 'As written' }).click();
		await expect(tools.getByRole('button', { name: 'Stated only' })).toBeVisible();
		await tools.getByRole('searchbox').fill('Japan');
		await expect(tools.getByText(/found$/)).toBeVisible();

		const names = [
			'As written',
			'With critique',
			'Critique highlighted',
			'Stated only',
			'Text',
			'Argdown',
			'What follows',
			'Present',
			'Zoom out',
			'Zoom in',
			'Fit',
			'Start',
			'Fold evidence'
		];
		const row = (await boxOf(tools.getByRole('searchbox'))).y;
		for (const name of names) {
			const box = await boxOf(tools.getByRole('button', { name, exact: true }));
			expect(Math.abs(box.y - row), `${name} on the find box's row`).toBeLessThanOrEqual(4);
			expect(box.x + box.width, `${name} inside the window`).toBeLessThanOrEqual(width);
		}

		// What the shortened labels show (the names above stay whole).
		const long = width >= 1440;
		const shown = async (name: string) =>
			(await tools.getByRole('button', { name, exact: true }).innerText()).trim();
		expect(await shown('Fold evidence')).toBe(long ? 'Fold evidence' : 'Fold');
		expect(await shown('Critique highlighted')).toBe(long ? 'Critique highlighted' : 'Highlighted');

		// The editing bar below keeps to one row too, its actions named in full.
		const bar = page.getByRole('toolbar', { name: 'Edit' });
		await page.getByRole('button', { name: /^Motive 2:/ }).click();
		await expect(bar.getByRole('button', { name: 'Delete', exact: true })).toBeEnabled();
		const first = await boxOf(bar.getByRole('button', { name: 'Reconstruct', exact: true }));
		for (const name of ['Add objection', 'Delete', 'Redo', 'Save my copy', 'Keyboard shortcuts']) {
			const box = await boxOf(bar.getByRole('button', { name, exact: true }));
			expect(Math.abs(box.y - first.y), `${name} on the editing bar's row`).toBeLessThanOrEqual(4);
		}
	});
