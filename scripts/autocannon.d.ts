// The little of autocannon's API the browser bench uses (the package ships no types).
declare module 'autocannon' {
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		headers?: Record<string, string>;
	}
	interface Histogram {
		average: number;
		p50: number;
	}
	interface Result {
		requests: Histogram;
		latency: Histogram;
		errors: number;
		non2xx: number;
	}
	export default function autocannon(options: Options): Promise<Result>;
}
