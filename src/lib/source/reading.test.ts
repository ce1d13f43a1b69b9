import { describe, expect, it } from 'vitest';
import { cursorAnnouncement, cursorSpan, firstWords, moveCursor, placeMenu } from './reading';
import { indexText } from './text';

const index = indexText([
	{ text: 'Site menu', skip: true },
	{ text: 'Buses run late. Riders work nights. Cuts hurt them.' },
	{ text: 'Keep them.' }
]);

describe('the sentence cursor', () => {
	it('enters a block at its first or last sentence, moves, stops at the ends, and extends', () => {
		const first = moveCursor(index, undefined, 1, 1, false)!;
		expect(first).toEqual({ block: 1, from: 0, to: 0 });
		expect(moveCursor(index, undefined, 1, -1, false)).toEqual({ block: 1, from: 2, to: 2 });
		expect(moveCursor(index, first, 1, -1, false)).toEqual({ block: 1, from: 0, to: 0 });
		const wide = moveCursor(index, moveCursor(index, first, 1, 1, true)!, 1, 1, true)!;
		expect(wide).toEqual({ block: 1, from: 0, to: 2 });
		expect(moveCursor(index, wide, 1, 1, true)).toEqual(wide);
		// Another block starts afresh.
		expect(moveCursor(index, wide, 2, 1, true)).toEqual({ block: 2, from: 0, to: 0 });
		expect(index.text.slice(...Object.values(cursorSpan(index, wide)!))).toBe(
			'Buses run late. Riders work nights. Cuts hurt them.'
		);
	});

	it('is read out in a short sentence: which sentences, which paragraph, the first words', () => {
		expect(cursorAnnouncement(index, { block: 1, from: 1, to: 1 })).toBe(
			'Sentence 2 of paragraph 1 chosen: Riders work nights.'
		);
		expect(cursorAnnouncement(index, { block: 1, from: 2, to: 0 })).toBe(
			'Sentences 1 to 3 of paragraph 1 chosen: Buses run late. Riders work nights.…'
		);
		expect(cursorAnnouncement(index, { block: 0, from: 0, to: 0 })).toBe(
			'Sentence 1 of a block not part of the argument chosen: Site menu'
		);
		expect(firstWords('  one two  three ', 2)).toBe('one two…');
	});
});

describe('placeMenu', () => {
	const menu = { width: 300, height: 60 };
	it('goes above the passage when the part in view has room', () => {
		expect(
			placeMenu({ left: 40, top: 500, bottom: 540 }, menu, { top: 400, width: 380 }, 22)
		).toEqual({ left: 40, top: 436 });
	});
	it('else below, the next line left clear, and never past the right or left edge', () => {
		expect(
			placeMenu({ left: 200, top: 420, bottom: 462 }, menu, { top: 400, width: 380 }, 22)
		).toEqual({ left: 80, top: 488 });
		expect(placeMenu({ left: 10, top: 0, bottom: 20 }, menu, { top: 0, width: 200 }, 22).left).toBe(
			0
		);
	});
});
