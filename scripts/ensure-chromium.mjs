// Makes sure a Chromium the end-to-end tests can drive is installed. Playwright cannot download
// its own browsers here, so the tests use Debian's `chromium` (or CHROMIUM_PATH).
// As root with apt-get (CI), a missing Chromium is installed; otherwise this says how to.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const custom = process.env.CHROMIUM_PATH;
const target = custom || DEFAULT_PATH;

/** The browser's version line, or undefined when it is missing or does not run. */
function version(path) {
	if (!existsSync(path)) return undefined;
	const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 60_000 });
	if (r.error || r.status !== 0) return undefined;
	return r.stdout.trim() || 'unknown version';
}

function fail(message) {
	console.error(`\n${message}\n`);
	process.exit(1);
}

let found = version(target);
if (found) {
	console.log(`ensure-chromium: using ${target} (${found})`);
	process.exit(0);
}

if (custom) {
	fail(
		`ensure-chromium: CHROMIUM_PATH is set to "${custom}", but that browser is missing or does ` +
			`not run ("${custom} --version" failed). Point CHROMIUM_PATH at a working Chromium or ` +
			`Chrome binary, or unset it to use Debian's chromium at ${DEFAULT_PATH}.`
	);
}

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;

if (!isRoot || !hasApt) {
	fail(
		`ensure-chromium: the end-to-end tests need Chromium, and ${DEFAULT_PATH} is missing or ` +
			`does not run. Playwright cannot download its own browsers here, so install Debian's ` +
			`package with "sudo apt-get install chromium" (or your system's equivalent), or set ` +
			`CHROMIUM_PATH to the path of an installed Chromium or Chrome binary, then run ` +
			`"npm run test:e2e" again.`
	);
}

console.log(`ensure-chromium: ${DEFAULT_PATH} not found; installing Debian's chromium package…`);
const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
	const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: aptEnv });
	if (r.status !== 0) {
		fail(
			`ensure-chromium: "apt-get ${args.join(' ')}" failed (exit ${r.status ?? r.signal}). ` +
				`Install Chromium by hand ("apt-get install chromium") or set CHROMIUM_PATH.`
		);
	}
}

found = version(DEFAULT_PATH);
if (!found) {
	fail(
		`ensure-chromium: the chromium package was installed, but "${DEFAULT_PATH} --version" ` +
			`still fails. Check the apt output above, or set CHROMIUM_PATH to a working browser.`
	);
}
console.log(`ensure-chromium: installed ${found}`);
