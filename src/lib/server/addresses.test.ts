import { describe, expect, it } from 'vitest';
import { classifyAddress, v6Groups, type AddressKind } from './addresses';

// [address, expected kind]: every non-public range once at each edge, public neighbours
// just outside them, and the IPv6 forms that carry an IPv4 address.
const TABLE: Array<[string, AddressKind]> = [
	// IPv4
	['0.0.0.0', 'unspecified'],
	['0.255.255.255', 'unspecified'],
	['1.1.1.1', 'public'],
	['9.255.255.255', 'public'],
	['10.0.0.0', 'private network'],
	['10.255.255.255', 'private network'],
	['11.0.0.0', 'public'],
	['100.63.255.255', 'public'],
	['100.64.0.0', 'shared (carrier-grade NAT)'],
	['100.127.255.255', 'shared (carrier-grade NAT)'],
	['100.128.0.0', 'public'],
	['126.255.255.255', 'public'],
	['127.0.0.1', 'loopback'],
	['127.255.255.254', 'loopback'],
	['128.0.0.0', 'public'],
	['169.254.169.254', 'link-local'],
	['169.254.0.1', 'link-local'],
	['169.255.0.1', 'public'],
	['172.15.255.255', 'public'],
	['172.16.0.0', 'private network'],
	['172.31.255.255', 'private network'],
	['172.32.0.0', 'public'],
	['192.0.0.8', 'reserved'],
	['192.0.2.1', 'documentation'],
	['192.88.99.1', 'reserved'],
	['192.167.255.255', 'public'],
	['192.168.0.1', 'private network'],
	['192.168.255.255', 'private network'],
	['192.169.0.0', 'public'],
	['198.18.0.1', 'reserved'],
	['198.19.255.255', 'reserved'],
	['198.20.0.0', 'public'],
	['198.51.100.7', 'documentation'],
	['203.0.113.9', 'documentation'],
	['223.255.255.255', 'public'],
	['224.0.0.1', 'multicast'],
	['239.255.255.250', 'multicast'],
	['240.0.0.1', 'reserved'],
	['255.255.255.255', 'reserved'],
	['93.184.215.14', 'public'],
	// IPv6
	['::', 'unspecified'],
	['::1', 'loopback'],
	['0:0:0:0:0:0:0:1', 'loopback'],
	['[::1]', 'loopback'],
	['::ffff:127.0.0.1', 'loopback'],
	['::ffff:7f00:1', 'loopback'],
	['::FFFF:7F00:0001', 'loopback'],
	['::ffff:10.1.2.3', 'private network'],
	['::ffff:169.254.169.254', 'link-local'],
	['::ffff:0.0.0.0', 'unspecified'],
	['::ffff:8.8.8.8', 'public'],
	['::ffff:0808:0808', 'public'],
	['::127.0.0.1', 'loopback'],
	['::ffff:0:192.168.1.1', 'private network'],
	['64:ff9b::127.0.0.1', 'loopback'],
	['64:ff9b::8.8.8.8', 'public'],
	['64:ff9b:1::1', 'private network'],
	['fc00::1', 'unique-local'],
	['fd12:3456:789a::1', 'unique-local'],
	['fe80::1', 'link-local'],
	['fe80::1%eth0', 'link-local'],
	['febf:ffff::1', 'link-local'],
	['fec0::1', 'private network'],
	['ff02::1', 'multicast'],
	['ff0e::1', 'multicast'],
	['100::1', 'reserved'],
	['1fff::1', 'reserved'],
	['4000::1', 'reserved'],
	['2001:db8::1', 'documentation'],
	['3fff::1', 'documentation'],
	['2001::1', 'reserved'],
	['2001:2::1', 'reserved'],
	['2002:7f00:1::1', 'loopback'],
	['2002:c0a8:101::1', 'private network'],
	['2002:0808:0808::1', 'public'],
	['2606:4700:4700::1111', 'public'],
	['2a00:1450:4001:81c::200e', 'public'],
	['2001:4860:4860::8888', 'public'],
	// Not addresses at all: refused rather than guessed at.
	['localhost', 'not an IP address'],
	['127.1', 'not an IP address'],
	['0x7f.0.0.1', 'not an IP address'],
	['', 'not an IP address']
];

describe('classifyAddress', () => {
	it.each(TABLE)('%s is %s', (address, kind) => {
		expect(classifyAddress(address)).toBe(kind);
	});
});

describe('v6Groups', () => {
	it('expands compressed forms and dotted IPv4 tails', () => {
		expect(v6Groups('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
		expect(v6Groups('2001:db8::8:800:200c:417a')).toEqual([
			0x2001, 0xdb8, 0, 0, 8, 0x800, 0x200c, 0x417a
		]);
		expect(v6Groups('1::')).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
		expect(v6Groups('1.2.3.4')).toBeNull();
		expect(v6Groups('1:2:3:4:5:6:7:8:9')).toBeNull();
	});
});
