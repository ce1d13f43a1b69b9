/**
 * The walkthrough for the projector, on a map of an op-ed of our own writing that carries its
 * text (tests/e2e/fixtures/branch-libraries.map.json): open it, step with the keys, the step's
 * statements in large type, the map lit and the passage marked; reorder the steps, save, and
 * find the order again after a reload; Escape gives the focus back; reduced motion jumps.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';

const dir = process.env.E2E_ARGUMENTS_DIR!;
const fileOf = (id: string) => JSON.parse(readFileSync(join(dir, `${id}.map.json`), 'utf8'));

// The argument's order for this map (model/walkthrough.test.ts checks how it is made).
const STEPS = [
	'thesis',
	'who-uses',
	'reason-services',
	'reason-children',
	'reason-buildings',
	'objection-phones',
	'rebuttal-phones',
	'fairness',
	'#follows'
];

let mapId: string;
test.beforeEach(async ({ request, context }, info) => {
	await context.addInitScript(() => localStorage.setItem('warrant.author', 'Tester'));
	mapId = `walkthrough-${info.workerIndex}-${Date.now().toString(36)}`;
	const r = await request.post('/api/maps', {
		data: { id: mapId, from: 'branch-libraries', owner: 'Tester' }
	});
	expect(r.status()).toBe(201);
});

const show = (page: Page) => page.getByRole('dialog', { name: /^Walkthrough of/ });
const count = (page: Page) => show(page).locator('[aria-live="polite"]');
const passage = (page: Page) => show(page).getByRole('region', { name: 'From the text' });
const px = (page: Page, selector: string) =>
	show(page)
		.locator(selector)
		.first()
		.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test('present: step with the keys, large type, the map lit, the passage marked; Escape returns', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto(`/maps/${mapId}`);
	const present = page.getByRole('button', { name: 'Present' });
	await present.click();
	await expect(show(page)).toBeVisible();
	await expect(count(page)).toHaveText(/^Step 1 of 9: The thesis/);
	const heading = show(page).getByRole('heading', { level: 2, name: /keep all four branch/ });
	await expect(heading).toBeFocused();
	await expect(show(page).locator('[data-node-id="thesis"].lit.focus')).toHaveCount(1);
	// The thesis is anchored twice (stated, and restated at the end): both passages marked.
	await expect(passage(page).locator('mark.focus')).toHaveCount(2);
	await expect(passage(page).locator('mark.focus').first()).toContainText('cost the city far more');

	// → goes on: a reason, its evidence with it, its own passage marked, the rest of the map dim.
	await page.keyboard.press('ArrowRight');
	await expect(count(page)).toHaveText(/^Step 2 of 9: A reason/);
	await expect(show(page).getByRole('heading', { level: 2 })).toContainText(
		'mostly walk or take the bus'
	);
	await expect(show(page).getByRole('listitem').filter({ hasText: 'spring survey' })).toBeVisible();
	await expect(passage(page).locator('mark.focus')).toHaveText(
		'Most of those visitors do not drive.'
	);
	await expect(
		passage(page).locator('mark').filter({ hasText: 'arrive on foot or by bus' })
	).toBeVisible();
	await expect(show(page).locator('[data-node-id="thesis"]')).not.toHaveClass(/\blit\b/);
	for (const id of ['who-uses', 'visitors', 'survey'])
		await expect(show(page).locator(`[data-node-id="${id}"]`)).toHaveClass(/\blit\b/);

	// Readable from the back of a room at 1280×720: 24 px and more for every statement.
	expect(await px(page, 'h2')).toBeGreaterThanOrEqual(32);
	expect(await px(page, '.items li')).toBeGreaterThanOrEqual(24);
	expect(await px(page, '.passage .block')).toBeGreaterThanOrEqual(24);
	// Nothing runs off the window: the words and the passage scroll within their own boxes.
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);

	for (const [key, step] of [
		['PageDown', 3],
		['Space', 4],
		['ArrowLeft', 3],
		['PageUp', 2],
		['End', 9],
		['Home', 1]
	] as const) {
		await page.keyboard.press(key);
		await expect(count(page)).toHaveText(new RegExp(`^Step ${step} of 9`));
	}
	await page.keyboard.press('End');
	await expect(show(page).getByText('What follows', { exact: true })).toBeVisible();
	await expect(show(page).getByRole('button', { name: 'Next →' })).toBeDisabled();

	// The author's objection and the author's answer to it.
	await page.keyboard.press('Home');
	for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
	await expect(count(page)).toHaveText(/^Step 6 of 9: The author’s objection/);
	await page.keyboard.press('ArrowRight');
	await expect(count(page)).toHaveText(/^Step 7 of 9: The author answers/);

	await page.keyboard.press('Escape');
	await expect(show(page)).toBeHidden();
	await expect(present).toBeFocused();
	// P opens it again, and the shortcut sheet lists it.
	await page.keyboard.press('p');
	await expect(count(page)).toHaveText(/^Step 7 of 9|^Step 1 of 9/);
	await page.keyboard.press('Escape');
	await page.keyboard.press('?');
	await expect(
		page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('row', { name: /Present/ })
	).toContainText('P');
});

test('reorder the steps, save the order with the map, find it again after a reload', async ({
	page
}) => {
	await page.goto(`/maps/${mapId}`);
	await page.getByRole('button', { name: 'Present' }).click();
	await show(page).getByRole('button', { name: 'Order of steps' }).click();
	const list = show(page).getByRole('complementary', { name: 'Order of steps' });
	const keys = () =>
		list.locator('[data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
	expect(await keys()).toEqual(STEPS);
	await expect(list.getByRole('button', { name: 'Back to the argument’s order' })).toBeDisabled();

	// The keyboard: Alt+↑ moves the step in focus (Reason 3, the fifth) up, twice.
	const reason3 = list.getByRole('button', { name: /^5 A reason: Reason 3/ });
	await reason3.focus();
	await page.keyboard.press('Alt+ArrowUp');
	await expect(list.getByRole('button', { name: /^4 A reason: Reason 3/ })).toBeFocused();
	await page.keyboard.press('Alt+ArrowUp');
	// The buttons: the hidden assumption down to the end, after what follows.
	await list.getByRole('button', { name: /^Move “A hidden assumption.*” down$/ }).click();
	const order = [
		'thesis',
		'who-uses',
		'reason-buildings',
		'reason-services',
		'reason-children',
		'objection-phones',
		'rebuttal-phones',
		'#follows',
		'fairness'
	];
	await expect.poll(keys).toEqual(order);

	// Axe on the presentation, with the list open.
	const axe = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		axe.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.target.join(' ')}`)
	).toEqual([]);

	// A reorder is an edit: undoable, and saved by the normal save.
	await page.keyboard.press('Control+z');
	await expect(list.getByRole('listitem').nth(8)).toContainText('What follows');
	await page.keyboard.press('Control+Shift+z');
	await expect(list.getByRole('listitem').nth(8)).toContainText('hidden assumption');
	await show(page).getByRole('button', { name: 'Save' }).click();
	await expect(show(page).getByRole('button', { name: /^Sav/ })).toBeHidden();
	await expect.poll(() => fileOf(mapId).walkthrough).toEqual({ order });

	await page.reload();
	await page.getByRole('button', { name: 'Present' }).click();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(count(page)).toHaveText(/^Step 3 of 9: A reason: Reason 3/);
	await page.keyboard.press('End');
	await expect(count(page)).toHaveText(/^Step 9 of 9: A hidden assumption/);

	// Back to the argument's order: the saved order goes with the next save.
	await show(page).getByRole('button', { name: 'Order of steps' }).click();
	await show(page).getByRole('button', { name: 'Back to the argument’s order' }).click();
	await expect(
		show(page).getByRole('complementary', { name: 'Order of steps' }).getByRole('listitem').nth(2)
	).toContainText('Reason 1');
	await show(page).getByRole('button', { name: 'Save' }).click();
	await expect(show(page).getByRole('button', { name: /^Sav/ })).toBeHidden();
	await expect.poll(() => 'walkthrough' in fileOf(mapId)).toBe(false);
});

test('the map flies to each step, and jumps under reduced motion', async ({ page }) => {
	type Counted = { flights: number };
	const world = () => show(page).locator('g.world');
	/** How far the drawn view is from the step's view (0: there). */
	const gap = () =>
		world().evaluate((el) => {
			const now = new DOMMatrix(getComputedStyle(el).transform);
			const to = new DOMMatrix((el as SVGGElement).style.transform);
			return Math.abs(now.e - to.e) + Math.abs(now.f - to.f) + 100 * Math.abs(now.a - to.a);
		});
	const flights = () => page.evaluate(() => (window as unknown as Counted).flights);
	/** Step on, counting the moves of the view that run as a transition. */
	async function step() {
		await world().evaluate((el) => {
			(window as unknown as Counted).flights = 0;
			el.addEventListener('transitionrun', (e) => {
				if (e.target === el && (e as TransitionEvent).propertyName === 'transform')
					(window as unknown as Counted).flights++;
			});
		});
		const target = () => world().evaluate((el) => (el as SVGGElement).style.transform);
		const before = await target();
		await page.keyboard.press('ArrowRight');
		await expect.poll(target).not.toBe(before);
	}

	await page.emulateMedia({ reducedMotion: 'no-preference' });
	await page.goto(`/maps/${mapId}`);
	await page.getByRole('button', { name: 'Present' }).click();
	await expect(world()).toHaveClass(/\bmoved\b/);
	await step();
	await expect.poll(flights, { message: 'the view glides to the next step' }).toBeGreaterThan(0);
	await expect.poll(gap).toBeLessThan(0.5);

	await page.emulateMedia({ reducedMotion: 'reduce' });
	await step();
	expect(await gap(), 'the view is at the next step at once').toBeLessThan(0.01);
	await page.waitForTimeout(300);
	expect(await flights()).toBe(0);
});
