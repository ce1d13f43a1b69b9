/**
 * Shared pieces of the end-to-end tests: the map under test, read straight from its file so the
 * expectations follow the data, and small page helpers. Expected values are computed here from
 * the file, independently of the app's own model code.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export interface FileNode {
	id: string;
	kind: 'thesis' | 'claim' | 'evidence' | 'assumption';
	label?: string;
	text: string;
	tags?: string[];
}
export interface FileLink {
	id: string;
	from: string;
	to: string;
	relation: 'supports' | 'attacks' | 'undercuts';
	with?: string[];
}
export interface FileMap {
	title?: string;
	source: { title: string; author?: string; publication?: string; date?: string };
	nodes: FileNode[];
	links: FileLink[];
}

export const MAP_ID = 'japan-mongolia';
export const map: FileMap = JSON.parse(
	readFileSync(new URL(`../../arguments/${MAP_ID}.map.json`, import.meta.url), 'utf8')
);
export const mapTitle = map.title ?? map.source.title;

/** The broken map the test server adds to its copy of arguments/. */
export const BROKEN_ID = 'broken-example';
export const brokenText = readFileSync(
	new URL(`./fixtures/${BROKEN_ID}.map.json`, import.meta.url),
	'utf8'
);

/** 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
	const i = text.split('\n').findIndex((l) => l.includes(needle));
	if (i < 0) throw new Error(`${needle} is not in the text`);
	return i + 1;
}

export function node(id: string): FileNode {
	const n = map.nodes.find((x) => x.id === id);
	if (!n) throw new Error(`no node ${id} in ${MAP_ID}`);
	return n;
}

export const thesis = map.nodes.find((n) => n.kind === 'thesis')!;

/** Motive N, by its label. */
export function motive(i: number): FileNode {
	const n = map.nodes.find((x) => x.label === `Motive ${i}`);
	if (!n) throw new Error(`no Motive ${i} in ${MAP_ID}`);
	return n;
}

/** The panel's heading for a statement: its label, else "Reason" for a supporting claim, else its kind. */
export function panelHeading(n: FileNode): string {
	if (n.label) return n.label;
	const first = map.links.find((l) => l.from === n.id);
	if (n.kind === 'claim' && first?.relation === 'supports') return 'Reason';
	return `${n.kind[0]!.toUpperCase()}${n.kind.slice(1)}`;
}

/** The start of a statement's text, as the panel's relation lists show it (90 characters). */
export function snippet(n: FileNode): string {
	return n.text.length > 90 ? n.text.slice(0, 88) : n.text;
}

/** What argues directly about `id`, in file order: the siblings the arrow keys walk. */
export function reasonsOf(id: string): string[] {
	const out: string[] = [];
	const add = (x: string) => {
		if (x !== id && !out.includes(x)) out.push(x);
	};
	for (const l of map.links.filter((l) => l.to === id && l.relation !== 'undercuts')) {
		add(l.from);
		for (const co of l.with ?? []) add(co);
		for (const u of map.links.filter((u) => u.to === l.id)) add(u.from);
	}
	return out;
}

/** Nodes whose links support `id`, in file order. */
export function supportersOf(id: string): FileNode[] {
	return map.links.filter((l) => l.to === id && l.relation === 'supports').map((l) => node(l.from));
}

export function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The accessible name of a statement on the map: "<name>: <text>". A labelled statement is
 * named by its label; an unlabelled one by a name the app makes up, so it is matched by its text.
 */
export function statementName(n: FileNode): RegExp {
	return n.label
		? new RegExp(`^${escapeRegExp(n.label)}: ${escapeRegExp(n.text)}$`)
		: new RegExp(`: ${escapeRegExp(n.text)}$`);
}

/**
 * Open a map page and wait until the app has hydrated (its scripts have loaded), so that the
 * canvas has measured the real window and key and pointer handlers are attached.
 */
export async function openMap(page: Page, query = ''): Promise<void> {
	await page.goto(`/maps/${MAP_ID}${query}`);
	await page.waitForLoadState('networkidle');
}

export const canvas = (page: Page): Locator =>
	page.getByRole('application', { name: /^Argument map\./ });

export const detailsPanel = (page: Page): Locator =>
	page.getByRole('complementary', { name: 'Details of the selected statement' });

/** The map's current zoom factor, from the transform of the group that holds everything. */
export async function viewScale(page: Page): Promise<number> {
	const t = await canvas(page).locator('svg > g[transform*="scale("]').getAttribute('transform');
	const m = /scale\(\s*([-\d.e]+)/.exec(t ?? '');
	if (!m) throw new Error(`no scale in transform ${t}`);
	return Number(m[1]);
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export async function boxOf(locator: Locator): Promise<Box> {
	const b = await locator.boundingBox();
	if (!b) throw new Error(`${locator} has no bounding box (not rendered?)`);
	return b;
}

/** Every statement's box on the canvas, with its id. */
export async function statementBoxes(page: Page): Promise<{ id: string | null; box: Box }[]> {
	return canvas(page)
		.locator('[data-node-id]')
		.evaluateAll((els) =>
			els.map((el) => {
				const r = el.getBoundingClientRect();
				return {
					id: el.getAttribute('data-node-id'),
					box: { x: r.x, y: r.y, width: r.width, height: r.height }
				};
			})
		);
}

/** Assert that `inner` lies within `outer`, allowing `slack` pixels for rounding. */
export function expectInside(inner: Box, outer: Box, what: string, slack = 1): void {
	const msg = `${what} at ${JSON.stringify(inner)} should be inside ${JSON.stringify(outer)}`;
	expect(inner.x, msg).toBeGreaterThanOrEqual(outer.x - slack);
	expect(inner.y, msg).toBeGreaterThanOrEqual(outer.y - slack);
	expect(inner.x + inner.width, msg).toBeLessThanOrEqual(outer.x + outer.width + slack);
	expect(inner.y + inner.height, msg).toBeLessThanOrEqual(outer.y + outer.height + slack);
}

/** Where screenshots of the views are kept as artifacts (gitignored). */
export function artifact(name: string): string {
	return new URL(`../artifacts/${name}`, import.meta.url).pathname;
}

/**
 * Run `keys` with the page's animation frames held back, so that every key comes before the
 * next frame (a new statement's field takes the focus in a frame of its own).
 */
export async function withFramesHeldBack(page: Page, keys: () => Promise<void>): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as { __raf: typeof requestAnimationFrame };
		w.__raf = window.requestAnimationFrame;
		window.requestAnimationFrame = () => 0;
	});
	await keys();
	await page.evaluate(() => {
		window.requestAnimationFrame = (
			window as unknown as { __raf: typeof requestAnimationFrame }
		).__raf;
	});
}
