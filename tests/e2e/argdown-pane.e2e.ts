/**
 * The map as Argdown beside it, both ways: a reason typed into the text appears on the map, an
 * objection added on the map appears in the text, each undone with Undo; text that does not
 * parse says its line and leaves the map as it was.
 */
import { expect, test, type Page } from './fixtures';
import { artifact } from './helpers';

test.use({ viewport: { width: 1280, height: 800 } });

let mapId: string;
test.beforeEach(async ({ request, context }, info) => {
	await context.addInitScript(() => localStorage.setItem('warrant.author', 'Tester'));
	mapId = `argdown-${info.workerIndex}-${Date.now().toString(36)}`;
	const r = await request.post('/api/maps', {
		data: { id: mapId, from: 'japan-mongolia', owner: 'Tester' }
	});
	expect(r.status()).toBe(201);
});

const REASON = 'Trains cost a town less to keep up than roads do.';
const OBJECTION = 'Budget aid is what any donor gives a government in deficit.';

/** Put the cursor at the end of the first line of the pane's text that contains `needle`. */
async function cursorAfterLine(page: Page, needle: string) {
	const area = page.getByRole('textbox', { name: 'The map as Argdown text' });
	await area.evaluate((el: HTMLTextAreaElement, needle) => {
		const at = el.value.indexOf(needle);
		const end = el.value.indexOf('\n', at);
		el.focus();
		el.setSelectionRange(end, end);
	}, needle);
}

test('typing a reason puts it on the map, an objection on the map goes into the text; undo each', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Argdown' }).click();
	const area = page.getByRole('textbox', { name: 'The map as Argdown text' });
	await expect(area).toHaveValue(/\[motive-1\]: /);
	const pane = page.getByRole('complementary', { name: 'The map as Argdown' });
	// Plain by default: each statement's words, none of Warrant's data; it can be shown.
	await expect(area).not.toHaveValue(/\{warrant:/);
	const data = pane.getByRole('checkbox', { name: /Show Warrant's data/ });
	await data.check();
	await expect(area).toHaveValue(/\[motive-1\]: [^\n]*\{warrant: \{"kind":"claim"/);
	await data.uncheck();
	await expect(area).not.toHaveValue(/\{warrant:/);

	// A reason typed under Motive 1, with a pause: the map follows as one undoable change.
	await cursorAfterLine(page, '[motive-1]:');
	await page.keyboard.type(`\n    + [cheap-trains]: ${REASON}`);
	const box = page.getByRole('button', { name: new RegExp(REASON.slice(0, 30)) });
	await expect(box).toBeVisible();
	await expect(pane).toContainText('Applied to the map');
	await page.screenshot({ path: artifact('argdown-pane.png') });
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(box).toHaveCount(0);
	await expect(area).not.toHaveValue(/cheap-trains/);

	// An objection added on the map appears in the text; Undo takes it out of both.
	const find = page.getByRole('searchbox', { name: 'Find a statement' });
	await find.fill('Motive 3');
	await find.press('Enter');
	await find.press('Escape');
	await page.keyboard.press('o');
	await page.keyboard.type(OBJECTION);
	await page.keyboard.press('Enter');
	await expect(area).toHaveValue(new RegExp(OBJECTION));
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(area).not.toHaveValue(new RegExp(OBJECTION));

	// Text that does not parse: the line is named, the map stays as it was.
	const boxes = await page.locator('[data-node-id]').count();
	await cursorAfterLine(page, '[motive-2]:');
	await page.keyboard.type('\n  ->> [stray]');
	await expect(pane.getByRole('listitem').first()).toContainText(/^Line \d+: /);
	await expect(pane).toContainText('Not applied: the map is as it was.');
	await expect(area).toHaveAttribute('aria-invalid', 'true');
	expect(await page.locator('[data-node-id]').count()).toBe(boxes);

	// An unclosed { would swallow the rest of the text: nothing is removed.
	await area.evaluate((el: HTMLTextAreaElement) => {
		el.value = el.value.replace('\n  ->> [stray]', '');
		el.dispatchEvent(new Event('input', { bubbles: true }));
	});
	await expect(area).toHaveAttribute('aria-invalid', 'false');
	await cursorAfterLine(page, '[motive-2]:');
	await page.keyboard.type('\n    + [half]: a thought {warrant: {"kind": }');
	await expect(pane).toContainText(/would remove \d+ statements at once/);
	expect(await page.locator('[data-node-id]').count()).toBe(boxes);
});
