import 'server-only';
import type { NotifyConfig } from '@/lib/config-notify';
import { AppError } from '@/lib/errors';
import { processSingleton } from '@/lib/process-singleton';
import { classifyAddress } from './addresses';
import { addressRangeOf, type UrlRefusalDetails } from './url-refusal';

/**
 * Where a webhook may be sent (SSRF): https only, no credentials in the URL, and a host that neither is nor resolves
 * to a non-public address — every address it resolves to, checked when the endpoint is registered and again by the
 * delivery, which connects only to addresses it has checked (lib/webhooks/deliver-node.ts). WEBHOOK_ALLOW_PRIVATE,
 * WEBHOOK_ALLOWED_HOSTS and WEBHOOK_ALLOW_HTTP relax it.
 *
 * DNS needs Node; the admin routes stay edge-portable, so the resolver is installed at start-up (start-node.ts) and
 * read here. Without one, host names are refused rather than let through unchecked.
 */
export type HostResolver = (host: string) => Promise<string[]>;
export type UrlPolicy = Pick<NotifyConfig['webhooks'], 'allowPrivate' | 'allowedHosts' | 'allowHttp'>;

const resolverSlot = () => processSingleton('webhook-host-resolver', () => ({ resolve: undefined as HostResolver | undefined }));

export function installHostResolver(resolve: HostResolver): void {
  resolverSlot().resolve = resolve;
}

/** The English message for scripts and logs; `details` say why in codes, which the admin page words in its language. */
const refuse = (message: string, details: UrlRefusalDetails) => new AppError('bad_request:admin', message, { details: { ...details } });

/** The URL's host as the policy compares it: lower-case, IPv6 without brackets. */
export function policyHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

export function isAllowedHost(host: string, policy: UrlPolicy): boolean {
  return policy.allowedHosts.includes(host.toLowerCase().replace(/^\[(.*)\]$/, '$1'));
}

/** The reason an address is refused under this policy, or null. */
export function refusedAddress(address: string, policy: UrlPolicy): string | null {
  if (policy.allowPrivate) return null;
  return classifyAddress(address).blocked;
}

/** The URL, when the policy allows it; else AppError `bad_request:admin` saying why. */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy, resolve: HostResolver | undefined = resolverSlot().resolve): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('The endpoint URL is not a valid absolute URL.', { reason: 'invalid' });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    throw refuse(policy.allowHttp ? 'The endpoint URL must use http or https.' : 'The endpoint URL must use https.', {
      reason: 'scheme',
      ...(policy.allowHttp ? { allowHttp: true } : {}),
    });
  }
  if (url.username || url.password) {
    throw refuse('The endpoint URL must not contain a user name or password; receivers verify the signature instead.', { reason: 'credentials' });
  }
  const host = policyHost(url);
  if (isAllowedHost(host, policy)) return url;

  const literal = classifyAddress(host);
  if (literal.isIp) {
    const blocked = refusedAddress(host, policy);
    if (blocked) {
      throw refuse(`The endpoint address ${host} is ${blocked}; webhooks go to public addresses only.`, { reason: 'address', address: host, range: addressRangeOf(blocked) });
    }
    return url;
  }
  if (policy.allowPrivate) return url;
  if (!resolve) throw new AppError('upstream_unavailable:admin', 'Host names cannot be checked on this server right now; try again shortly.');
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    throw refuse(`The endpoint host ${host} does not resolve.`, { reason: 'unresolved', host });
  }
  if (addresses.length === 0) throw refuse(`The endpoint host ${host} does not resolve.`, { reason: 'unresolved', host });
  for (const address of addresses) {
    const blocked = refusedAddress(address, policy);
    if (blocked) {
      throw refuse(`The endpoint host ${host} resolves to ${address}, which is ${blocked}; webhooks go to public addresses only.`, {
        reason: 'resolves_to',
        host,
        address,
        range: addressRangeOf(blocked),
      });
    }
  }
  return url;
}
