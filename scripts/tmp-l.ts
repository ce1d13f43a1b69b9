import { readFileSync } from 'node:fs';
import { layoutMap } from '../src/lib/layout/run';
import { parseMap } from '../src/lib/model/parse';
const r = parseMap(readFileSync('arguments/japan-mongolia.map.json', 'utf8'));
if (!r.ok) {
	console.log(r.problems);
	process.exit(1);
}
const thesis = r.map.nodes.find((n) => n.kind === 'thesis')!.id;
const motives = r.map.nodes.filter((n) => n.tags?.includes('motive')).map((n) => n.id);
console.log(
	r.map.links
		.filter((l) => l.to === thesis)
		.map((l) => l.from)
		.join(' ')
);
const reordered = {
	...r.map,
	links: [
		...r.map.links.filter((l) => l.to === thesis && motives.includes(l.from)),
		...r.map.links.filter((l) => !(l.to === thesis && motives.includes(l.from)))
	]
};
for (const [name, m] of [
	['file', r.map],
	['motives-first', reordered]
] as const)
	for (const opts of [
		{},
		{ 'elk.layered.layering.strategy': 'LONGEST_PATH' },
		{ 'elk.layered.layering.strategy': 'LONGEST_PATH', 'elk.alignment': 'TOP' },
		{ 'elk.layered.layering.strategy': 'LONGEST_PATH', 'elk.alignment': 'BOTTOM' }
	]) {
		const t = performance.now();
		const l = await layoutMap(m, opts as Record<string, string>);
		const ids = [thesis, ...motives];
		const xs = ids.map((id) => l.nodes[id]!.x),
			xe = ids.map((id) => l.nodes[id]!.x + l.nodes[id]!.width);
		const ys = ids.map((id) => l.nodes[id]!.y),
			ye = ids.map((id) => l.nodes[id]!.y + l.nodes[id]!.height);
		console.log(
			name,
			JSON.stringify(opts),
			Math.round(performance.now() - t),
			'ms',
			l.width,
			'x',
			l.height,
			(l.width / l.height).toFixed(2),
			'start bbox',
			Math.round(Math.max(...xe) - Math.min(...xs)),
			'x',
			Math.round(Math.max(...ye) - Math.min(...ys))
		);
	}
{
	const l = await layoutMap(reordered, { 'elk.layered.layering.strategy': 'LONGEST_PATH' });
	for (const id of [thesis, ...motives])
		console.log(
			id,
			Math.round(l.nodes[id]!.x),
			Math.round(l.nodes[id]!.y),
			l.nodes[id]!.width,
			l.nodes[id]!.column ?? ''
		);
	for (const c of l.columns)
		console.log(c.id, Math.round(c.x), Math.round(c.y), c.width, c.height, c.label);
}
