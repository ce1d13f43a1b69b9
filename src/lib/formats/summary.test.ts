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
		// "Boris Kushkhov argues that Japan’s …": the statement as a clause, its name kept capitalised.
		expect(section(md, 'The thesis')).toContain(
			`${article.source!.author} argues that ${thesis.text.replace(/\.$/, '')}.`
		);
		expect(section(md, 'The thesis')).toContain(
			'The text gives six reasons for it. Taken as the text gives it, the thesis holds.'
		);
	});

	it('gives each reason its own paragraph, in order, with its evidence and figures', () => {
		const reasons = section(md, 'The reasons').split('\n\n');
		const summary = thesisSummary(article, evaluate(article))!;
		expect(reasons).toHaveLength(summary.reasons.length);
		const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
		reasons.forEach((p, i) => expect(p).toContain(`The ${ordinals[i]} reason is`));
		expect(reasons[1]).toMatch(/^\*\*Motive 1\.\*\* /);
		// Motive 5's evidence, lower-cased where it is no name; its figures are in its words, so
		// no chip repeats them.
		const motive5 = reasons.find((p) => p.startsWith('**Motive 5.**'))!;
		expect(motive5).toContain('reason is that promoting Japanese language');
		expect(motive5).toMatch(/As evidence the author gives three things: that since 2004/);
		expect(motive5).toContain('about 1,000 Mongolian pupils visited Japan;');
		expect(motive5).not.toContain('(about 1,000 students');
		// Names stay capitalised; a word the texts also write in lower case does not.
		expect(reasons[0]).toContain('that South Korea and the UK lean');
		expect(reasons[2]).toContain('; that loan terms often oblige');
		// Stated and inferred: Motive 4's and Motive 5's evidence is tied to them by the
		// reconstruction only, said in full once.
		expect(reasons[4]).toContain(
			'The text gives these facts without tying them to the reason: the tie is inferred.'
		);
		expect(motive5).toContain('Here too the text gives the evidence without tying it');
	});

	it('counts what the text states and what the reconstruction infers', () => {
		const source = article.links.filter((l) => l.origin === 'source');
		const inferred = source.filter((l) => l.inText === 'inferred').length;
		expect(section(md, 'What the text states and what is inferred')).toContain(
			`of the ${source.length} links between them, the text makes ${source.length - inferred} itself and the reader infers ${inferred}`
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
		// After one paragraph on whose objections are whose.
		const objections = section(out, 'Objections and how they fare').split('\n\n').slice(1);
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
		expect(whose[0]).toContain(
			'Warrant critique does not dispute what these steps start from, but denies that *Motive 2*, *Motive 4*, *Japan’s presence* and *Japan’s course* show *Closing claim: disguise*:'
		);
		expect(whose[0]).toMatch(/It stands, so those four steps no longer count\.$/);
		// The small-market objection is answered; the answer holding, the objection is met (not
		// "shown false").
		const small = objections.find((p) => p.includes('Objection: a small market'))!;
		expect(small).toMatch(/Warrant critique answers: Motive 2 is about concessional loans/);
		expect(small).toMatch(/The answer holds, so the objection is met and does no harm\.$/);
		expect(out).not.toMatch(/shown false/);
		expect(section(out, 'The thesis')).toContain(
			'The critique on this map is by Warrant critique, a reader of the text. With the critique weighed in, the thesis is not established.'
		);
		expect(section(out, 'What follows')).toContain(
			thesisSummary(critique, evaluate(critique))!.sentence.split(':')[0]!
		);
		// What takes most reasons down, named once, instead of a count of none.
		expect(section(out, 'What follows')).toContain(
			'Five of the reasons fall with one assumption (*Hidden assumption: gain rules out help*), that aid that serves Japan’s interests'
		);
		expect(out).not.toContain('0 of the 6 reasons');
		// Why each reason no longer carries the thesis: said in full once, then referred to.
		const reasons = section(out, 'The reasons').split('\n\n');
		expect(reasons[1]).toContain(
			'It needs *Hidden assumption: gain rules out help*, the assumption that aid that serves Japan’s interests cannot also be genuine help to Mongolia'
		);
		expect(reasons[1]).toMatch(
			/\*Objection: the grants still help\* defeats that assumption, so the reason no longer carries the thesis\.$/
		);
		expect(reasons[5]).toContain('It shares with Motive 1 the assumption that whatever Japan');
		expect(reasons[5]).toMatch(
			/Like Motive 1, it needs \*Hidden assumption: gain rules out help\*, and falls with it\.$/
		);
		expect(out).not.toContain('its premise');
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
		expect(print(map)).toContain('Kushkhov argues that the \\*real\\* aim is \\[hidden\\].');
	});

	it('says so when there is no thesis to summarise', () => {
		const none = { ...article, nodes: article.nodes.filter((n) => n.kind !== 'thesis') };
		expect(print(none)).toContain('The map has no thesis yet');
	});
});

describe('the critical summary reads as a student could start an essay from it', () => {
	const bikeLanes = loadMap('tests/fixtures/compare/bike-lanes/reference.map.json');

	it('drops an answer’s own "But": the sentence already ties it to the objection', () => {
		const but = {
			...bikeLanes,
			nodes: bikeLanes.nodes.map((n) =>
				n.id === 'loading-bays' ? { ...n, text: `But t${n.text.slice(1)}` } : n
			)
		};
		expect(section(print(but), 'Objections and how they fare')).toContain(
			'The author answers that the plan keeps a loading bay on every block'
		);
	});

	it('says an objection of the text is the author’s, and a reader’s is the reader’s', () => {
		const own = section(print(bikeLanes), 'Objections and how they fare');
		expect(own).toBe(
			'The author anticipates an objection to the thesis: critics say the lane will cause traffic jams and block deliveries. The author answers that the plan keeps a loading bay on every block and predicts only two extra minutes at rush hour. The answer holds, so the objection is met and does no harm.'
		);
		const objections = section(print(critique), 'Objections and how they fare').split('\n\n');
		expect(objections[0]).toBe(
			'The text takes up no objection to its own argument; the critique of Warrant critique adds 14 objections.'
		);
		for (const p of objections.slice(1)) {
			expect(p).not.toContain('The author anticipates');
			expect(p).toMatch(/^\*\*[^*]+\*\* Warrant critique (objects|does not dispute)/);
		}
	});

	it('does not say a defeated thesis is shown false whatever its reasons', () => {
		const objection = {
			id: 'obj-reader',
			kind: 'claim' as const,
			text: 'Lanes elsewhere were torn out within a year.',
			origin: 'reader' as const,
			author: 'Sam'
		};
		const map: ArgumentMap = {
			...bikeLanes,
			nodes: [...bikeLanes.nodes, objection],
			links: [
				...bikeLanes.links,
				{ id: 'l-obj', from: 'obj-reader', to: 'thesis', relation: 'attacks', origin: 'reader' }
			]
		};
		const follows = section(print(map), 'What follows');
		expect(follows).toContain(
			'The thesis is defeated on this map: the objection that lanes elsewhere were torn out within a year stands against it unanswered'
		);
		expect(follows).toContain('not proof that the thesis is false');
		expect(follows).not.toMatch(/whatever its reasons|shown false/);
		expect(section(print(map), 'Objections and how they fare')).toContain(
			'Sam objects to the thesis: lanes elsewhere were torn out within a year.'
		);
	});

	it('drops the filler sentences: each reason’s fate is said only where it is news', () => {
		const md = print(bikeLanes);
		for (const filler of [
			'The text states it as a reason for the thesis.',
			'carries the thesis.',
			'of the 3 reasons still carry',
			'No objection to the thesis itself stands.'
		])
			expect(md).not.toContain(filler);
		expect(section(md, 'The reasons')).toContain(
			'The third reason is that the shops on the road will not lose business. As evidence the author gives two things: that only 18 percent of Harbour Road shoppers come by car and that cyclists shop more often and spend as much each month. The text itself ties one of these to the reason; the tie of the rest is inferred.'
		);
		// No sentence of any length is said twice in the article's summary.
		const sentences = print(article)
			.split(/(?<=[.!?])\s+/)
			.filter((x) => x.length > 40);
		expect(sentences.length - new Set(sentences).size).toBe(0);
	});
});
