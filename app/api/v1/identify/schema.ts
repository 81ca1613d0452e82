import { z } from 'zod';

/** `SalesAgent.identify({ email, name, hash })` as the embed relays it. */
export const identifyRequestSchema = z.object({
  // Not trimmed: the hash is over the e-mail exactly as the host sent it.
  email: z.email().max(254),
  // No control characters: the name goes into the lead, e-mail subjects and the admin's exports, where a line break
  // would start a header or a row of the attacker's choosing.
  name: z.string().trim().min(1).max(120).regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'A name is one line of text without control characters.').optional(),
  /** hex HMAC-SHA-256(EMBED_IDENTITY_SECRET, email), computed by the host's server. */
  hash: z.string().regex(/^[0-9a-fA-F]{64}$/, '64 hex digits: HMAC-SHA-256 of the e-mail'),
});

export type IdentifyRequest = z.infer<typeof identifyRequestSchema>;
