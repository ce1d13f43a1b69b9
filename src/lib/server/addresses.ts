/**
 * Which IP addresses URL import may connect to: public unicast only. Everything a server on
 * the same machine or network could be reached through (loopback, private networks,
 * link-local, unique-local, carrier-grade NAT, multicast, reserved and documentation ranges,
 * and IPv6 forms that carry such an IPv4 address inside) is refused, so that "import this
 * URL" can never be turned into a request to a service behind the firewall (SSRF).
 *
 * The ranges follow IANA's special-purpose address registries (RFC 6890 and its updates).
 * IPv6 is checked the other way round: only global unicast (2000::/3) can be public at all,
 * and within it the special blocks are refused, so a range IANA adds outside 2000::/3 later
 * is refused without a code change.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** Why an address is not public; the words are used in the message shown to the user. */
export type AddressKind =
	| 'public'
	| 'unspecified'
	| 'loopback'
	| 'private network'
	| 'shared (carrier-grade NAT)'
	| 'link-local'
	| 'unique-local'
	| 'multicast'
	| 'reserved'
	| 'documentation'
	| 'not an IP address';

type V4Range = readonly [base: string, prefix: number, kind: AddressKind];

const V4_RANGES: readonly V4Range[] = [
	['0.0.0.0', 8, 'unspecified'], // "this network": 0.0.0.0 reaches the local host on Linux
	['10.0.0.0', 8, 'private network'],
	['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
	['127.0.0.0', 8, 'loopback'],
	['169.254.0.0', 16, 'link-local'], // includes cloud metadata services (169.254.169.254)
	['172.16.0.0', 12, 'private network'],
	['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
	['192.0.2.0', 24, 'documentation'],
	['192.88.99.0', 24, 'reserved'], // the retired 6to4 relay anycast
	['192.168.0.0', 16, 'private network'],
	['198.18.0.0', 15, 'reserved'], // benchmarking
	['198.51.100.0', 24, 'documentation'],
	['203.0.113.0', 24, 'documentation'],
	['224.0.0.0', 4, 'multicast'],
	['240.0.0.0', 4, 'reserved'] // includes the broadcast address 255.255.255.255
];

/** A dotted-quad IPv4 address as an unsigned 32-bit number, or null. */
function v4Number(ip: string): number | null {
	if (!isIPv4(ip)) return null;
	return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function inV4Range(n: number, [base, prefix]: V4Range): boolean {
	const size = 2 ** (32 - prefix);
	const start = v4Number(base) ?? 0;
	return n >= start && n < start + size;
}

function classifyV4(n: number): AddressKind {
	for (const range of V4_RANGES) if (inV4Range(n, range)) return range[2];
	return 'public';
}

/**
 * An IPv6 address as its eight 16-bit groups, or null. Accepts the forms Node's resolver and
 * the URL parser produce: `::` compression, a dotted IPv4 tail, and a `%zone` suffix.
 */
export function v6Groups(ip: string): number[] | null {
	const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
	if (!isIPv6(bare)) return null;
	let text = bare;
	const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
	if (tail?.[1]) {
		const n = v4Number(tail[1]);
		if (n === null) return null;
		text = `${text.slice(0, -tail[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
	}
	const [head = '', rest] = text.split('::');
	const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
	const left = parse(head);
	const right = rest === undefined ? [] : parse(rest);
	const groups =
		rest === undefined
			? left
			: [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
	return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/** The IPv4 address carried in groups 6 and 7 of an IPv6 address. */
const embeddedV4 = (g: number[]) => ((g[6] ?? 0) * 0x10000 + (g[7] ?? 0)) >>> 0;

function classifyV6(g: number[]): AddressKind {
	const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = g;
	const zeroesTo = (i: number) => g.slice(0, i).every((x) => x === 0);
	if (zeroesTo(8)) return 'unspecified';
	if (zeroesTo(7) && g[7] === 1) return 'loopback';
	// ::ffff:a.b.c.d (IPv4-mapped) reaches the IPv4 address itself on a dual-stack socket;
	// ::a.b.c.d (IPv4-compatible, deprecated) and ::ffff:0:a.b.c.d (IPv4-translated) may too.
	if (zeroesTo(5) && f === 0xffff) return classifyV4(embeddedV4(g));
	if (zeroesTo(6)) return classifyV4(embeddedV4(g));
	if (zeroesTo(4) && e === 0xffff && f === 0) return classifyV4(embeddedV4(g));
	// 64:ff9b::/96 is NAT64: the gateway connects to the embedded IPv4 address for us.
	if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0)
		return classifyV4(embeddedV4(g));
	if (a === 0x64 && b === 0xff9b && c === 1) return 'private network'; // local-use NAT64
	if ((a & 0xfe00) === 0xfc00) return 'unique-local'; // fc00::/7
	if ((a & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
	if ((a & 0xffc0) === 0xfec0) return 'private network'; // fec0::/10, the old site-local
	if ((a & 0xff00) === 0xff00) return 'multicast';
	if ((a & 0xe000) !== 0x2000) return 'reserved'; // outside 2000::/3 nothing is global
	if (a === 0x2001 && b === 0x0db8) return 'documentation';
	if (a === 0x3fff && b < 0x1000) return 'documentation'; // 3fff::/20
	// 2001::/23: protocol assignments (Teredo, benchmarking, ORCHID); none serves web pages,
	// and Teredo would tunnel to an IPv4 address we cannot see.
	if (a === 0x2001 && b < 0x0200) return 'reserved';
	// 2002::/16 is 6to4: the IPv4 address in groups 1 and 2 is where it ends up.
	if (a === 0x2002) return classifyV4(((b << 16) | c) >>> 0);
	return 'public';
}

/**
 * What kind of address `ip` is: `'public'` when URL import may connect to it, otherwise the
 * reason it may not. Unparseable input is refused too.
 *
 * @example classifyAddress('10.1.2.3') // 'private network'
 * @example classifyAddress('::ffff:127.0.0.1') // 'loopback'
 * @example classifyAddress('2606:4700::1111') // 'public'
 */
export function classifyAddress(ip: string): AddressKind {
	const n = v4Number(ip);
	if (n !== null) return classifyV4(n);
	const groups = v6Groups(ip);
	return groups ? classifyV6(groups) : 'not an IP address';
}
