/**
 * A new user maps an op-ed of our own writing from its text, as issue 8 asks: paste it on /new,
 * then build the whole map only by selecting passages and pressing keys, counting every click,
 * key and field. By hand the same kind of map took about 371 actions (117 clicks, 152 keys,
 * 102 fields); from the text it must take at most a third, with every statement anchored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';

const dir = process.env.E2E_ARGUMENTS_DIR!;
const fileOf = (id: string) => JSON.parse(readFileSync(join(dir, `${id}.map.json`), 'utf8'));

const OP_ED = `# Our Town Needs Protected Bike Lanes

By Dana Whitcombe, who rides to work on Main Street

Our town should build protected bike lanes on its three main streets this year.

Protected lanes make cycling safe. In towns that built them, cyclist injuries fell by 38% within two years. A painted line does not stop a car.

The lanes pay for themselves. The whole network would cost about $4.2 million. The town spends $1.1 million a year on road repairs caused by heavy traffic.

Shops gain customers. After Elm Street was closed to cars in the summer of 2021, sales on the street rose by 12%.

Some say drivers will lose too much parking. Yet only 40 of the 600 spaces on these streets would go, and a new garage opens in 2025.`;

/** Every action a person takes, counted as the issue counts them. */
class Counter {
	clicks = 0;
	keys = 0;
	fields = 0;
	constructor(private page: Page) {}
	async click(l: ReturnType<Page['locator']>) {
		this.clicks++;
		await l.click();
	}
	async key(k: string) {
		this.keys++;
		await this.page.keyboard.press(k);
	}
	async fill(l: ReturnType<Page['locator']>, v: string) {
		this.fields++;
		await l.fill(v);
	}
	get total() {
		return this.clicks + this.keys + this.fields;
	}
}

test('an op-ed mapped from its text in a third of the actions, every statement anchored', async ({
	page
}) => {
	const n = new Counter(page);
	const id = `bike-lanes-${Date.now().toString(36)}`;
	await page.goto('/new');
	const intake = page.getByRole('group', { name: 'Bring the text in' });
	await n.fill(intake.getByLabel('Paste the text'), OP_ED);
	// A paste that looks like Markdown is read as Markdown: no action needed.
	await expect(intake.getByLabel('Markdown')).toBeChecked();
	const preview = page.getByRole('region', { name: 'The text as paragraphs' });
	// The headline and the byline are marked as not part of the argument, the headline offered
	// as the title: no action needed.
	await expect(
		preview.getByRole('checkbox', { name: /^Not part of the argument: Our Town Needs/ })
	).toBeChecked();
	await expect(
		preview.getByRole('checkbox', { name: /^Not part of the argument: By Dana/ })
	).toBeChecked();
	await expect(
		preview.getByRole('checkbox', { name: /^Not part of the argument: Our town should/ })
	).not.toBeChecked();
	await expect(page.getByLabel(/^Title/)).toHaveValue('Our Town Needs Protected Bike Lanes');
	await n.fill(page.getByLabel(/^Thesis/), 'The town should build protected bike lanes.');
	await n.fill(page.getByLabel('Number of reasons'), '0');
	await n.fill(page.getByLabel(/^Map id/), id);
	await n.fill(page.getByLabel(/^Your name/), 'Dana');
	await n.click(page.getByRole('button', { name: /Create/ }));
	await expect(page).toHaveURL(new RegExp(`/maps/${id}\\?mode=reconstruct$`));

	const panel = page.getByRole('complementary', { name: 'Source text' });
	const para = (k: number) => panel.getByLabel(`Paragraph ${k}`, { exact: true });
	/** Select sentences `from`..`to` (1-based) of paragraph `p` with the sentence cursor. */
	async function sentences(p: number, from: number, to = from) {
		n.clicks++;
		await para(p).focus();
		for (let i = 0; i < from; i++) await n.key('ArrowRight');
		for (let i = from; i < to; i++) await n.key('Shift+ArrowRight');
	}
	/** Make the selection a statement of `key`'s kind and keep its words as they are. */
	async function make(key: string) {
		await n.key(key);
		await expect(page.getByRole('textbox', { name: /Text of the statement/ })).toBeFocused();
		await n.key('Enter');
	}
	async function select(name: RegExp) {
		n.fields++;
		await page.getByRole('searchbox', { name: 'Find a statement' }).fill(name.source);
		await n.key('Enter');
	}

	// The thesis typed on /new is anchored where the text says it: paragraph 1 is mapped already.
	await expect(panel.getByRole('status')).toHaveText(/^1 of 5 paragraphs mapped/);
	// Three reasons under the thesis, each with its evidence under it.
	const plan: [number, string][] = [
		[2, 'Protected lanes make cycling safe'],
		[3, 'The lanes pay for themselves'],
		[4, 'Shops gain customers']
	];
	for (const [p, reason] of plan) {
		await select(/build protected bike lanes/);
		await sentences(p, 1);
		await make('r');
		await select(new RegExp(reason));
		await sentences(p, 2, p === 4 ? 2 : 3);
		await make('e');
	}
	// The anticipated objection, and the author's answer to it.
	await select(/build protected bike lanes/);
	await sentences(5, 1);
	await make('o');
	await select(/drivers will lose too much parking/);
	await sentences(5, 2);
	// Saved while the new statement is still being named: it is kept and saved with the map.
	await n.key('o');
	const naming = page.getByRole('textbox', { name: /Text of the statement/ });
	await expect(naming).toBeFocused();
	await expect(panel.getByRole('status')).toHaveText('5 of 5 paragraphs mapped');
	await n.key('Control+s');
	await expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();
	await expect(naming).toHaveCount(0);

	// A third of the 371 actions it took by hand, at most.
	expect(n.total).toBeLessThanOrEqual(Math.floor(371 / 3));
	const file = fileOf(id);
	expect(file.nodes).toHaveLength(9);
	for (const node of file.nodes) expect(node.anchors?.length, node.text).toBeGreaterThan(0);
	expect(file.nodes.filter((x: { origin: string }) => x.origin === 'source')).toHaveLength(9);
	expect(file.text.filter((b: { skip?: boolean }) => b.skip)).toHaveLength(2);
	const figures = file.nodes.flatMap((x: { figures?: { value: number }[] }) => x.figures ?? []);
	expect(figures.map((f: { value: number }) => f.value)).toEqual(
		expect.arrayContaining([38, 4200000, 1100000, 12])
	);

	// Opened again (without ?mode), it reopens for reconstructing, as it was left; every
	// highlight is back.
	await page.goto(`/maps/${id}`);
	await expect(page.getByRole('button', { name: 'Reconstruct', pressed: true })).toBeVisible();
	for (const node of file.nodes)
		await expect(
			page
				.getByRole('complementary', { name: 'Source text' })
				.locator(`mark[data-nodes~="${node.id}"]`)
				.first()
		).toBeVisible();
	test.info().annotations.push({
		type: 'actions',
		description: `${n.total} actions (${n.clicks} clicks, ${n.keys} keys, ${n.fields} fields)`
	});
	console.log(`actions: ${n.total} (${n.clicks} clicks, ${n.keys} keys, ${n.fields} fields)`);
});
