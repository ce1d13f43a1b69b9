// Makes sure a Chromium the end-to-end tests can drive is installed. Playwright cannot download
// its own browsers here, so the tests use Debian's `chromium` (or CHROMIUM_PATH).
// As root with apt-get (CI), a missing Chromium is installed; otherwise this says how to.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptInstall, fail } from './apt-install.mjs';

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

console.log(`ensure-chromium: ${DEFAULT_PATH} not found.`);
aptInstall(
	'chromium',
	'ensure-chromium',
	`the end-to-end tests need Chromium, and ${DEFAULT_PATH} is missing or ` +
		`does not run. Playwright cannot download its own browsers here, so install Debian's ` +
		`package with "sudo apt-get install chromium" (or your system's equivalent), or set ` +
		`CHROMIUM_PATH to the path of an installed Chromium or Chrome binary, then run ` +
		`"npm run test:e2e" again.`
);

found = version(DEFAULT_PATH);
if (!found) {
	fail(
		`ensure-chromium: the chromium package was installed, but "${DEFAULT_PATH} --version" ` +
			`still fails. Check the apt output above, or set CHROMIUM_PATH to a working browser.`
	);
}
console.log(`ensure-chromium: installed ${found}`);
