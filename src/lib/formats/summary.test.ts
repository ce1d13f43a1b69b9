import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../tests/fixtures/load';
import { evaluate } from '../model/evaluate';
import { thesisSummary } from '../model/follows';
import type { ArgumentMap } from '../model/schema';
import { mdText, print } from './summary';

const article = loadMap('arguments/japan-mongolia.map.json');
const critique = loadMap('arguments/japan-mongolia-critique.map.json');
const section = (md: string, title: string) =>
	md.split(`## ${title}\n\n`)[1]?.split('\n\n## ')[0] ?? '';

describe('the critical summary', () => {
	const md = print(article);

	it('opens with the thesis in the reader’s words and the source it reads', () => {
		expect(md).toMatch(/^# Critical summary: Japan and Mongolia/);
		expect(md).toContain('*A reading of “Japan and Mongolia: How Economic Giants');
		const thesis = article.nodes.find((n) => n.kind === 'thesis')!;
		// "The author argues that Japan’s …": the statement as a clause, its name kept capitalised.
		expect(section(md, 'The thesis')).toContain(
			`The author argues that ${thesis.text.replace(/\.$/, '')}.`
		);
		expect(section(md, 'The thesis')).toMatch(/The map gives 6 reasons for it\./);
	});

	it('gives each reason its own paragraph, in order, with its evidence and figures', () => {
		const reasons = section(md, 'The reasons').split('\n\n');
		const summary = thesisSummary(article, evaluate(article))!;
		expect(reasons).toHaveLength(summary.reasons.length);
		const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
		reasons.forEach((p, i) => expect(p).toContain(`The author’s ${ordinals[i]} reason is`));
		expect(reasons[1]).toMatch(/^\*\*Motive 1\.\*\* /);
		// Motive 5's evidence, with its figure chip in words, and lower-cased where it is no name.
		const motive5 = reasons.find((p) => p.startsWith('**Motive 5.**'))!;
		expect(motive5).toContain('that promoting Japanese language');
		expect(motive5).toContain('(about 1,000 students · 2009–2012)');
		expect(motive5).toMatch(/It rests on 3 pieces of evidence: that since 2004/);
		// Stated and inferred: Motive 5's evidence is tied to it by the reconstruction only.
		expect(motive5).toContain('The text never ties this evidence to the reason');
		expect(reasons.every((p) => /On the map it (holds|is \w+)/.test(p))).toBe(true);
	});

	it('counts what the text states and what the reconstruction infers', () => {
		const source = article.links.filter((l) => l.origin === 'source');
		const inferred = source.filter((l) => l.inText === 'inferred').length;
		expect(section(md, 'What the text states and what is inferred')).toContain(
			`of the ${source.length} links between them, the text states ${source.length - inferred} and the reconstruction infers ${inferred}`
		);
	});

	it('is prose: paragraphs of sentences, no outline lists', () => {
		for (const line of md.split('\n').filter((l) => l && !l.startsWith('#'))) {
			expect(line).not.toMatch(/^\s*([-+*]|\d+\.)\s/);
			expect(line.trimEnd()).toMatch(/[.)>*]$/);
		}
	});

	it('tells the objections of a critique, each once, and how they fare', () => {
		const out = print(critique);
		const objections = section(out, 'Objections and how they fare').split('\n\n');
		const objecting = new Set(
			critique.links
				.filter((l) => l.relation !== 'supports')
				.filter((l) => !critique.links.some((o) => o.from === l.to && o.relation !== 'supports'))
				.map((l) => l.from)
		);
		expect(objections).toHaveLength(objecting.size);
		// An undercut aimed at four steps is one paragraph naming the four.
		const whose = objections.filter((p) => p.includes('Undercut: whose label?'));
		expect(whose).toHaveLength(1);
		expect(whose[0]).toMatch(/to the steps from \*Motive 2\* to \*Closing claim: disguise\*/);
		expect(whose[0]).toMatch(/It stands: the steps it attacks no longer carry\.$/);
		// The small-market objection is answered, and the answer holding, it does no harm.
		const small = objections.find((p) => p.includes('Objection: a small market'))!;
		expect(small).toMatch(/answers: Motive 2 is about concessional loans/);
		expect(small).toMatch(/The answer holds\. It is itself shown false, so it does no harm\.$/);
		expect(section(out, 'The thesis')).toMatch(/On the map the thesis is not established\./);
		expect(section(out, 'What follows')).toContain(
			thesisSummary(critique, evaluate(critique))!.sentence.split(':')[0]!
		);
		expect(section(out, 'What follows')).toContain('0 of the 6 reasons still carry the thesis.');
	});

	it('keeps what the reader typed as words, not Markdown', () => {
		expect(mdText('a *bold* [link](x) <b> # 2_000')).toBe(
			'a \\*bold\\* \\[link\\](x) \\<b\\> # 2\\_000'
		);
		expect(mdText('# not a heading')).toBe('\\# not a heading');
		const map: ArgumentMap = {
			...article,
			nodes: article.nodes.map((n) =>
				n.kind === 'thesis' ? { ...n, text: 'The *real* aim is [hidden].' } : n
			)
		};
		expect(print(map)).toContain('The author argues that the \\*real\\* aim is \\[hidden\\].');
	});

	it('says so when there is no thesis to summarise', () => {
		const none = { ...article, nodes: article.nodes.filter((n) => n.kind !== 'thesis') };
		expect(print(none)).toContain('The map has no thesis yet');
	});
});
