/**
 * The boundaries between the folders of src/lib/ (.dependency-cruiser.js) are kept by the real
 * tree and broken on purpose by tests/fixtures/boundaries/, where each violation must be
 * reported under its rule's name. Runs the same command as `npm run lint`, so a rule that
 * stopped matching (a renamed folder, a broken `$lib` alias, .svelte files no longer read)
 * fails here rather than passing quietly.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`;
const config = `${root}.dependency-cruiser.js`;

/** `rule: from → import as written`, one line per violation, sorted. */
async function cruise(cwd: string): Promise<{ violations: string[]; rules: string[] }> {
	const { stdout } = await promisify(execFile)(
		process.execPath,
		[bin, 'src', '--config', config, '--output-type', 'json'],
		{ cwd, maxBuffer: 64 * 1024 * 1024 }
	);
	const { summary } = JSON.parse(stdout) as ICruiseResult;
	return {
		violations: summary.violations
			.map((v) => `${v.rule.name}: ${v.from} → ${v.unresolvedTo ?? v.to}`)
			.sort(),
		rules: (summary.ruleSetUsed?.forbidden ?? []).map((r) => r.name ?? '')
	};
}

describe('folder boundaries', { timeout: 60_000 }, () => {
	it('the real tree keeps every rule', async () => {
		const { violations, rules } = await cruise(root);
		expect(violations).toEqual([]);
		// Guards against a config that silently lost its rules.
		expect(rules.length).toBeGreaterThanOrEqual(16);
	});

	it('each deliberate violation is reported under its rule, and nothing else is', async () => {
		const { violations, rules } = await cruise(`${root}tests/fixtures/boundaries`);
		expect(violations).toEqual(
			[
				'model-imports-nothing-of-ours: src/lib/model/bad.ts → $lib/layout/options',
				'pure-no-node-builtins: src/lib/model/disk.ts → fs',
				'resolvable: src/lib/model/typo.ts → ./shcema',
				'no-circular: src/lib/model/ping.ts → ./pong',
				'commands-only-model: src/lib/commands/bad.ts → ../server/store',
				'only-layout-runs-elk: src/lib/commands/elk.ts → elkjs/lib/elk.bundled.js',
				// node:fs and tests/fixtures/ in the same test file are allowed.
				'layout-only-model: src/lib/layout/layout.test.ts → ../commands/apply',
				'source-only-model: src/lib/source/anchor.ts → ../commands/apply',
				'compare-only-model-source: src/lib/compare/align.ts → ../formats/outline',
				'formats-only-model-commands-layout: src/lib/formats/outline.ts → ../editor/state',
				'canvas-only-model-layout: src/lib/canvas/drag.ts → ../editor/state',
				'pure-no-framework: src/lib/canvas/drag.ts → svelte',
				'editor-not-server-or-components: src/lib/editor/bad.ts → ../components/Panel.svelte',
				'no-test-code-in-the-app: src/lib/editor/fixture-user.ts → ../../../tests/fixtures/node',
				'components-not-server: src/lib/components/Panel.svelte → ../server/store',
				'cli-not-ui: src/cli/bad.ts → $app/environment'
			].sort()
		);
		// Every rule has a fixture that breaks it, so a new rule needs a new fixture.
		const broken = new Set(violations.map((v) => v.slice(0, v.indexOf(':'))));
		expect(rules.filter((r) => !broken.has(r))).toEqual([]);
	});
});
