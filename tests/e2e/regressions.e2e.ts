/**
 * Regressions: behaviour the app once got wrong (slow drags did not pan; Fit ignored the open
 * details panel; closing the in-place editor once left the keyboard nowhere). Each test states
 * the right behaviour.
 */
import { expect, test } from './fixtures';
import {
	boxOf,
	canvas,
	detailsPanel,
	expectInside,
	openMap,
	statementBoxes,
	statementName,
	thesis
} from './helpers';

test.describe('regressions', () => {
	test('a slow drag pans the canvas too', async ({ page }) => {
		await openMap(page);
		const thesisButton = page.getByRole('button', { name: statementName(thesis) });
		const before = await boxOf(thesisButton);
		const stage = await boxOf(canvas(page));
		const from = { x: stage.x + stage.width / 2, y: stage.y + stage.height - 120 };

		// 60 px in 1.5 px moves: what a mouse reports when it is moved slowly.
		await page.mouse.move(from.x, from.y);
		await page.mouse.down();
		await page.mouse.move(from.x + 60, from.y, { steps: 40 });
		await page.mouse.up();

		const after = await boxOf(thesisButton);
		expect(after.x - before.x).toBeCloseTo(60, 0);
	});

	test('"Fit" with the details panel open keeps every statement clear of the panel', async ({
		page
	}) => {
		await openMap(page);
		await page.getByRole('button', { name: /^Motive 5:/ }).click();
		const panel = await boxOf(detailsPanel(page));
		await page.getByRole('button', { name: 'Fit', exact: true }).click();

		const stage = await boxOf(canvas(page));
		const clear = { ...stage, width: panel.x - stage.x };
		for (const { id, box } of await statementBoxes(page))
			expectInside(box, clear, `statement ${id}`);
	});

	test('closing the in-place editor gives the keyboard back to the statement', async ({ page }) => {
		await openMap(page);
		const statement = page.getByRole('button', { name: statementName(thesis) });
		const editor = page.getByRole('textbox', { name: /Text of the statement/ });
		await statement.click();
		await expect(statement).toBeFocused();

		// Enter edits; Shift+Enter is a new line, not the end of editing; Escape cancels.
		await page.keyboard.press('Enter');
		await expect(editor).toBeFocused();
		await page.keyboard.press('Shift+Enter');
		await expect(editor).toBeFocused();
		await expect(editor).toHaveValue(/\n/);
		await page.keyboard.press('Escape');
		await expect(editor).toHaveCount(0);
		await expect(statement).toBeFocused();

		// Enter keeps the text, and the keyboard is on the statement again.
		await page.keyboard.press('Enter');
		await expect(editor).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(editor).toHaveCount(0);
		await expect(statement).toBeFocused();
	});
});
