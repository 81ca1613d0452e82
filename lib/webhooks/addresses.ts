/**
 * Which IP addresses a webhook may not reach: everything that is not a public unicast address, in IPv4 and IPv6,
 * including IPv4 hidden inside IPv6 (mapped, compatible, NAT64, 6to4). Pure and edge-safe (no node:net), so the admin
 * routes and the Node delivery share one list.
 */

type Range4 = readonly [base: number, bits: number, reason: string];

const ip4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

const BLOCKED_V4: readonly Range4[] = [
  [ip4(0, 0, 0, 0), 8, 'unspecified'],
  [ip4(10, 0, 0, 0), 8, 'private'],
  [ip4(100, 64, 0, 0), 10, 'shared (CGNAT)'],
  [ip4(127, 0, 0, 0), 8, 'loopback'],
  [ip4(169, 254, 0, 0), 16, 'link-local'],
  [ip4(172, 16, 0, 0), 12, 'private'],
  [ip4(192, 0, 0, 0), 24, 'reserved'],
  [ip4(192, 0, 2, 0), 24, 'documentation'],
  [ip4(192, 88, 99, 0), 24, 'reserved'],
  [ip4(192, 168, 0, 0), 16, 'private'],
  [ip4(198, 18, 0, 0), 15, 'benchmarking'],
  [ip4(198, 51, 100, 0), 24, 'documentation'],
  [ip4(203, 0, 113, 0), 24, 'documentation'],
  [ip4(224, 0, 0, 0), 4, 'multicast'],
  [ip4(240, 0, 0, 0), 4, 'reserved'],
];

/** A dotted quad as the URL parser normalises it (it already turns 0x7f.1 or 2130706433 into 127.0.0.1). */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return null;
  const [a = 0, b = 0, c = 0, d = 0] = parts.map(Number);
  return ip4(a, b, c, d);
}

/** Eight 16-bit groups, or null. Accepts `::` compression, a dotted IPv4 tail and a `%zone`; brackets are stripped. */
export function parseIPv6(text: string): number[] | null {
  let value = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!value.includes(':')) return null;
  const tail: number[] = [];
  const dotted = /(?:^|:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (dotted?.[1]) {
    const v4 = parseIPv4(dotted[1]);
    if (v4 === null) return null;
    tail.push(v4 >>> 16, v4 & 0xffff);
    value = value.slice(0, value.length - dotted[1].length);
    if (value.endsWith(':') && !value.endsWith('::')) value = value.slice(0, -1);
  }
  const halves = value.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const head = groups(halves[0]);
  const rest = groups(halves[1]);
  if (![...head, ...rest].every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros = halves.length === 2 ? 8 - known : 0;
  return [...head.map((g) => parseInt(g, 16)), ...Array<number>(zeros).fill(0), ...rest.map((g) => parseInt(g, 16)), ...tail];
}

function classifyV4(address: number): string | null {
  if (address === 0xffffffff) return 'broadcast';
  for (const [base, bits, reason] of BLOCKED_V4) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if (((address & mask) >>> 0) === base) return reason;
  }
  return null;
}

function classifyV6(g: readonly number[]): string | null {
  const v4At = (i: number) => (((g[i] ?? 0) << 16) | (g[i + 1] ?? 0)) >>> 0;
  const zeroUpTo = (n: number) => g.slice(0, n).every((group) => group === 0);
  const embedded = (reason: string | null, how: string) => (reason ? `${how} ${reason}` : null);
  const first = g[0] ?? 0;
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  if (zeroUpTo(5) && g[5] === 0xffff) return embedded(classifyV4(v4At(6)), 'IPv4-mapped');
  if (zeroUpTo(6)) return embedded(classifyV4(v4At(6)), 'IPv4-compatible') ?? 'reserved';
  if (first === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((group) => group === 0)) return embedded(classifyV4(v4At(6)), 'NAT64');
  if (first === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'private (local NAT64)';
  if (first === 0x2002) return embedded(classifyV4(v4At(1)), '6to4');
  if (first === 0x2001 && g[1] === 0) return 'tunnel (Teredo)';
  if (first === 0x2001 && g[1] === 0xdb8) return 'documentation';
  if (first === 0x100 && g.slice(1, 4).every((group) => group === 0)) return 'discard';
  if ((first & 0xfe00) === 0xfc00) return 'unique-local';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xffc0) === 0xfec0) return 'site-local';
  if ((first & 0xff00) === 0xff00) return 'multicast';
  return null;
}

/**
 * Why a webhook may not be sent to this address ("loopback", "private", "IPv4-mapped loopback", …), or null when it
 * is public. `isIp` is false for text that is not an IP address at all (a host name).
 */
export function classifyAddress(text: string): { isIp: boolean; blocked: string | null } {
  const v4 = parseIPv4(text);
  if (v4 !== null) return { isIp: true, blocked: classifyV4(v4) };
  const v6 = parseIPv6(text);
  if (v6 !== null) return { isIp: true, blocked: classifyV6(v6) };
  return { isIp: false, blocked: null };
}
