import { expect, test } from './fixtures';
import {
	artifact,
	detailsPanel,
	map,
	node,
	openMap,
	panelHeading,
	reasonsOf,
	thesis
} from './helpers';

test.describe('the outline view', () => {
	test('lists every statement and works with the keyboard', async ({ page }) => {
		await openMap(page);
		const views = page.getByRole('navigation', { name: 'Views' });
		await views.getByRole('link', { name: 'Outline' }).click();
		await expect(page).toHaveURL(/\?view=outline$/);
		await expect(views.getByRole('link', { name: 'Outline' })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expect(page.getByRole('region', { name: 'Outline view' })).toBeVisible();

		const tree = page.getByRole('tree', { name: 'Outline of the argument' });
		await expect(tree).toBeVisible();
		const items = tree.getByRole('treeitem');
		await expect(items.first()).toHaveAttribute('data-node-id', thesis.id);
		const ids = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-node-id')));
		expect(new Set(ids)).toEqual(new Set(map.nodes.map((n) => n.id)));
		await page.screenshot({ path: artifact('outline.png'), fullPage: true });

		// Tab from the view links into the tree: it is one tab stop, on its first item.
		let tabs = 0;
		while (tabs < 16) {
			await page.keyboard.press('Tab');
			tabs++;
			if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'treeitem'))
				break;
		}
		await expect(items.first()).toBeFocused();

		// ArrowDown moves to the next item: the thesis's first reason.
		const first = node(reasonsOf(thesis.id)[0]!);
		await page.keyboard.press('ArrowDown');
		await expect(items.nth(1)).toBeFocused();
		await expect(items.nth(1)).toHaveAttribute('data-node-id', first.id);
		await page.keyboard.press('ArrowUp');
		await expect(items.first()).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(items.nth(1)).toBeFocused();

		// Enter opens the details of the focused item.
		await expect(detailsPanel(page)).toHaveCount(0);
		await page.keyboard.press('Enter');
		const panel = detailsPanel(page);
		await expect(panel.getByRole('heading', { level: 2 })).toHaveText(panelHeading(first));
		await expect(panel).toContainText(first.text);
		await expect(items.nth(1)).toHaveAttribute('aria-selected', 'true');

		// ArrowLeft on an open branch closes it: its children leave the tree.
		const count = await items.count();
		await page.keyboard.press('ArrowLeft');
		await expect(items.nth(1)).toHaveAttribute('aria-expanded', 'false');
		await expect(items).not.toHaveCount(count);
		await page.keyboard.press('ArrowRight');
		await expect(items.nth(1)).toHaveAttribute('aria-expanded', 'true');
		await expect(items).toHaveCount(count);
	});

	test('?view=outline opens straight into the outline', async ({ page }) => {
		await openMap(page, '?view=outline');
		await expect(page.getByRole('tree', { name: 'Outline of the argument' })).toBeVisible();
		await expect(page.getByRole('application', { name: /^Argument map/ })).toHaveCount(0);
		// The map's zoom buttons belong to the map view only.
		await expect(page.getByRole('button', { name: 'Fit', exact: true })).toHaveCount(0);
	});
});
