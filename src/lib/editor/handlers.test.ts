import { describe, expect, it } from 'vitest';
import { actHandlers } from './handle-act';
import { linkHandlers } from './handle-links';
import { savingHandlers } from './handle-saving';
import { sourceHandlers } from './handle-source';
import { textHandlers } from './handle-text';
import { viewHandlers } from './handle-view';

describe("the intents' handlers", () => {
	it('no two families handle the same intent (the editor would run only the last)', () => {
		const families = [
			actHandlers,
			viewHandlers,
			linkHandlers,
			textHandlers,
			sourceHandlers,
			savingHandlers
		];
		const seen = new Map<string, number>();
		families.forEach((family, i) => {
			for (const type of Object.keys(family)) {
				expect(seen.get(type), `${type} is handled twice`).toBeUndefined();
				seen.set(type, i);
			}
		});
	});
});
