import { loadMap } from '../../../tests/fixtures/load';
import { describe, expect, it } from 'vitest';
import { outlineOf, print, printMarkdown, type OutlineItem } from './outline';

const load = loadMap;

describe('outline', () => {
	it('marks relations, labels and undercuts', () => {
		expect(print(load('tests/fixtures/small.map.json'))).toBe(
			[
				'[Thesis] The thesis.',
				'  + [Reason 1] A reason.',
				'    + (evidence) Some evidence.',
				'    ~ (undercuts the link from e1) An objection.',
				''
			].join('\n')
		);
	});

	it('says which rows the text does not state: an inferred statement or the link that puts it there', () => {
		const m = load('tests/fixtures/small.map.json');
		const inferred = {
			...m,
			links: m.links.map((l) => (l.id === 'l2' ? { ...l, inText: 'inferred' as const } : l))
		};
		expect(print(inferred).split('\n')[2]).toBe('    + (evidence) (inferred) Some evidence.');
		const node = {
			...m,
			nodes: m.nodes.map((n) => (n.id === 'c1' ? { ...n, inText: 'inferred' as const } : n))
		};
		expect(print(node).split('\n')[1]).toBe('  + [Reason 1] (inferred) A reason.');
	});

	it('lists every node of the article map, each expanded once', () => {
		const map = load('arguments/japan-mongolia.map.json');
		const seen: string[] = [];
		const walk = (i: OutlineItem) => {
			if (!i.repeat) seen.push(i.id);
			i.children.forEach(walk);
		};
		outlineOf(map).forEach(walk);
		expect(seen.sort()).toEqual(map.nodes.map((n) => n.id).sort());
	});

	it('puts statements unconnected to the thesis last, as their own roots', () => {
		const map = load('tests/fixtures/small.map.json');
		map.nodes.push({ id: 'loose', kind: 'evidence', text: 'Loose.', origin: 'reader' });
		const roots = outlineOf(map);
		expect(roots.map((r) => r.id)).toEqual(['t', 'loose']);
	});
});

describe('the outline as Markdown', () => {
	it('is a nested list, one row per outline row, saying what each row does', () => {
		const map = load('arguments/japan-mongolia-critique.map.json');
		const md = printMarkdown(map);
		const rows = md.split('\n').filter((l) => /^\s*- /.test(l));
		expect(rows).toHaveLength(print(map).trimEnd().split('\n').length);
		expect(md).toMatch(
			/^# Outline: Japan and Mongolia — a critical reading\n\n- \*\*Thesis\*\* Japan/
		);
		expect(md).toMatch(/^ {2}- For: \*\*Motive 1\*\* Japan’s support/m);
		expect(md).toMatch(
			/^ {4}- Undercuts the step from Courted by the powers: \*\*Undercut: influence is not bribery\*\* \*\(reader\)\*/m
		);
		expect(md).toMatch(/^ {4}- Against: \*\*Objection: a small market\*\* \*\(reader\)\*/m);
		// Each row is indented two spaces a level: a child never sits more than one level deeper.
		const depth = (l: string) => l.match(/^ */)![0].length / 2;
		rows.forEach((r, i) => i && expect(depth(r) - depth(rows[i - 1]!)).toBeLessThanOrEqual(1));
	});
});
