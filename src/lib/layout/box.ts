/**
 * The geometry of one node's box: where each line of text and each figure chip goes. The
 * layout uses it for sizes and the renderer draws exactly these lines, so what was measured
 * is what is drawn.
 */
import type { MapNode } from '../model/schema';
import { STATUS_WORDS, type Status } from '../model/evaluate';
import { formatFigure, isPlaceholder, nodeName } from '../model/queries';
import { breakLines, textWidth, type TextStyle } from './measure';

export const BOX = {
	pad: 10,
	width: { thesis: 340, claim: 240, evidence: 220, assumption: 240 },
	header: { size: 11, weight: 600, lineHeight: 14 } satisfies TextStyle,
	headerGap: 4,
	body: { size: 13, weight: 400, lineHeight: 18 } satisfies TextStyle,
	thesisBody: { size: 15, weight: 600, lineHeight: 21 } satisfies TextStyle,
	chip: { size: 11, weight: 600, lineHeight: 18 } satisfies TextStyle,
	chipPadX: 6,
	chipGap: 4,
	chipTop: 6,
	/** Room kept at the right of the header row for the status mark ("not established"). */
	marks: 106,
	/**
	 * The most lines of text a box shows: a longer statement ends in "…" on its last line (its
	 * whole text is in the panel, the editor and the box's accessible name), so one pasted page
	 * cannot stretch the map. The longest statement of the critique map takes 17.
	 */
	maxLines: 20
} as const;

export interface TextLine {
	text: string;
	/** left edge, relative to the box */
	x: number;
	/** baseline, relative to the box */
	y: number;
	width: number;
}

export interface Chip {
	text: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface BoxGeometry {
	width: number;
	height: number;
	/**
	 * The header's place, and its kind's name cut for the widest status mark. What is drawn
	 * there is `headerBeside`: the name with the statement's role, which the box does not know.
	 */
	header: TextLine;
	headerStyle: TextStyle;
	lines: TextLine[];
	bodyStyle: TextStyle;
	chips: Chip[];
}

function fitText(text: string, max: number, style: TextStyle): string {
	if (textWidth(text, style) <= max) return text;
	let s = text;
	while (s.length > 1 && textWidth(s + '…', style) > max) s = s.slice(0, -1);
	return s + '…';
}

type Measured = Pick<MapNode, 'kind' | 'label' | 'basis' | 'text' | 'figures'>;

/**
 * The header as drawn: `name` (the statement's name in the map, `nodeName` with its role: an
 * unlabelled objection is headed "Objection") fitted beside a status mark of its real width, cut
 * with "…" where it would reach the mark. Without a mark it may run to the box's padding. The
 * name depends on the links, not only on the statement, so it is fitted here, where the box is
 * drawn, and not in the measured box (which is cached by the statement's content): the header's
 * row is one line whatever it says, so the box's size does not depend on it.
 */
export function headerBeside(
	name: string,
	box: Pick<BoxGeometry, 'width' | 'header'>,
	mark?: { x: number }
): string {
	const end = mark ? mark.x - 6 : box.width - BOX.pad;
	return fitText(name, end - box.header.x, BOX.header);
}

/**
 * Boxes measured before, by everything a box depends on: a new revision of a map, a new map
 * value after an edit, an undo, all carry mostly the same statements (breaking a statement's
 * lines is 18–20% of a layout's time at 1000 statements). The oldest go first beyond the bound.
 */
const measured = new Map<string, BoxGeometry>();
const MEASURED_MAX = 4000;

/**
 * Lay out one node's box. Pure and deterministic: the same node gives the same box everywhere.
 * The box is shared with every other caller that measured the same statement: never change it.
 */
export function measureBox(node: Measured, width: number = BOX.width[node.kind]): BoxGeometry {
	const key = JSON.stringify([width, node.kind, node.label, node.basis, node.text, node.figures]);
	let box = measured.get(key);
	if (box) return box;
	box = measureAnew(node, width);
	measured.set(key, box);
	if (measured.size > MEASURED_MAX) measured.delete(measured.keys().next().value as string);
	return box;
}

function measureAnew(node: Measured, width: number): BoxGeometry {
	const inner = width - 2 * BOX.pad;
	let y = BOX.pad;
	const headerStyle = BOX.header;
	const headerLabel = fitText(nodeName(node), inner - BOX.marks, headerStyle);
	const header: TextLine = {
		text: headerLabel,
		x: BOX.pad,
		y: y + headerStyle.size,
		width: textWidth(headerLabel, headerStyle)
	};
	y += headerStyle.lineHeight + BOX.headerGap;

	const bodyStyle = node.kind === 'thesis' ? BOX.thesisBody : BOX.body;
	const broken = breakLines(node.text, inner, bodyStyle);
	if (broken.length > BOX.maxLines) {
		broken.length = BOX.maxLines;
		broken[BOX.maxLines - 1] = fitText(`${broken[BOX.maxLines - 1]!}…`, inner, bodyStyle);
	}
	const lines = broken.map((text, i) => ({
		text,
		x: BOX.pad,
		// Baseline sits at about 0.8 of the line box for Inter.
		y: y + i * bodyStyle.lineHeight + Math.round(bodyStyle.lineHeight * 0.75),
		width: textWidth(text, bodyStyle)
	}));
	y += lines.length * bodyStyle.lineHeight;

	const chips: Chip[] = [];
	if (node.figures?.length) {
		y += BOX.chipTop;
		let x = BOX.pad;
		for (const f of node.figures) {
			const text = fitText(formatFigure(f), inner - 2 * BOX.chipPadX, BOX.chip);
			const w = textWidth(text, BOX.chip) + 2 * BOX.chipPadX;
			if (x > BOX.pad && x + w > width - BOX.pad) {
				x = BOX.pad;
				y += BOX.chip.lineHeight + BOX.chipGap;
			}
			chips.push({ text, x, y, width: w, height: BOX.chip.lineHeight });
			x += w + BOX.chipGap;
		}
		y += BOX.chip.lineHeight;
	}
	return { width, height: Math.ceil(y + BOX.pad), header, headerStyle, lines, bodyStyle, chips };
}

/** A mark another view puts on a statement's box (exercise feedback, a source highlight). */
export interface CanvasMark {
	/** Short: a word or two; cut to 16 characters on the box. */
	text: string;
	tone: 'info' | 'good' | 'warn' | 'bad';
	/** The full text, shown as the mark's tooltip. */
	title?: string;
}

/** One small rounded mark on a box: its rectangle and its text's baseline, relative to the box. */
export interface Mark {
	text: string;
	x: number;
	y: number;
	width: number;
	height: number;
	textX: number;
	textY: number;
}

/** The marks on one box; each is absent when there is nothing to show. */
export interface BoxMarks {
	/** The computed status, top right inside the header row (BOX.marks keeps its room). */
	status?: Mark & { status: Status };
	/** How many reasoning flags, straddling the top edge at the right. */
	flags?: Mark;
	/** Who added a reader's statement, straddling the bottom edge at the right. */
	author?: Mark;
	/**
	 * Other views' marks, straddling the top edge from the left up to the middle, where the line
	 * to the conclusion leaves (the bottom edge carries the end marks of the lines arriving).
	 * What does not fit is counted in a last "+n" mark.
	 */
	extra: (Mark & Pick<CanvasMark, 'tone' | 'title'>)[];
}

export const MARK = {
	style: { size: 10, weight: 600 } satisfies Pick<TextStyle, 'size' | 'weight'>,
	height: 16,
	/** Longest text on a mark before it is cut with "…". */
	maxChars: 16,
	gap: 4,
	/** Inset of the marks on the top and bottom edges from the box's sides. */
	inset: 12
} as const;

function cut(text: string): string {
	return text.length > MARK.maxChars ? `${text.slice(0, MARK.maxChars - 1)}…` : text;
}
/** A pill-shaped mark with text only, straddling a horizontal edge at (`x`, `edge`). */
function pill(text: string, x: number, edge: number): Mark {
	const width = textWidth(text, MARK.style) + 14;
	return { text, x, y: edge - 8, width, height: MARK.height, textX: 7, textY: 11.5 };
}

/**
 * Where a box's marks go, so that the canvas and an SVG export draw them alike.
 * @example markGeometry(placed.box, { status: 'holds', flagCount: 2, author: 'Ana' })
 */
export function markGeometry(
	box: Pick<BoxGeometry, 'width' | 'height'>,
	what: { status?: Status; flagCount?: number; author?: string; extra?: readonly CanvasMark[] }
): BoxMarks {
	const marks: BoxMarks = { extra: [] };
	if (what.status) {
		// Room for the icon (at 8.5) before the word.
		const text = STATUS_WORDS[what.status];
		const width = textWidth(text, MARK.style) + 24;
		marks.status = {
			status: what.status,
			text,
			x: box.width - 8 - width,
			y: 7,
			width,
			height: MARK.height,
			textX: 17,
			textY: 11.5
		};
	}
	if (what.flagCount) {
		const text = String(what.flagCount);
		marks.flags = { text, x: box.width - 30, y: -9, width: 26, height: 16, textX: 15, textY: 12 };
	}
	if (what.author !== undefined) {
		const author = pill(cut(what.author), 0, box.height);
		author.x = box.width - MARK.inset - author.width;
		marks.author = author;
	}
	const extra = what.extra ?? [];
	const limit = box.width / 2 - MARK.gap;
	const placed: BoxMarks['extra'] = [];
	const end = () =>
		placed.length ? placed.at(-1)!.x + placed.at(-1)!.width + MARK.gap : MARK.inset;
	for (const m of extra) {
		const mark = pill(cut(m.text), end(), 0);
		if (mark.x + mark.width > limit) break;
		placed.push({ ...mark, tone: m.tone, title: m.title });
	}
	if (placed.length < extra.length) {
		// Give up marks until the count fits after the rest.
		const more = () => pill(`+${extra.length - placed.length}`, end(), 0);
		while (placed.length && more().x + more().width > limit) placed.pop();
		const hidden = extra.slice(placed.length);
		placed.push({
			...more(),
			tone: 'info',
			title: hidden.map((m) => m.title ?? m.text).join('\n')
		});
	}
	marks.extra = placed;
	return marks;
}

/** The statement facts the marks on its box are drawn from. */
type MarkedNode = Pick<MapNode, 'origin' | 'inText' | 'questioned' | 'author' | 'tags' | 'text'>;

/** True when the text does not state the statement and the reconstruction infers it. */
export function isInferred(node: Pick<MapNode, 'origin' | 'inText'>): boolean {
	return node.origin === 'source' && node.inText === 'inferred';
}

/**
 * A statement's own words on its box, not colour alone: a draft not written yet, what the text
 * only implies, what a reader questioned.
 */
export function ownMarks(node: MarkedNode): CanvasMark[] {
	const q = node.questioned;
	const marks: CanvasMark[] = [];
	if (isPlaceholder(node))
		marks.push({
			text: 'draft',
			tone: 'warn',
			title: 'Not written yet: it counts once it says something'
		});
	if (isInferred(node))
		marks.push({
			text: 'inferred',
			tone: 'info',
			title: 'The text does not state this; the reconstruction infers it'
		});
	if (q)
		marks.push({
			text: 'questioned',
			tone: 'warn',
			title: `Questioned${q.author ? ` by ${q.author}` : ''}${q.note ? `: ${q.note}` : ''}`
		});
	return marks;
}

/**
 * Every mark on a statement's box, as the canvas and the SVG export draw them: its status (none
 * on a draft, which the evaluation leaves out), its flags, who added it, its own words and
 * other views' marks.
 */
export function nodeMarks(
	node: MarkedNode,
	box: Pick<BoxGeometry, 'width' | 'height'>,
	what: { status?: Status; flagCount?: number; extra?: readonly CanvasMark[] } = {}
): BoxMarks {
	return markGeometry(box, {
		status: isPlaceholder(node) ? undefined : what.status,
		flagCount: what.flagCount,
		author: node.origin === 'reader' ? (node.author ?? 'reader') : undefined,
		extra: [...ownMarks(node), ...(what.extra ?? [])]
	});
}

/** The icon inside a status mark, in the mark's own coordinates: a stroked path or a ring. */
export const STATUS_ICON: Record<Status, { path: string } | { cx: number; cy: number; r: number }> =
	{
		holds: { path: 'M5 8.5l2.5 2.5 4.5-5.5' },
		defeated: { path: 'M5.5 4.5l6 7M11.5 4.5l-6 7' },
		unestablished: { path: 'M5 8h7' },
		open: { cx: 8.5, cy: 8, r: 3.5 }
	};

/** The flag drawn in a flag mark, in the mark's own coordinates. */
export const FLAG_ICON = 'M5 13V3.5h7l-1.5 2.5 1.5 2.5H5';

/** The corner radius of a statement's frame: the thesis is rounder. */
export function frameRadius(kind: MapNode['kind']): number {
	return kind === 'thesis' ? 8 : 6;
}

/** An evidence column's caption, which is also its fold switch: "▾ Evidence · 6". */
export function columnCaption(col: { label: string; collapsed: boolean }): string {
	return `${col.collapsed ? '▸' : '▾'} ${col.label}${col.collapsed ? ' — show' : ''}`;
}
