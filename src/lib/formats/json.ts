/**
 * Warrant's own format: the map file, canonical JSON. Parsing is the model's (migrations,
 * schema, integrity, line numbers); this module only gives it the shape every format has.
 */
import { parseMap, type ParseResult } from '../model/parse';
import type { ArgumentMap } from '../model/schema';
import { serializeMap } from '../model/serialize';

/** A map file's text as a map, or problems with lines. Never throws. */
export function parse(text: string): ParseResult {
	return parseMap(text);
}

/** The map as the canonical text of a map file: `parse(print(map))` gives the map back. */
export function print(map: ArgumentMap): string {
	return serializeMap(map);
}
