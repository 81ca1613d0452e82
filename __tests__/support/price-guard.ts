/**
 * The price guard (lib/llm/price-guard/) driven as a stream is: one character per delta and the whole reply in one
 * delta, which must agree. Shared by the guard's unit tests.
 */
import { createPriceGuard, type PriceGuard } from '@/lib/llm/price-guard';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';

export const kb = getKnowledgeBase();
/** What stands in for a replaced amount in these tests. */
export const M = '[?]';

export interface Setup {
  prospect?: string[];
  vouched?: string[];
  tool?: unknown;
  base?: KnowledgeBase;
}

export const guardFor = ({ prospect = [], vouched = [], tool, base = kb }: Setup = {}): PriceGuard => {
  const guard = createPriceGuard({ kb: base, vouched, prospect }, M);
  if (tool !== undefined) guard.allowTool(tool);
  return guard;
};

/** The reply as the prospect gets it, streamed one character per delta, and the same in one delta (they must agree). */
export function guarded(reply: string, setup: Setup = {}): { text: string; replaced: readonly string[]; outputs: string[] } {
  const byChar = guardFor(setup);
  const outputs = [...reply].map((char) => byChar.push(char));
  outputs.push(byChar.flush());
  const whole = guardFor(setup);
  const once = whole.push(reply) + whole.flush();
  expect(outputs.join('')).toBe(once);
  expect(byChar.replaced).toEqual(whole.replaced);
  return { text: once, replaced: whole.replaced, outputs };
}
