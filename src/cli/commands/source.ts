/**
 * The subcommands about a map's source text: `attach` (attach a text, re-resolve every anchor)
 * and `coverage` (what of the text the anchors cover). Each takes the usage text to print on a
 * wrong command line.
 */
import { extname } from 'node:path';
import { formatPath, serializeMap, type ArgumentMap } from '../../lib/model';
import { attachText } from '../../lib/source/attach';
import { listNumbers, mapCoverage, placeAnchors, type Orphan } from '../../lib/source/coverage';
import { toIndex } from '../../lib/source/text';
import { writeAtomic } from '../../lib/server/store';
import { loadOrReport, options, readText, sameFile, type Io } from '../io';

/** "1-4,22" (block numbers from 1) as 0-based block indexes; "none" is no block. */
function blockList(text: string): number[] | undefined {
	if (text === 'none') return [];
	const out: number[] = [];
	for (const part of text.split(',')) {
		const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?$/.exec(part);
		if (!m) return undefined;
		const from = Number(m[1]);
		const to = Number(m[2] ?? m[1]);
		if (from < 1 || to < from || to - from > 10000) return undefined;
		for (let n = from; n <= to; n++) out.push(n - 1);
	}
	return out;
}

/**
 * `attach MAP TEXT [-o OUT] [--skip LIST] [--markdown]`: the text attached, every anchor
 * re-resolved; MAP is rewritten in place (atomically) unless OUT is named. Nothing is written
 * when the map or the text has problems.
 */
export async function attach(
	args: string[],
	{ out, err }: Io,
	usage: () => string
): Promise<number> {
	const o = options(args, { flags: ['--markdown'], values: ['-o', '--skip'] });
	if ('error' in o || o.files.length !== 2) {
		err(
			`warrant attach: ${'error' in o ? o.error : 'name the map file and the text file to attach'}\n\n${usage()}`
		);
		return 2;
	}
	const [mapFile, textFile] = o.files as [string, string];
	const output = o.values.get('-o') ?? mapFile;
	const skipText = o.values.get('--skip');
	const skip = skipText === undefined ? 'auto' : blockList(skipText);
	if (!skip) {
		err(`warrant attach: --skip takes block numbers such as 1-4,22 (or none); found "${skipText}"`);
		return 2;
	}
	if (/\.html?$/i.test(textFile)) {
		err(
			`warrant attach: "${textFile}" is a web page; save it as text (.txt) or Markdown (.md), or import it by its address in the app`
		);
		return 2;
	}
	if (await sameFile(textFile, output)) {
		err(`warrant attach: "${output}" is the text file; it is never overwritten`);
		return 2;
	}
	const map = await loadOrReport(mapFile, err);
	if (!map) return 1;
	const read = await readText(textFile, 'text');
	if (!read.ok) {
		for (const p of read.problems) err(`${textFile}:${p.line ?? 1}: ${p.message}`);
		return 1;
	}
	const markdown = o.flags.has('--markdown') || /\.(md|markdown)$/i.test(extname(textFile));
	const r = attachText(map, read.text, { markdown, skip });
	if (!r.ok) {
		err(`${textFile}:${r.problem.line ?? 1}: ${r.problem.message}`);
		return 1;
	}
	try {
		await writeAtomic(output, serializeMap(r.map));
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		err(`${output}: cannot be written (${code ?? 'unknown error'})`);
		return 1;
	}
	const { report } = r;
	out(`${output}: ${report.summary}`);
	if (report.skipped.length)
		out(
			`  blocks ${listNumbers(report.skipped.map((i) => i + 1))} are not part of the argument (use --skip to change)`
		);
	for (const orphan of report.orphans) out(`  ${orphanLine(r.map, orphan)}`);
	return 0;
}

/** `nodes[10].anchors[0] (objection-phones): "libraries are a relic": weak, best score 0.42` */
function orphanLine(map: ArgumentMap, o: Orphan): string {
	const anchor = map.nodes[o.path[1] as number]?.anchors?.[o.anchor];
	const quote = anchor?.quote ? ` “${anchor.quote}”` : ` paragraph ${o.resolution.paragraph}`;
	return `orphan ${formatPath(o.path)} (${o.node}):${quote}: ${o.resolution.reason.replace('-', ' ')}, best score ${o.resolution.score.toFixed(2)}`;
}

/** `coverage MAP [--written]`: each block of the map's text, mapped or not, and the summary. */
export async function coverageOf(
	args: string[],
	{ out, err }: Io,
	usage: () => string
): Promise<number> {
	const o = options(args, { flags: ['--written'], values: [] });
	if ('error' in o || o.files.length !== 1) {
		err(
			`warrant coverage: ${'error' in o ? o.error : 'name one map file that carries its text'}\n\n${usage()}`
		);
		return 2;
	}
	const file = o.files[0]!;
	const map = await loadOrReport(file, err);
	if (!map) return 1;
	const layer = o.flags.has('--written') ? 'written' : 'critique';
	const c = mapCoverage(map, { layer });
	if (!map.text || !c) {
		err(`${file}: carries no source text; attach one first: warrant attach ${file} TEXT`);
		return 1;
	}
	const index = toIndex(map.text);
	const byBlock = new Map(c.paragraphs.map((p) => [p.block, p]));
	index.blocks.forEach((b, i) => {
		const p = byBlock.get(i);
		// A few words of the block, so a reader can tell which it is.
		const words = b.text.split(/\s+/);
		const start = words.slice(0, 6).join(' ') + (words.length > 6 ? ' …' : '');
		const label = p ? `¶${p.paragraph}` : '–';
		const state = !p
			? 'not part of the argument'
			: p.mapped
				? `mapped (${p.anchors} anchor${p.anchors === 1 ? '' : 's'}, ${p.sentences.filter((s) => s.mapped).length} of ${p.sentences.length} sentences)`
				: 'not mapped';
		out(`block ${String(i + 1).padStart(3)}  ${label.padEnd(5)} ${state.padEnd(40)} ${start}`);
	});
	out(c.summary);
	out(`${c.sentences.mapped} of ${c.sentences.total} sentences mapped`);
	const orphans = placeAnchors(map, { layer })!.orphans.length;
	if (orphans)
		out(
			`${orphans} anchor${orphans === 1 ? ' is' : 's are'} not found in the text (warrant validate lists them)`
		);
	return 0;
}
