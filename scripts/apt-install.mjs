// Installs a Debian package for the test scripts (ensure-chromium.mjs, ensure-poppler.mjs): as
// root with apt-get (CI, a fresh machine) it runs `apt-get update` and `apt-get install`;
// otherwise it says how to install the package by hand and exits.
import { spawnSync } from 'node:child_process';

export function fail(message) {
	console.error(`\n${message}\n`);
	process.exit(1);
}

/**
 * Install `pkg` with apt-get, or exit with `manual` (what to do instead) when this is not root
 * with apt-get, or with the failing command when apt-get fails. `who` prefixes the messages.
 */
export function aptInstall(pkg, who, manual) {
	const isRoot = process.getuid?.() === 0;
	const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
	if (!isRoot || !hasApt) fail(`${who}: ${manual}`);
	console.log(`${who}: installing Debian's ${pkg} package…`);
	const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', pkg]]) {
		const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: aptEnv });
		if (r.status !== 0) {
			fail(
				`${who}: "apt-get ${args.join(' ')}" failed (exit ${r.status ?? r.signal}). ` +
					`Install it by hand ("apt-get install ${pkg}").`
			);
		}
	}
}
