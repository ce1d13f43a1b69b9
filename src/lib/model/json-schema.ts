import { z } from 'zod';
import { mapSchema } from './schema';

/** The JSON Schema of the current map format, as the canonical text written to arguments/schema.json. */
export function jsonSchemaText(): string {
	const schema = z.toJSONSchema(mapSchema, {
		io: 'input',
		unrepresentable: 'any',
		target: 'draft-2020-12'
	});
	return (
		JSON.stringify(
			{
				...schema,
				$id: 'https://warrant.invalid/schema/map-v1.json',
				title: 'Warrant argument map',
				description:
					'An argument map of one source text. Generated from src/lib/model/schema.ts: do not edit.'
			},
			null,
			2
		) + '\n'
	);
}
