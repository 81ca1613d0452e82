// Webhook endpoints for the route tests: written straight into the store, and a store that lets a change land mid-PATCH.
import { randomUUID } from 'node:crypto';
import { notifyKeys } from '@/lib/notify/keys';
import { kvOne, type Kv, type KvCommand } from '@/lib/store/kv';
import type { WebhookEndpoint } from '@/lib/webhooks/endpoints';

/** An endpoint written straight into the store (no URL check, no DNS), at version `updatedAt` 1 unless told. */
export async function seedEndpoint(kv: Kv, fields: Partial<Omit<WebhookEndpoint, 'id' | 'secret'>> = {}): Promise<WebhookEndpoint> {
  const endpoint: WebhookEndpoint = {
    id: `we_${randomUUID().replace(/-/g, '')}`,
    url: 'https://hooks.example.com/crm',
    events: ['lead.captured'],
    description: 'CRM',
    enabled: true,
    secret: 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0',
    createdAt: 1,
    updatedAt: 1,
    ...fields,
  };
  await kvOne(kv, ['HSET', notifyKeys.endpoints(kv), endpoint.id, JSON.stringify(endpoint)]);
  return endpoint;
}

export const isEndpointRead = (kv: Kv, commands: readonly KvCommand[]) => commands.some((command) => command[0] === 'HGET' && command[1] === notifyKeys.endpoints(kv));

/** `kv`, but the first time an endpoint is read, `meanwhile` runs before the read answers: another change between read and write. */
export function interleaved(kv: Kv, meanwhile: () => Promise<unknown>): Kv {
  let fired = false;
  return {
    ...kv,
    prefix: kv.prefix,
    kind: kv.kind,
    exec: async (commands) => {
      const replies = await kv.exec(commands);
      if (!fired && isEndpointRead(kv, commands)) {
        fired = true;
        await meanwhile();
      }
      return replies;
    },
  };
}
