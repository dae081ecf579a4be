// Which network addresses URL ingest may connect to. A URL given to `parley ingest` or POST /api/articles must not
// become a way to read this machine's services, the local network or a cloud metadata endpoint (server-side request
// forgery), so only public unicast addresses are reached unless private ones are allowed explicitly.
import { isIPv4, isIPv6 } from 'node:net';

type Bytes = number[];

interface Range {
  prefix: Bytes;
  bits: number;
  kind: string;
}

const PRIVATE = 'private/loopback';

function v4(cidr: string, kind: string): Range {
  const [address, bits] = cidr.split('/');
  return { prefix: ipv4Bytes(address!), bits: Number(bits), kind };
}

function v6(cidr: string, kind: string): Range {
  const [address, bits] = cidr.split('/');
  return { prefix: ipv6Bytes(address!), bits: Number(bits), kind };
}

/** Special-purpose IPv4 ranges (IANA registry) that are never a public web server. */
const IPV4_BLOCKED: Range[] = [
  v4('0.0.0.0/8', 'unspecified ("this network")'),
  v4('10.0.0.0/8', PRIVATE),
  v4('100.64.0.0/10', 'shared address space (CGNAT)'),
  v4('127.0.0.0/8', PRIVATE),
  v4('169.254.0.0/16', 'link-local (cloud metadata lives here)'),
  v4('172.16.0.0/12', PRIVATE),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'reserved for documentation'),
  v4('192.88.99.0/24', 'reserved'),
  v4('192.168.0.0/16', PRIVATE),
  v4('198.18.0.0/15', 'reserved for benchmarking'),
  v4('198.51.100.0/24', 'reserved for documentation'),
  v4('203.0.113.0/24', 'reserved for documentation'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'),
];

/** IPv6 ranges refused outright; the ones that embed an IPv4 address (NAT64, 6to4) are judged by it instead. */
const IPV6_BLOCKED: Range[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', PRIVATE),
  v6('::ffff:0:0/96', 'IPv4-mapped IPv6'),
  v6('::/96', 'IPv4-compatible IPv6 (deprecated)'),
  v6('64:ff9b:1::/48', 'reserved (local NAT64)'),
  v6('100::/64', 'reserved (discard)'),
  v6('2001::/32', 'reserved (Teredo)'),
  v6('2001:db8::/32', 'reserved for documentation'),
  v6('fc00::/7', PRIVATE),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', PRIVATE),
  v6('ff00::/8', 'multicast'),
];
const NAT64 = v6('64:ff9b::/96', '');
const SIX_TO_FOUR = v6('2002::/16', '');

/**
 * Why an IP address may not be fetched from ("private/loopback", "link-local ..."), or null for a public address.
 * Text that is not an IP address gets null: names are judged by what they resolve to.
 */
export function blockedAddressKind(address: string): string | null {
  if (isIPv4(address)) return kindOf(ipv4Bytes(address), IPV4_BLOCKED);
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(bare)) return null;
  const bytes = ipv6Bytes(bare);
  const blocked = kindOf(bytes, IPV6_BLOCKED);
  if (blocked) return blocked;
  // a public-looking IPv6 address that carries an IPv4 one reaches that IPv4 host through a gateway
  if (inRange(bytes, NAT64)) return kindOf(bytes.slice(12, 16), IPV4_BLOCKED);
  if (inRange(bytes, SIX_TO_FOUR)) return kindOf(bytes.slice(2, 6), IPV4_BLOCKED);
  return null;
}

function kindOf(bytes: Bytes, ranges: Range[]): string | null {
  return ranges.find((range) => inRange(bytes, range))?.kind ?? null;
}

function inRange(bytes: Bytes, range: Range): boolean {
  if (bytes.length !== range.prefix.length) return false;
  for (let bit = 0; bit < range.bits; bit += 8) {
    const take = Math.min(8, range.bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[bit / 8]! & mask) !== (range.prefix[bit / 8]! & mask)) return false;
  }
  return true;
}

function ipv4Bytes(address: string): Bytes {
  return address.split('.').map(Number);
}

/** 16 bytes of an IPv6 address in any valid notation ("::", embedded dotted IPv4). */
function ipv6Bytes(address: string): Bytes {
  let text = address;
  let embedded: Bytes = [];
  if (text.includes('.')) {
    const cut = text.lastIndexOf(':') + 1;
    embedded = ipv4Bytes(text.slice(cut));
    text = text.slice(0, cut) + '0:0';
  }
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const [left, right] = text.split('::');
  const head = groups(left!);
  const tail = right === undefined ? [] : groups(right);
  const words = right === undefined ? head : [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  const bytes = words.flatMap((word) => [word >> 8, word & 0xff]);
  if (embedded.length === 4) bytes.splice(12, 4, ...embedded);
  return bytes;
}
