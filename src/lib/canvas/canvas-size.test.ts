import { describe, expect, it } from 'vitest';
import { canvasCookie, sizeFromCookie, CANVAS_COOKIE } from './canvas-size';

describe('the canvas size cookie', () => {
	it('keeps a size and gives it back', () => {
		const cookie = canvasCookie({ width: 1039.6, height: 712.2 });
		expect(cookie).toMatch(new RegExp(`^${CANVAS_COOKIE}=1040x712; Path=/;`));
		expect(sizeFromCookie('1040x712')).toEqual({ width: 1040, height: 712 });
	});

	it('counts hostile or absurd values for nothing', () => {
		for (const bad of [
			undefined,
			'',
			'1040',
			'1040x',
			'x712',
			'-1040x712',
			'1040x712; Path=/',
			'1040.5x712',
			'99x712',
			'99999x712',
			'1040x20000',
			'<script>x712',
			'1e4x712'
		])
			expect(sizeFromCookie(bad), String(bad)).toBeUndefined();
	});
});
