/**
 * Carneades 4 argument graphs (YAML) read as Warrant maps. Read only: a map has more than a
 * graph says (kinds, anchors, the source text), so nothing is written back.
 *
 * The mapping (docs/evaluation.md, "Reading Carneades graphs", says it in full):
 * - a statement (`key: text`, or `key: { text, assumed }`) → a source claim labelled with its
 *   key, its id a slug of the key; one that is neither assumed nor the conclusion of an argument
 *   is questioned, as Carneades puts the burden of proof on it;
 * - an argument → one support link from its first premise, the others its co-premises (a
 *   `convergent` argument: one link per premise); an argument with no premises gets a stand-in
 *   premise, "argument a1 applies", so that it is a link an undercutter can attack;
 * - `undercutter: u` → an undercut link from u to the argument's link;
 * - an issue → its positions attack each other, both ways;
 * - the thesis is the final conclusion (a statement that is no premise and no undercutter) that
 *   rests on the most other statements, the first in the file on a tie.
 * What Warrant cannot carry (argument weights and weighing schemes, proof standards other than
 * the default, rule languages and schemes with variables) is refused with the key and its line.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { openInput, refuse as refuseAt } from './imported';
import { validateMap, type ParseResult } from '../model/parse';
import type { ProblemCode } from '../model/problems';
import { readGraph } from './carneades-graph';
import { buildMap } from './carneades-map';
import { isEmpty, Reader } from './carneades-yaml';

/**
 * A Carneades 4 graph's YAML as a map, or problems with lines. Never throws.
 *
 * ```ts
 * const r = parse('statements:\n  p: P\n');
 * if (r.ok) r.map.nodes[0]; // { id: 'p', kind: 'thesis', label: 'p', text: 'P', questioned: … }
 * ```
 */
export function parse(input: string): ParseResult {
	const opened = openInput(
		input,
		'a Carneades graph is a YAML mapping with statements and arguments'
	);
	if ('refused' in opened) return opened.refused;
	const { text } = opened;
	const refuse = (code: ProblemCode, line: number, message: string) =>
		refuseAt(code, message, line);
	const lines = new LineCounter();
	let doc: Document;
	try {
		doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
	} catch {
		return refuse('syntax', 1, 'the YAML is nested too deeply to read');
	}
	const error = doc.errors[0];
	if (error)
		return refuse(
			'syntax',
			lines.linePos(error.pos[0]).line,
			/call stack/i.test(error.message)
				? 'the YAML is nested too deeply to read'
				: `invalid YAML: ${error.message.split('\n')[0]}`
		);
	if (isEmpty(doc.contents))
		return refuse(
			'empty',
			1,
			'the file is empty; a Carneades graph is a YAML mapping with statements and arguments'
		);
	const reader = new Reader(doc, lines);
	const map = buildMap(reader, readGraph(reader, doc.contents));
	if (!map) return { ok: false, problems: reader.problems.slice(0, 100) };
	// The mapping makes valid maps; should it not, say so rather than hand on a broken one.
	const checked = validateMap(map);
	return checked.ok
		? checked
		: {
				ok: false,
				problems: checked.problems.map((p) => ({
					...p,
					line: 1,
					message: `the imported map: ${p.message}`
				}))
			};
}
