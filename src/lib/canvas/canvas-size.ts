/**
 * The map canvas's size in this browser, kept in a cookie so the server draws a map page's
 * first view for the window it will be shown in: the page painted before the app's code runs
 * is then the page after it, not a view at another scale that jumps once the code measures the
 * canvas. (Without the cookie, on a first visit, the server assumes DEFAULT_CANVAS.)
 */
import type { Size } from './viewport';

export const CANVAS_COOKIE = 'warrant-canvas';
export const DEFAULT_CANVAS: Size = { width: 1100, height: 760 };
const MIN = 120;
const MAX = 16384;

/** The cookie that keeps `size` (whole pixels), for every page of the app, for a year. */
export function canvasCookie(size: Size): string {
	const value = `${Math.round(size.width)}x${Math.round(size.height)}`;
	return `${CANVAS_COOKIE}=${value}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax`;
}

/** The size a cookie's value keeps; undefined for anything but two whole numbers in range. */
export function sizeFromCookie(value: string | undefined): Size | undefined {
	const m = /^(\d{3,5})x(\d{3,5})$/.exec(value ?? '');
	if (!m) return undefined;
	const [width, height] = [Number(m[1]), Number(m[2])];
	const ok = (n: number) => n >= MIN && n <= MAX;
	return ok(width) && ok(height) ? { width, height } : undefined;
}
