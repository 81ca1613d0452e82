import { randomUUID } from 'node:crypto';
import { signSession } from '@/lib/security/session';

/** The secret route-handler tests set in SESSION_SECRET, so they can sign their own visitor tokens. */
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef';

/** Headers of a new visitor (a signed session) for route handlers called directly. */
export async function visitorHeaders(secret = TEST_SESSION_SECRET): Promise<{ authorization: string; visitorId: string }> {
  const session = await signSession({ secret, ttlSeconds: 3600 });
  return { authorization: `Bearer ${session.token}`, visitorId: session.visitorId };
}

/** A new visitor session from a running server (POST /api/v1/session): the headers to send with its requests. */
export async function startSession(baseUrl: string, headers: Record<string, string> = {}): Promise<{ authorization: string; visitorId: string; token: string }> {
  const response = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers });
  if (response.status !== 201 && response.status !== 200) throw new Error(`session: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { token: string; visitorId: string };
  return { authorization: `Bearer ${body.token}`, visitorId: body.visitorId, token: body.token };
}

/** A fresh conversation id the server accepts (a random UUID v4). */
export const newConversationId = (): string => randomUUID();

/** Limits that never refuse a turn: for tests about the conversation, not about limits. */
export const NO_TURN_LIMITS = {
  chat: { maxTurnsPerConversation: 1_000_000, maxConversationsPerDay: 1_000_000, maxConversationsPerAddressPerDay: 0 },
  budget: { tokensPerVisitorDaily: 0, tokensPerAddressDaily: 0, spendCapDailyUsd: 0, price: { input: 0, output: 0 } },
};
