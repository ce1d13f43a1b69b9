/**
 * Class mode over HTTP: a second server of the built app, started with a teacher secret, refuses
 * every page and API without the teacher's credential, never lets a write through, answers only
 * to its own names, and gives the credential to a browser through the teacher link.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const SECRET = 'class-mode-test-secret-7f3a9c2e5b';
const port = Number(process.env.E2E_PORT ?? 4173) + 57;
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess;
let dir: string;

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'warrant-class-'));
	cpSync('arguments', dir, { recursive: true });
	server = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			WARRANT_TEACHER_SECRET: SECRET,
			WARRANT_ARGUMENTS_DIR: dir
		},
		stdio: 'ignore'
	});
	for (let i = 0; i < 100; i++) {
		const up = await fetch(`${base}/teacher`, { redirect: 'manual' }).catch(() => undefined);
		if (up) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the class-mode server did not start');
});

test.afterAll(() => {
	server?.kill();
	rmSync(dir, { recursive: true, force: true });
});

/** A GET with any Host header (fetch does not let one set it). */
function getWithHost(host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const r = httpRequest({ port, host: '127.0.0.1', path: '/', headers: { host } }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		r.on('error', reject);
		r.end();
	});
}

test('without the teacher’s credential nothing is shown and nothing is written', async () => {
	const file = join(dir, 'japan-mongolia.map.json');
	const before = readFileSync(file);
	const home = await fetch(`${base}/`);
	expect(home.status).toBe(401);
	expect(await home.text()).toContain('open the teacher link');
	expect((await fetch(`${base}/api/maps/japan-mongolia`)).status).toBe(401);
	expect((await fetch(`${base}/api/maps`)).status).toBe(401);
	const put = await fetch(`${base}/api/maps/japan-mongolia`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json', 'if-match': '*' },
		body: JSON.stringify({ nodes: [] })
	});
	expect(put.status).toBe(401);
	const del = await fetch(`${base}/api/maps/japan-mongolia`, { method: 'DELETE' });
	expect(del.status).toBe(401);
	expect(Buffer.compare(readFileSync(file), before)).toBe(0);
	// A wrong key is refused; a bearer token with the secret is the teacher.
	expect((await fetch(`${base}/teacher?key=guess`, { redirect: 'manual' })).status).toBe(401);
	const asTeacher = await fetch(`${base}/api/maps/japan-mongolia`, {
		headers: { authorization: `Bearer ${SECRET}` }
	});
	expect(asTeacher.status).toBe(200);
});

test('the server answers only to its own names (no DNS rebinding)', async () => {
	expect(await getWithHost('attacker.example')).toBe(421);
	expect(await getWithHost(`attacker.example:${port}`)).toBe(421);
});

test('the teacher link gives the browser an HTTP-only cookie, and the app opens', async ({
	browser
}) => {
	const link = await fetch(`${base}/teacher?key=${SECRET}`, { redirect: 'manual' });
	expect(link.status).toBe(303);
	const cookie = link.headers.get('set-cookie') ?? '';
	expect(cookie).toMatch(/HttpOnly/i);
	expect(cookie).toMatch(/SameSite=Strict/i);

	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${base}/teacher?key=${SECRET}`);
	await expect(page).toHaveURL(`${base}/`);
	await expect(page.getByRole('list', { name: 'Maps' })).toBeVisible();
	expect(await page.evaluate(() => document.cookie)).toBe('');
	await context.close();
});
