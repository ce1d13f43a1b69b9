// `npm start`: serve the built app and say where the article map is.
// PORT as for any SvelteKit node server (default 3000). HOST defaults to the loopback interface:
// only this machine can reach the app. Serving a class on a network (HOST=0.0.0.0 or an address)
// is class mode and needs WARRANT_TEACHER_SECRET (see README, "Serving a class").
const port = process.env.PORT ?? '3000';
process.env.PORT = port;
process.env.HOST ??= '127.0.0.1';
const host = process.env.HOST;
const loopback = ['127.0.0.1', 'localhost', '::1'].includes(host);
const secret = process.env.WARRANT_TEACHER_SECRET;
// The same rule as src/lib/server/access.ts (MIN_SECRET_LENGTH), said before anything starts.
if (secret !== undefined && secret.length < 24) {
	console.error('warrant: WARRANT_TEACHER_SECRET is too short: use at least 24 random characters.');
	process.exit(1);
}
if (!loopback && !secret) {
	console.error(
		`warrant: HOST=${host} would let anyone on the network change every map. Serving a class needs a teacher secret:\n` +
			`  WARRANT_TEACHER_SECRET=$(node -e "console.log(crypto.randomBytes(24).toString('base64url'))") HOST=${host} npm start`
	);
	process.exit(1);
}
// Maps may be up to 5 MB (MAX_MAP_BYTES); adapter-node refuses bodies over 512 KB by default.
process.env.BODY_SIZE_LIMIT ??= '6M';
await import('../build/index.js');
const shown = loopback ? 'localhost' : host;
console.log(
	`\nWarrant is running. Open the Japan–Mongolia map: http://${shown}:${port}/maps/japan-mongolia\n(all maps: http://${shown}:${port}/ — stop with Ctrl+C)` +
		(secret
			? `\nClass mode: the teacher opens http://${shown}:${port}/teacher?key=<the secret> once in their browser.`
			: '')
);
