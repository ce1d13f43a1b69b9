/**
 * The geometry of one node's box: where each line of text and each figure chip goes. The
 * layout uses it for sizes and the renderer draws exactly these lines, so what was measured
 * is what is drawn.
 */
import type { MapNode } from '../model/schema';
import { formatFigure, nodeName } from '../model/queries';
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
	/** Room kept at the right of the header row for the status mark. */
	marks: 70
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

/** Lay out one node's box. Pure and deterministic: the same node gives the same box everywhere. */
export function measureBox(
	node: Pick<MapNode, 'kind' | 'label' | 'basis' | 'text' | 'figures'>
): BoxGeometry {
	const width = BOX.width[node.kind];
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
	const lines = breakLines(node.text, inner, bodyStyle).map((text, i) => ({
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
