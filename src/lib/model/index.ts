export * from './schema';
export * from './problems';
export {
	parseMap,
	validateMap,
	tooLargeProblem,
	MAX_MAP_BYTES,
	MAP_SIZE_RULE,
	withLines,
	type ParseResult
} from './parse';
export { checkIntegrity } from './integrity';
export { serializeMap } from './serialize';
export * from './queries';
