// `npm start`: serve the built app and say where the article map is.
// PORT and HOST work as for any SvelteKit node server (defaults 3000 and all interfaces).
const port = process.env.PORT ?? '3000';
process.env.PORT = port;
// Maps may be up to 5 MB (MAX_MAP_BYTES); adapter-node refuses bodies over 512 KB by default.
process.env.BODY_SIZE_LIMIT ??= '6M';
await import('../build/index.js');
console.log(
	`\nWarrant is running. Open the Japan–Mongolia map: http://localhost:${port}/maps/japan-mongolia\n(all maps: http://localhost:${port}/ — stop with Ctrl+C)`
);
