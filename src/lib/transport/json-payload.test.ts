import { describe, expect, it } from 'vitest';
import * as devalue from 'devalue';
import { JsonPayload, decodeJsonPayload, encodeJsonPayload } from './json-payload';

/** As src/hooks.ts hands them to SvelteKit (the server's side of it). */
const t = { encode: encodeJsonPayload, decode: decodeJsonPayload };
import { PAYLOAD_SLOT, PagePayloads } from './page-payloads';

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

	it('in a server-rendered page, travels in a script element of its own', () => {
		const value = { text: 'a </script><!-- b $& $1 "q" \u2028' };
		const page = new PagePayloads();
		const payload = new JsonPayload(value, page);
		// devalue carries only the slot, the same one however often it is asked.
		expect(t.encode(payload)).toBe('#0');
		expect(t.encode(payload)).toBe('#0');
		expect(t.encode(new JsonPayload([1], page))).toBe('#1');
		const html = PagePayloads.fill(`<body>${PAYLOAD_SLOT}<div></div></body>`, page);
		expect(html).not.toContain(PAYLOAD_SLOT);
		// Nothing in the text can close the element or open a comment.
		expect(html.match(/<\/script>/g)).toHaveLength(2);
		expect(html).not.toContain('<!-- b');
		// The browser reads it back from the element the page carries.
		const texts = new Map(
			[...html.matchAll(/<script type="application\/json" id="([^"]+)">(.*?)<\/script>/gs)].map(
				(m) => [m[1], m[2]]
			)
		);
		const document = { getElementById: (id: string) => ({ textContent: texts.get(id) }) };
		Object.assign(globalThis, { document });
		try {
			expect(t.decode('#0').value).toEqual(value);
			expect(t.decode('#1').value).toEqual([1]);
		} finally {
			delete (globalThis as { document?: unknown }).document;
		}
	});

	it('a page without payloads loses the empty slot; a missing payload is said', () => {
		expect(PagePayloads.fill(`<body>${PAYLOAD_SLOT}</body>`, undefined)).toBe('<body></body>');
		expect(() => t.decode('#3')).toThrow(/lacks its data/);
	});
});
