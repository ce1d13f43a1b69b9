import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** `npm start`'s script with some environment; it stops before the app when refusing. */
const start = (env: Record<string, string>) =>
	spawnSync(process.execPath, ['scripts/start.mjs'], {
		env: { PATH: process.env.PATH ?? '', ...env },
		encoding: 'utf8',
		timeout: 10_000
	});

describe('npm start refuses to serve the network without a teacher secret', () => {
	it('refuses HOST=0.0.0.0 without WARRANT_TEACHER_SECRET, saying how to give one', () => {
		const r = start({ HOST: '0.0.0.0' });
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('Serving a class needs a teacher secret');
		expect(r.stderr).toContain('WARRANT_TEACHER_SECRET=');
	});

	it('refuses a teacher secret that is too short', () => {
		const r = start({ HOST: '0.0.0.0', WARRANT_TEACHER_SECRET: 'short' });
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('at least 24');
	});
});
