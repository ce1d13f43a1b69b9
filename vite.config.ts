import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	// WARRANT_READABLE_BUILD=1: no minification, so CPU profiles of the built app name functions.
	build: process.env.WARRANT_READABLE_BUILD ? { minify: false } : {},
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20000
	}
});
