// The rooms of src/lib/ and who may walk into which (DESIGN.md §3), held by a tool:
// `npm run lint` runs it, tests/unit/boundaries.test.ts proves each rule still bites.
// Rules match resolved paths, so `$lib/x`, `../x` and `./x` are the same edge. A folder rule
// names what the folder may use, so a folder added later is out of bounds until allowed.
// npm paths are matched as `(^|/)node_modules/` because the fixtures are cruised from a
// subfolder, where packages resolve to ../../../node_modules.
//
// Test files (`*.test.ts`) obey the same folder rules. They may also use node: builtins
// (to read fixtures from disk) and tests/fixtures/; a test that needs two rooms at once
// belongs in tests/unit/, which no folder rule covers.
//
// .svelte files are read through the Svelte compiler, which drops `import type`: value
// imports in components are checked here, type-only ones from server/ by eslint.config.js.

/** Framework-free folders: no Svelte or SvelteKit, no node: builtins outside tests. */
const PURE = '^src/lib/(model|commands|layout|source|compare|formats|canvas)/';
const TEST = '[.]test[.]ts$';
const SVELTE_FILE = '[.]svelte$';
// SvelteKit's virtual modules: they never resolve to a file, so rules match their names.
const VIRTUAL = '^[$](app|env|service-worker)([/]|$)';
const FRAMEWORK = ['(^|/)node_modules/(svelte|@sveltejs)/', VIRTUAL, SVELTE_FILE];

/**
 * A folder under src/lib/ that may import only itself and `allowed` among our code.
 * @param {string} name rule name, reported with each violation
 * @param {string} folder the folder under src/lib/
 * @param {string[]} allowed other folders under src/lib/ it may import
 * @param {string} comment why, shown with each violation
 * @returns {import('dependency-cruiser').IForbiddenRuleType}
 */
function only(name, folder, allowed, comment) {
	return {
		name,
		comment,
		severity: 'error',
		from: { path: `^src/lib/${folder}/` },
		to: { path: '^src/', pathNot: `^src/lib/(${[folder, ...allowed].join('|')})/` }
	};
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
	forbidden: [
		only('model-imports-nothing-of-ours', 'model', [], 'model/ is the base every room stands on.'),
		only('commands-only-model', 'commands', ['model'], 'commands/ change maps, nothing else.'),
		only('layout-only-model', 'layout', ['model'], 'layout/ turns a map into positions.'),
		only('source-only-model', 'source', ['model'], 'source/ is pure text anchoring.'),
		only(
			'compare-only-model-source',
			'compare',
			['model', 'source'],
			'compare/ (student map against a reference) runs on the server and in tests; pure.'
		),
		only(
			'formats-only-model-commands-layout',
			'formats',
			['model', 'commands', 'layout'],
			'formats/ are shared by the app and the CLI.'
		),
		only(
			'canvas-only-model-layout',
			'canvas',
			['model', 'layout'],
			'canvas/ is framework-free DOM helpers.'
		),
		{
			name: 'pure-no-framework',
			comment: 'Pure rooms run in the CLI, the worker and Node tests: no Svelte, no SvelteKit.',
			severity: 'error',
			from: { path: PURE },
			to: { path: FRAMEWORK }
		},
		{
			name: 'pure-no-node-builtins',
			comment: 'Pure rooms also run in the browser; only server/ and the CLI touch the disk.',
			severity: 'error',
			from: { path: PURE, pathNot: TEST },
			to: { dependencyTypes: ['core'] }
		},
		{
			name: 'only-layout-runs-elk',
			comment: 'ELK runs in layout/ only (in a worker or on the server); others go through it.',
			severity: 'error',
			from: { path: '^src/lib/(model|commands|source|compare|formats|canvas)/' },
			to: { path: '(^|/)node_modules/elkjs/' }
		},
		{
			name: 'editor-not-server-or-components',
			comment:
				'The editor is the state behind the components; remote.ts talks to the server over HTTP.',
			severity: 'error',
			from: { path: '^src/lib/editor/' },
			to: { path: ['^src/lib/(server|components)/', SVELTE_FILE] }
		},
		{
			name: 'components-not-server',
			comment: 'Components run in the browser; server code stays on the server.',
			severity: 'error',
			from: { path: '^src/lib/components/' },
			to: { path: '^src/lib/server/' }
		},
		{
			name: 'cli-not-ui',
			comment: 'The CLI runs in plain Node: no SvelteKit modules, no UI code.',
			severity: 'error',
			from: { path: '^src/cli/' },
			to: { path: ['^src/lib/(components|editor)/', '^[$]app([/]|$)', SVELTE_FILE] }
		},
		{
			name: 'no-test-code-in-the-app',
			comment: 'tests/ is for tests; the app must not ship fixtures.',
			severity: 'error',
			from: { path: '^src/', pathNot: TEST },
			to: { path: '^tests/' }
		},
		{
			name: 'no-circular',
			comment: 'A cycle makes two rooms one room; type-only imports count too.',
			severity: 'error',
			from: { path: '^src/' },
			to: { circular: true }
		},
		{
			// Without this a broken `$lib` alias would turn every edge into an unresolved
			// name, and all the folder rules above would pass without looking. `./$types`
			// lives in .svelte-kit/types through `rootDirs`, which the resolver does not follow.
			name: 'resolvable',
			comment: 'Every import must resolve (SvelteKit virtual modules and ./$types excepted).',
			severity: 'error',
			from: { path: '^src/' },
			to: { couldNotResolve: true, pathNot: [VIRTUAL, '(^|/)[$]types$'] }
		}
	],
	options: {
		doNotFollow: { path: '(^|/)node_modules/' },
		// Deliberate violations for tests/unit/boundaries.test.ts; never part of the real tree.
		exclude: { path: '^tests/fixtures/boundaries/' },
		// `import type` is an edge too: it couples the rooms even when the bundle drops it.
		tsPreCompilationDeps: true,
		// Reads the `$lib` paths that `svelte-kit sync` generates (npm run check and npm install
		// run it); see that file for why it is not ./tsconfig.json.
		tsConfig: { fileName: 'tsconfig.depcruise.json' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			extensions: ['.ts', '.js', '.mjs', '.svelte', '.json']
		},
		skipAnalysisNotInRules: true
	}
};
