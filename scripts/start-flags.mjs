// The node flags `npm start` serves with (package.json's start script), so that the e2e server
// and the browser bench run the built app as users do: a 64 MB young generation, and `gc` for
// collecting it between requests (src/lib/server/idle-gc.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} root the project folder @returns {string[]} */
export function startFlags(root) {
	const start = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start;
	const flags = /node ((?:--\S+ ?)*)scripts\/start\.mjs/.exec(start);
	// Said, not guessed: without them the tests and the bench would not run the app as users do.
	if (!flags)
		throw new Error(
			`start-flags: package.json's start script no longer runs "node … scripts/start.mjs": ${start}`
		);
	return (flags[1] ?? '').split(' ').filter(Boolean);
}
