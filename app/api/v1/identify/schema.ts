import { z } from 'zod';
import { isPlainLabel } from '@/lib/security/plain-text';

/** `SalesAgent.identify({ email, name, hash })` as the embed relays it. */
export const identifyRequestSchema = z.object({
  // Not trimmed: the hash is over the e-mail exactly as the host sent it.
  email: z.email().max(254),
  // One plain line: the name goes into the lead, e-mail subjects and the admin's exports, where a line break would start
  // a header or a row of the attacker's choosing, a direction override ("\u202Enimda" shown as "admin") would make it
  // read as another name, and half a surrogate pair would break the subject and the CSV it reaches.
  name: z.string().trim().min(1).max(120).refine(isPlainLabel, 'A name is one line of text, without control characters or direction overrides.').optional(),
  /** hex HMAC-SHA-256(EMBED_IDENTITY_SECRET, email), computed by the host's server. */
  hash: z.string().regex(/^[0-9a-fA-F]{64}$/, '64 hex digits: HMAC-SHA-256 of the e-mail'),
});

export type IdentifyRequest = z.infer<typeof identifyRequestSchema>;
