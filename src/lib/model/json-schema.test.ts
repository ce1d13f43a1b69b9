import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText } from './json-schema';

describe('arguments/schema.json', () => {
	it('is generated from the zod schema (run `npm run schema` after changing the format)', () => {
		expect(readFileSync('arguments/schema.json', 'utf8')).toBe(jsonSchemaText());
	});

	it('describes the node kinds and relations', () => {
		const schema = JSON.parse(jsonSchemaText());
		expect(schema.properties.nodes.items.properties.kind.enum).toEqual([
			'thesis',
			'claim',
			'evidence',
			'assumption'
		]);
		expect(schema.properties.links.items.properties.relation.enum).toEqual([
			'supports',
			'attacks',
			'undercuts'
		]);
		expect(schema.required).toEqual(
			expect.arrayContaining(['format', 'version', 'source', 'nodes', 'links'])
		);
	});
});
