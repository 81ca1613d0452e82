import { z } from 'zod';

/** `SalesAgent.identify({ email, name, hash })` as the embed relays it. */
export const identifyRequestSchema = z.object({
  // Not trimmed: the hash is over the e-mail exactly as the host sent it.
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120).optional(),
  /** hex HMAC-SHA-256(EMBED_IDENTITY_SECRET, email), computed by the host's server. */
  hash: z.string().regex(/^[0-9a-fA-F]{64}$/, '64 hex digits: HMAC-SHA-256 of the e-mail'),
});

export type IdentifyRequest = z.infer<typeof identifyRequestSchema>;
