import 'server-only';
import { AppError } from '@/lib/errors';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/lib/events/schema';
import { notifyKeys } from '@/lib/notify/keys';
import { hsetIfUnchanged, kvHash, kvOne, type Kv } from '@/lib/store/kv';
import { checkWebhookUrl, type UrlPolicy } from './url-policy';

/**
 * Webhook endpoints an admin registered, kept in one Redis hash (a deployment has a handful). The secret is stored as
 * it is, because every delivery is signed with it; the API shows it once, at creation or rotation.
 */
export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEventType[];
  description: string;
  enabled: boolean;
  /** Standard Webhooks secret: `whsec_` + base64 of 24 random bytes. */
  secret: string;
  createdAt: number;
  updatedAt: number;
}

/** What the admin API shows: the secret only as a hint, and the version (`etag`, as the ETag header) a PATCH's If-Match sends back. */
export type PublicWebhookEndpoint = Omit<WebhookEndpoint, 'secret'> & { secretHint: string; etag: string };

export interface EndpointInput {
  url: string;
  events: WebhookEventType[];
  description?: string;
  enabled?: boolean;
}

export const MAX_ENDPOINTS = 50;

export function generateWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

/** An endpoint's version, as the admin API's ETag (`"<updatedAt>"`): every change moves `updatedAt` on by 1 ms at least. */
export const endpointETag = (endpoint: Pick<WebhookEndpoint, 'updatedAt'>) => `"${endpoint.updatedAt}"`;

export function toPublicEndpoint({ secret, ...endpoint }: WebhookEndpoint): PublicWebhookEndpoint {
  return { ...endpoint, secretHint: `whsec_…${secret.slice(-4)}`, etag: endpointETag(endpoint) };
}

const ORDER = new Map<string, number>(WEBHOOK_EVENT_TYPES.map((type, index) => [type, index]));
const normaliseEvents = (events: readonly WebhookEventType[]) =>
  [...new Set(events)].sort((a, b) => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0));

function parseEndpoint(json: string | null | undefined): WebhookEndpoint | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as WebhookEndpoint;
  } catch {
    return null;
  }
}

export async function listEndpoints({ kv }: { kv: Kv }): Promise<WebhookEndpoint[]> {
  const all = kvHash(await kvOne(kv, ['HGETALL', notifyKeys.endpoints(kv)]));
  return Object.values(all)
    .map(parseEndpoint)
    .filter((endpoint): endpoint is WebhookEndpoint => endpoint !== null)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export async function getEndpoint({ kv, id }: { kv: Kv; id: string }): Promise<WebhookEndpoint | null> {
  return parseEndpoint(await kvOne<string | null>(kv, ['HGET', notifyKeys.endpoints(kv), id]));
}

async function saveEndpoint(kv: Kv, endpoint: WebhookEndpoint): Promise<void> {
  await kvOne(kv, ['HSET', notifyKeys.endpoints(kv), endpoint.id, JSON.stringify(endpoint)]);
}

export async function createEndpoint({ kv, policy, input, now = Date.now() }: { kv: Kv; policy: UrlPolicy; input: EndpointInput; now?: number }): Promise<WebhookEndpoint> {
  const url = await checkWebhookUrl(input.url, policy);
  const count = await kvOne<number>(kv, ['HLEN', notifyKeys.endpoints(kv)]);
  if (count >= MAX_ENDPOINTS) throw new AppError('conflict:admin', `At most ${MAX_ENDPOINTS} webhook endpoints can be registered; delete one first.`);
  const endpoint: WebhookEndpoint = {
    id: `we_${crypto.randomUUID().replace(/-/g, '')}`,
    url: url.href,
    events: normaliseEvents(input.events),
    description: input.description?.trim() ?? '',
    enabled: input.enabled ?? true,
    secret: generateWebhookSecret(),
    createdAt: now,
    updatedAt: now,
  };
  await saveEndpoint(kv, endpoint);
  return endpoint;
}

/** Writes that lost to another change and were made again on top of it, at most. */
const UPDATE_ATTEMPTS = 5;

/**
 * Changes the fields in `patch` and nothing else. Read, change, then write only if the endpoint is as it was read: a
 * DELETE in between (the URL check awaits DNS) must not bring it back, and a PATCH in between must not be undone (two
 * admins changing two fields keep both: this one is made again on top of the other). `ifMatch` (the If-Match header's
 * ETags, endpointETag) makes it conditional instead: an endpoint at another version is a typed 409, nothing written.
 */
export async function updateEndpoint({
  kv,
  policy,
  id,
  patch,
  ifMatch,
  now = Date.now(),
}: {
  kv: Kv;
  policy: UrlPolicy;
  id: string;
  patch: Partial<EndpointInput> & { rotateSecret?: boolean };
  ifMatch?: readonly string[];
  now?: number;
}): Promise<WebhookEndpoint | null> {
  const key = notifyKeys.endpoints(kv);
  let url: string | undefined;
  for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt += 1) {
    const stored = await kvOne<string | null>(kv, ['HGET', key, id]);
    const current = parseEndpoint(stored);
    if (!current || stored === null) return null;
    if (ifMatch && !ifMatch.includes(endpointETag(current))) {
      throw new AppError('conflict:admin', 'The endpoint was changed after you read it: read it again (its ETag) and send your change on top.', {
        details: { etag: endpointETag(current) },
      });
    }
    if (patch.url !== undefined) url ??= (await checkWebhookUrl(patch.url, policy)).href;
    const next: WebhookEndpoint = {
      ...current,
      ...(url !== undefined ? { url } : {}),
      ...(patch.events !== undefined ? { events: normaliseEvents(patch.events) } : {}),
      ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      ...(patch.rotateSecret ? { secret: generateWebhookSecret() } : {}),
      updatedAt: Math.max(now, current.updatedAt + 1),
    };
    const [written] = await kv.exec([hsetIfUnchanged(key, id, stored, JSON.stringify(next))]);
    if (Number(written) === 1) return next;
    if (Number(written) === 0) return null;
  }
  throw new AppError('conflict:admin', 'The endpoint is being changed by someone else right now; try again.');
}

/** Removes the endpoint and its delivery log; its queued deliveries are dropped when their turn comes. */
export async function deleteEndpoint({ kv, id }: { kv: Kv; id: string }): Promise<boolean> {
  const [removed] = await kv.atomic([
    ['HDEL', notifyKeys.endpoints(kv), id],
    ['DEL', notifyKeys.deliveryLog(kv, id)],
  ]);
  return removed === 1;
}
