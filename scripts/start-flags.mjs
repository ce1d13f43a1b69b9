// The node flags `npm start` serves with (package.json's start script), so that the e2e server
// and the browser bench run the built app as users do: a 64 MB young generation, and `gc` for
// collecting it between requests (src/lib/server/idle-gc.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} root the project folder @returns {string[]} */
export function startFlags(root) {
	const start = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start;
	const flags = /node ((?:--\S+ ?)+)scripts\/start\.mjs/.exec(start)?.[1] ?? '';
	return flags.split(' ').filter(Boolean);
}
