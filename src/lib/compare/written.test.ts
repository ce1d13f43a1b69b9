import { describe, expect, it } from 'vitest';
import { validateMap } from '../model/parse';
import type { ArgumentMap } from '../model/schema';
import { templateMap } from '../model/templates';
import { written } from './written';

describe('written', () => {
	it('leaves out unwritten placeholders with their links, undercuts and order', () => {
		const map = templateMap({ title: 'Late starts' }, 'Schools should start later.', 3);
		const [one, two] = map.nodes.filter((n) => n.kind === 'claim');
		const linkOfTwo = map.links.find((l) => l.from === two!.id)!;
		const filled: ArgumentMap = {
			...map,
			nodes: [
				...map.nodes.map((n) =>
					n.id === one!.id ? { ...n, text: 'Teens fall asleep late.', tags: undefined } : n
				),
				{ id: 'cut', kind: 'claim', text: 'That does not follow.', origin: 'reader' }
			],
			links: [
				...map.links,
				{ id: 'l-cut', from: 'cut', to: linkOfTwo.id, relation: 'undercuts', origin: 'reader' }
			],
			walkthrough: { order: [one!.id, two!.id] }
		};
		const w = written(filled);
		expect(w.nodes.map((n) => n.id)).toEqual([
			map.nodes.find((n) => n.kind === 'thesis')!.id,
			one!.id,
			'cut'
		]);
		expect(w.links.map((l) => l.from)).toEqual([one!.id]);
		expect(w.walkthrough).toEqual({ order: [one!.id] });
		expect(validateMap(w).ok).toBe(true);
		// A map with nothing unwritten is returned as it is.
		expect(written(w)).toBe(w);
	});
});
