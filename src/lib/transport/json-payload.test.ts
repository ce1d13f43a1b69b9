import { describe, expect, it } from 'vitest';
import * as devalue from 'devalue';
import { JsonPayload, jsonPayloadTransport as t } from './json-payload';

describe('a value sent as JSON text', () => {
	it('travels through devalue as one string and comes back equal', () => {
		const value = { nodes: [{ id: 'a', text: 'He said "no" </script><script>' }], n: 1.5 };
		const sent = devalue.stringify(
			{ map: new JsonPayload(value), other: 1 },
			{ JsonPayload: t.encode }
		);
		// The value is one string in devalue's table, not an object tree of its own.
		expect(JSON.parse(sent)).toContain(JSON.stringify(value));
		const back = devalue.parse(sent, { JsonPayload: t.decode }) as {
			map: JsonPayload<typeof value>;
			other: number;
		};
		expect(back.map).toBeInstanceOf(JsonPayload);
		expect(back.map.value).toEqual(value);
		expect(back.other).toBe(1);
	});

	it('is written into a page without closing its script', () => {
		const html = devalue.uneval(
			{ map: new JsonPayload({ text: '</script><script>alert(1)</script>' }) },
			(v) => {
				const s = t.encode(v);
				return s === false ? undefined : `decode(${devalue.uneval(s)})`;
			}
		);
		expect(html).not.toContain('</script>');
	});

	it('leaves every other value to devalue', () => {
		expect(t.encode({ a: 1 })).toBe(false);
		expect(t.encode('text')).toBe(false);
	});
});
