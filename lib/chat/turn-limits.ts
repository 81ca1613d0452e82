import 'server-only';
import type { SecurityConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import type { UsageToday } from '@/lib/store/types';

/** YYYY-MM-DD in UTC: the day budgets and caps are counted in. */
export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Seconds until the next UTC midnight, when the daily budgets start again. */
export function secondsUntilUtcMidnight(now: number): number {
  const next = new Date(now);
  next.setUTCHours(24, 0, 0, 0);
  return Math.max(1, Math.ceil((next.getTime() - now) / 1000));
}

export type TurnLimits = Pick<SecurityConfig, 'chat' | 'budget'>;

/**
 * The caps a turn must pass before anything is spent: turns in this conversation, conversations started today and
 * tokens used today, per visitor and per address (all the address's visitors: sessions are free, so a cap per visitor
 * alone let one address go on all day with new ones). Throws a typed 429. Returns whether the app's daily LLM spend cap is reached (then the
 * offline agent answers instead of failing).
 */
export function checkTurnLimits(args: {
  limits: TurnLimits;
  usage: UsageToday;
  userTurns: number;
  newConversation: boolean;
  now: number;
}): { spendCapReached: boolean } {
  const { limits, usage, now } = args;
  const untilTomorrow = secondsUntilUtcMidnight(now);
  const daily = (code: 'rate_limited:chat' | 'rate_limited:budget', message: string, reason: string) =>
    new AppError(code, message, { headers: { 'retry-after': String(untilTomorrow) }, details: { reason, retryAfterSeconds: untilTomorrow } });

  if (args.userTurns >= limits.chat.maxTurnsPerConversation) {
    throw new AppError('rate_limited:chat', 'This conversation has reached its length limit. Start a new conversation to continue.', {
      details: { reason: 'turns_per_conversation', limit: limits.chat.maxTurnsPerConversation },
    });
  }
  if (args.newConversation && usage.visitorConversations >= limits.chat.maxConversationsPerDay) {
    throw daily('rate_limited:chat', 'You have started the most conversations allowed today. You can continue tomorrow (UTC).', 'conversations_per_day');
  }
  if (limits.budget.tokensPerVisitorDaily > 0 && usage.visitorTokens >= limits.budget.tokensPerVisitorDaily) {
    throw daily('rate_limited:budget', "You have used today's chat allowance. You can continue tomorrow (UTC).", 'token_budget');
  }
  const address = usage.address;
  if (address && args.newConversation && limits.chat.maxConversationsPerAddressPerDay > 0 && address.conversations >= limits.chat.maxConversationsPerAddressPerDay) {
    throw daily('rate_limited:chat', 'Your network has started the most conversations allowed today. You can continue tomorrow (UTC).', 'address_conversations_per_day');
  }
  if (address && limits.budget.tokensPerAddressDaily > 0 && address.tokens >= limits.budget.tokensPerAddressDaily) {
    throw daily('rate_limited:budget', "Your network has used today's chat allowance. You can continue tomorrow (UTC).", 'address_token_budget');
  }
  return { spendCapReached: isSpendCapReached(limits, usage.spendMicroUsd) };
}

/** Whether the day's spend so far (micro-USD) has reached the app's daily LLM spend cap (0: no cap). */
export function isSpendCapReached(limits: TurnLimits, spentMicroUsd: number): boolean {
  const capMicroUsd = limits.budget.spendCapDailyUsd * 1_000_000;
  return capMicroUsd > 0 && spentMicroUsd >= capMicroUsd;
}

/** Micro-USD for a model call at the configured price (USD per million tokens): tokens × price. */
export function spendMicroUsd(usage: { inputTokens: number; outputTokens: number }, price: { input: number; output: number }): number {
  return usage.inputTokens * price.input + usage.outputTokens * price.output;
}
