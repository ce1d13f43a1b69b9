// `node scripts/bundle-size.mjs [--url http://host:port] [--json]`: what the map page costs to
// load. Opens /maps/japan-mongolia in Chromium, collects every JavaScript and CSS response the
// page fetches until the network is idle (ELK's worker excepted: it never enters the page's
// bundle and loads beside it), and sums their brotli-compressed sizes.
// Without --url it serves build/ itself (run `npm run build` first) on a free port.
// Exits 1 when the sum is over the budget.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from '@playwright/test';

/** The map page's client JavaScript + CSS, brotli, in KB (1 KB = 1000 bytes). */
export const BUDGET_KB = 120;
const PAGE = '/maps/japan-mongolia';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const urlArg = args.includes('--url') ? args[args.indexOf('--url') + 1] : undefined;
const asJson = args.includes('--json');

/** A port nobody listens on now. */
function freePort() {
	return new Promise((ok, fail) => {
		const s = createServer();
		s.on('error', fail);
		s.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
			s.close(() => ok(port));
		});
	});
}

/** Serve build/ until the returned function stops it. */
async function serveBuild() {
	const entry = join(root, 'build', 'index.js');
	if (!existsSync(entry)) {
		console.error('bundle-size: build/index.js is missing; run `npm run build` first.');
		process.exit(2);
	}
	const port = await freePort();
	const child = spawn(process.execPath, [entry], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		if (child.exitCode !== null) throw new Error('bundle-size: the server stopped at start');
		try {
			await fetch(base);
			return { base, stop: () => child.kill('SIGTERM') };
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	child.kill('SIGTERM');
	throw new Error('bundle-size: the server did not answer within 10 s');
}

/** ELK's worker (one self-contained file Vite puts in _app/immutable/workers/): not the page's. */
const isElkWorker = (url) => new URL(url).pathname.includes('/_app/immutable/workers/');

export async function measure(base) {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run']
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		/** @type {Promise<{ url: string, kind: string, raw: number, br: number } | undefined>[]} */
		const pending = [];
		page.on('response', (res) => {
			const url = res.url();
			const type = res.request().resourceType();
			const kind =
				/\.css(\?|$)/.test(url) || type === 'stylesheet'
					? 'css'
					: /\.m?js(\?|$)/.test(url) || type === 'script'
						? 'js'
						: '';
			if (!kind || isElkWorker(url)) return;
			pending.push(
				res
					.body()
					.then((body) => ({
						url: url.replace(base, ''),
						kind,
						raw: body.length,
						br: brotliCompressSync(body, {
							params: { [constants.BROTLI_PARAM_QUALITY]: 11 }
						}).length
					}))
					.catch(() => undefined)
			);
		});
		await page.goto(base + PAGE, { waitUntil: 'networkidle' });
		const files = (await Promise.all(pending)).filter((f) => !!f);
		// The same chunk can be asked for twice (modulepreload, then import): count it once.
		const unique = [...new Map(files.map((f) => [f.url, f])).values()];
		unique.sort((a, b) => b.br - a.br);
		return unique;
	} finally {
		await browser.close();
	}
}

const kb = (n) => (n / 1000).toFixed(1);

const server = urlArg ? undefined : await serveBuild();
try {
	const files = await measure(urlArg ?? server.base);
	const total = files.reduce((s, f) => s + f.br, 0);
	const byKind = (k) => files.filter((f) => f.kind === k).reduce((s, f) => s + f.br, 0);
	const over = total / 1000 > BUDGET_KB;
	if (asJson) {
		console.log(JSON.stringify({ page: PAGE, budgetKB: BUDGET_KB, totalBrotli: total, files }));
	} else {
		for (const f of files)
			console.log(`${kb(f.br).padStart(7)} KB  (${kb(f.raw).padStart(7)} KB raw)  ${f.url}`);
		console.log(
			`${over ? 'OVER' : 'ok  '} map page JS+CSS, brotli: ${kb(total)} KB (JS ${kb(byKind('js'))}, CSS ${kb(byKind('css'))}; ${files.length} files; budget ≤ ${BUDGET_KB} KB)`
		);
	}
	process.exitCode = over ? 1 : 0;
} finally {
	server?.stop();
}
