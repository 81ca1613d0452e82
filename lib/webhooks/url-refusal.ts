/**
 * Why a webhook URL was refused, as `error.details` of the 400 carries it beside the English message: the admin page
 * says it in its own language from these codes (components/admin/webhooks/problem.ts). Client-safe.
 */
export const URL_REFUSALS = ['invalid', 'scheme', 'credentials', 'address', 'unresolved', 'resolves_to'] as const;
export type UrlRefusal = (typeof URL_REFUSALS)[number];

/** The kinds of non-public address (lib/webhooks/addresses.ts), without how an IPv4 one was wrapped in IPv6. */
export const ADDRESS_RANGES = [
  'unspecified',
  'private',
  'shared',
  'loopback',
  'link-local',
  'reserved',
  'documentation',
  'benchmarking',
  'multicast',
  'broadcast',
  'tunnel',
  'discard',
  'unique-local',
  'site-local',
] as const;
export type AddressRange = (typeof ADDRESS_RANGES)[number];

export interface UrlRefusalDetails {
  reason: UrlRefusal;
  /** `scheme`: whether http is allowed on this server too. */
  allowHttp?: boolean;
  host?: string;
  address?: string;
  range?: AddressRange;
}

/** "IPv4-mapped loopback", "shared (CGNAT)", "private (local NAT64)" → the range's code. */
export function addressRangeOf(blocked: string): AddressRange {
  const word = blocked.replace(/^(?:IPv4-mapped|IPv4-compatible|NAT64|6to4) /, '').split(' ')[0] ?? '';
  return (ADDRESS_RANGES as readonly string[]).includes(word) ? (word as AddressRange) : 'reserved';
}

/** The refusal in an error body's details, when it is one (anything else, or a forged shape, is not). */
export function urlRefusalOf(details: unknown): UrlRefusalDetails | null {
  if (typeof details !== 'object' || details === null) return null;
  const { reason, allowHttp, host, address, range } = details as Record<string, unknown>;
  if (typeof reason !== 'string' || !(URL_REFUSALS as readonly string[]).includes(reason)) return null;
  const text = (value: unknown) => (typeof value === 'string' && value.length <= 300 ? value : undefined);
  return {
    reason: reason as UrlRefusal,
    ...(allowHttp === true ? { allowHttp: true } : {}),
    ...(text(host) ? { host: text(host) } : {}),
    ...(text(address) ? { address: text(address) } : {}),
    ...(typeof range === 'string' && (ADDRESS_RANGES as readonly string[]).includes(range) ? { range: range as AddressRange } : {}),
  };
}

/**
 * Why a delivery attempt failed, kept in the delivery log beside the English `error` (for logs), so the admin page can
 * say it in its own language: a status the receiver answered (a redirect is not followed), no answer in time, the
 * endpoint disabled, the URL refused at delivery (DNS may have changed), or a connection that failed.
 */
export type DeliveryProblem =
  | { code: 'http'; status: number }
  | { code: 'redirect'; status: number }
  | { code: 'timeout' }
  | { code: 'disabled' }
  | { code: 'refused'; refusal: UrlRefusalDetails }
  | { code: 'network' };

/** The problem an error thrown by the delivery carries (lib/webhooks/deliver-node.ts), if any. */
export function deliveryProblemOf(error: unknown): DeliveryProblem | undefined {
  const problem = (error as { deliveryProblem?: unknown } | null)?.deliveryProblem;
  return typeof problem === 'object' && problem !== null && typeof (problem as { code?: unknown }).code === 'string' ? (problem as DeliveryProblem) : undefined;
}
