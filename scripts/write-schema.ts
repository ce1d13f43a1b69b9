/**
 * Writes arguments/schema.json from the zod schema, so editors can validate map files.
 * `npm run schema` rewrites it; src/lib/model/json-schema.test.ts fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaText } from '../src/lib/model/json-schema';

const out = fileURLToPath(new URL('../arguments/schema.json', import.meta.url));
writeFileSync(out, jsonSchemaText());
console.log(`wrote ${out}`);
