#!/usr/bin/env node
// Part of `npm test`: no file of the project may copy a run of more than 15 words from the
// seed article (../shared/seeds/), which is someone else's writing. The check itself is the
// shared tool ../shared/tools/copied-runs.mjs; without ../shared (a checkout elsewhere) there is
// nothing to compare with, and this says so instead of failing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tool = resolve(root, '../shared/tools/copied-runs.mjs');
const seed = resolve(root, '../shared/seeds/000_be431619a4aa177c.txt');

if (!existsSync(tool) || !existsSync(seed)) {
	console.log(
		`copied-runs: skipped, ${existsSync(tool) ? seed : tool} is not here (../shared is absent)`
	);
	process.exit(0);
}
const r = spawnSync(process.execPath, [tool, seed, '.'], { cwd: root, stdio: 'inherit' });
if (r.error) {
	console.error(
		`copied-runs: could not run ${join('..', 'shared', 'tools', 'copied-runs.mjs')}: ${r.error.message}`
	);
	process.exit(1);
}
process.exit(r.status ?? 1);
