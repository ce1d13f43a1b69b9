/**
 * Automated accessibility checks (axe-core) on every view: no serious or critical violation.
 * These complement the role-and-name tests; they catch contrast, labels and ARIA misuse.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';

async function violations(page: Page) {
	const r = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help} — ${v.nodes
					.slice(0, 3)
					.map((n) => n.target.join(' '))
					.join(' | ')}`
		);
}

for (const [name, url] of [
	['map list', '/'],
	['new map form', '/new'],
	['map view', '/maps/japan-mongolia'],
	['outline view', '/maps/japan-mongolia-critique?view=outline'],
	['report', '/maps/japan-mongolia-critique/report'],
	['broken map page', '/maps/broken-example']
] as const) {
	test.describe(() => {
		// The broken map's page answers 422 on purpose; Chromium logs the failed request.
		if (url.includes('broken')) test.use({ allowConsole: [/status of 422/] });
		test(`${name} has no serious accessibility violations`, async ({ page }) => {
			await page.goto(url);
			await page.waitForLoadState('networkidle');
			expect(await violations(page)).toEqual([]);
		});
	});
}

test('map view with the panels open has no serious accessibility violations', async ({ page }) => {
	await page.goto('/maps/japan-mongolia-critique');
	await page.getByRole('button', { name: 'What follows' }).click();
	// Found by name, as a reader would: the critique's map is larger than the viewport.
	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	await find.fill('Motive 3');
	await find.press('Enter');
	await expect(
		page.getByRole('complementary', { name: 'Details of the selected statement' })
	).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test('a narrow window with every panel open (details and What follows as tabs) has no serious accessibility violations', async ({
	page
}) => {
	await page.setViewportSize({ width: 1024, height: 768 });
	await page.goto('/maps/branch-libraries');
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'What follows' }).click();
	await page.getByRole('button', { name: /^Thesis:/ }).click();
	await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
	expect(await violations(page)).toEqual([]);
	await page.getByRole('tab', { name: 'What follows' }).click();
	expect(await violations(page)).toEqual([]);
});
