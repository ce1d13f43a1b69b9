import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The pure layers (model, commands) must stay portable: no Svelte, no DOM, no ELK, no disk.
const pureRestrictions = {
	patterns: [
		{
			group: ['svelte', 'svelte/*', '$app/*', '*.svelte'],
			message: 'model/ and commands/ are pure: no Svelte.'
		},
		{ group: ['elkjs', 'elkjs/*'], message: 'model/ and commands/ do not lay out.' },
		{ group: ['node:*', 'fs', 'path'], message: 'model/ and commands/ never touch the disk.' },
		{
			group: ['$lib/layout/*', '$lib/components/*', '$lib/server/*', '$lib/editor/*'],
			message: 'Pure layers import only model/.'
		}
	]
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// Warrant is served from the root and has no `paths.base`: plain hrefs are right.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/lib/model/**/*.ts', 'src/lib/commands/**/*.ts'],
		// Tests beside the code read fixtures from disk; the code itself may not.
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', pureRestrictions] }
	},
	{
		files: ['src/lib/layout/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*', '*.svelte'],
							message: 'layout/ is framework-free.'
						}
					]
				}
			]
		}
	},
	{
		// The canvas core (gestures, hit testing, view arithmetic) is DOM and math only: the Svelte
		// components are thin adapters over it (DESIGN.md §3, as xyflow's system package).
		files: ['src/lib/canvas/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*', '*.svelte'],
							message: 'canvas/ is framework-free: Svelte adapts it in components/.'
						},
						{
							group: [
								'$lib/editor/*',
								'$lib/components/*',
								'$lib/server/*',
								'$lib/commands/*',
								'../editor/*',
								'../components/*',
								'../server/*',
								'../commands/*'
							],
							message: 'canvas/ imports only model/ and layout/.'
						}
					]
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'tests/artifacts/'
		]
	}
);
