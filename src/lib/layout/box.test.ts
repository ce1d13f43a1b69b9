import { describe, expect, it } from 'vitest';
import { BOX, MARK, headerBeside, markGeometry, measureBox, type CanvasMark } from './box';
import { textWidth } from './measure';

const box = { width: 240, height: 90 };
const w = (text: string) => textWidth(text, MARK.style);

describe('marks on a box', () => {
	it('draws nothing for a plain source statement', () => {
		expect(markGeometry(box, {})).toEqual({ extra: [] });
		expect(markGeometry(box, { flagCount: 0 }).flags).toBeUndefined();
	});

	it('puts the status in the header row at the right, inside the room the header keeps for it', () => {
		const m = markGeometry(box, { status: 'defeated' }).status!;
		expect(m).toMatchObject({ status: 'defeated', text: 'defeated', y: 7, height: 16 });
		expect(m.width).toBeCloseTo(w('defeated') + 24);
		expect(m.x + m.width).toBe(box.width - 8);
		// The header text stops short of it (BOX.marks is kept free at the right).
		const header = measureBox({
			kind: 'claim',
			label: 'A label long enough to need cutting short at the right',
			text: 'x'
		}).header;
		expect(header.x + header.width).toBeLessThanOrEqual(m.x);
	});

	it('puts the flag count on the top edge at the right', () => {
		expect(markGeometry(box, { flagCount: 3 }).flags).toEqual({
			text: '3',
			x: box.width - 30,
			y: -9,
			width: 26,
			height: 16,
			textX: 15,
			textY: 12
		});
	});

	it('puts the author badge on the bottom edge at the right, its name cut to 16 characters', () => {
		const short = markGeometry(box, { author: 'Ana' }).author!;
		expect(short.text).toBe('Ana');
		expect(short.x + short.width).toBe(box.width - MARK.inset);
		expect(short.y).toBe(box.height - 8);
		const long = markGeometry(box, { author: 'Warrant critique team, 2024' }).author!;
		expect(long.text).toBe('Warrant critiqu…');
		expect(long.text).toHaveLength(16);
	});

	it('lines up other views’ marks along the top edge from the left, clear of the line leaving its middle', () => {
		const extra: CanvasMark[] = [
			{ text: 'missing', tone: 'bad', title: 'The reference has a reason here' },
			{ text: 'ok', tone: 'good' }
		];
		const m = markGeometry(box, { author: 'Ana', extra });
		expect(m.extra.map((x) => [x.text, x.tone, x.title])).toEqual([
			['missing', 'bad', 'The reference has a reason here'],
			['ok', 'good', undefined]
		]);
		const [a, b] = m.extra;
		expect(a!.x).toBe(MARK.inset);
		expect(b!.x).toBeCloseTo(a!.x + a!.width + MARK.gap);
		expect(a!.y).toBe(-8);
		expect(b!.x + b!.width).toBeLessThan(box.width / 2);
	});

	it('counts the marks that do not fit in a last "+n" mark whose tooltip lists them', () => {
		const extra: CanvasMark[] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({
			text: `¶ ${n}`,
			tone: 'info'
		}));
		const m = markGeometry({ width: 220, height: 60 }, { extra });
		const last = m.extra.at(-1)!;
		const shown = m.extra.slice(0, -1);
		expect(last.text).toBe(`+${extra.length - shown.length}`);
		expect(last.title).toBe(
			extra
				.slice(shown.length)
				.map((x) => x.text)
				.join('\n')
		);
		expect(shown.map((x) => x.text)).toEqual(extra.slice(0, shown.length).map((x) => x.text));
		// Everything stays left of the middle of the box.
		expect(last.x + last.width).toBeLessThan(110);
		expect(shown.length).toBeGreaterThan(0);
	});
});

describe("a box's text", () => {
	it('shows at most BOX.maxLines lines, the last ending in "…", so a pasted page cannot stretch the map', () => {
		const sentence = 'Pasted text runs on and on without a break in sight. ';
		const long = measureBox({ kind: 'claim', text: sentence.repeat(40).trim() });
		expect(long.lines).toHaveLength(BOX.maxLines);
		expect(long.lines.at(-1)!.text.endsWith('…')).toBe(true);
		const inner = long.width - 2 * BOX.pad;
		for (const l of long.lines) expect(l.width).toBeLessThanOrEqual(inner + 0.5);
		expect(long.height).toBeLessThan(BOX.maxLines * BOX.body.lineHeight + 60);
		// A statement within the limit keeps every word.
		const short = measureBox({ kind: 'claim', text: sentence.repeat(3).trim() });
		expect(short.lines.map((l) => l.text).join(' ')).toBe(sentence.repeat(3).trim());
	});
});

describe('the header beside its status mark', () => {
	const node = { kind: 'evidence' as const, basis: 'statistic' as const, text: 'A figure.' };
	it('is cut short for the widest mark in the box, but runs on beside a narrow one', () => {
		const box = measureBox(node);
		expect(box.header.text).toMatch(/…$/);
		const holds = markGeometry(box, { status: 'holds' }).status!;
		const beside = headerBeside('Evidence · Statistic', box, holds);
		expect(beside).toBe('Evidence · Statistic');
		expect(box.header.x + w2(beside)).toBeLessThanOrEqual(holds.x);
	});

	it('still stops before a wide mark, and runs to the padding with none', () => {
		const claim = {
			kind: 'claim' as const,
			label: 'A label long enough to need cutting short here'
		};
		const box = measureBox({ ...claim, text: 'x' });
		const wide = markGeometry(box, { status: 'defeated' }).status!;
		const cut = headerBeside(claim.label, box, wide);
		expect(cut).toMatch(/…$/);
		expect(box.header.x + w2(cut)).toBeLessThanOrEqual(wide.x);
		const none = headerBeside(claim.label, box);
		expect(none.length).toBeGreaterThan(cut.length);
		expect(box.header.x + w2(none)).toBeLessThanOrEqual(box.width - BOX.pad);
	});

	it('draws the name it is given, not the kind the box was measured with', () => {
		// The box of an unlabelled claim is the same whatever it does; its header says what it does.
		const box = measureBox({ kind: 'claim', text: 'Tied aid is common among donors.' });
		expect(box.header.text).toBe('Claim');
		const widest = markGeometry(box, { status: 'unestablished' }).status!;
		for (const name of ['Objection', 'Rebuttal', 'Undercut', 'Reason']) {
			expect(headerBeside(name, box, widest)).toBe(name);
			expect(box.header.x + w2(name)).toBeLessThanOrEqual(widest.x);
		}
	});
});

const w2 = (text: string) => textWidth(text, BOX.header);
