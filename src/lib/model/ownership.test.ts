import { describe, expect, it } from 'vitest';
import { isSlug } from './ids';
import {
	MAX_COPY_ATTEMPTS,
	isOwner,
	numberOf,
	numberedId,
	ownCopyId,
	ownCopyTitle,
	revisionOf
} from './ownership';

describe('whose a map is', () => {
	it('a shared map has no owner; a name matches whatever its case and spacing', () => {
		expect(isOwner({}, 'Ana')).toBe(false);
		expect(isOwner({ owner: 'Ana' }, undefined)).toBe(false);
		expect(isOwner({ owner: 'Ana' }, '  ')).toBe(false);
		expect(isOwner({ owner: 'Ana María' }, ' ana  maría ')).toBe(true);
		expect(isOwner({ owner: 'Ana' }, 'Anna')).toBe(false);
	});

	it('reads a revision out of an ETag', () => {
		expect(revisionOf('"AbC-_09"')).toBe('AbC-_09');
		expect(revisionOf('W/"v1"')).toBe('v1');
		expect(revisionOf('')).toBeUndefined();
		expect(revisionOf('"a b"')).toBeUndefined();
	});

	it('names a copy readably, as an id that stays an id with every number', () => {
		expect(ownCopyId('japan-mongolia', 'Ana')).toBe('japan-mongolia-critique-by-ana');
		expect(ownCopyId('japan-mongolia', 'José Müller')).toBe(
			'japan-mongolia-critique-by-jose-muller'
		);
		expect(ownCopyId('japan-mongolia', 'Аня')).toBe('japan-mongolia-critique-by-reader');
		const long = ownCopyId(`${'word-'.repeat(12)}end`, 'A very long name indeed, really');
		expect(long.endsWith('-critique-by-a-very-long-name-indeed')).toBe(true);
		for (let n = 1; n <= MAX_COPY_ATTEMPTS; n++) {
			expect(isSlug(numberedId(long, n)), numberedId(long, n)).toBe(true);
			expect(numberOf(long, numberedId(long, n))).toBe(n);
		}
		expect(numberOf('x', 'y')).toBeUndefined();
		expect(ownCopyTitle({ source: { title: 'Source' } }, ' Ana ')).toBe('Source — critique by Ana');
		expect(ownCopyTitle({ title: 'x'.repeat(300), source: { title: 'S' } }, 'Ana')).toHaveLength(
			300
		);
	});
});
