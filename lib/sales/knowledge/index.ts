import { demoCompany } from '@/lib/sales/knowledge/demo-company';
import { knowledgeBaseSchema, type KnowledgeBase, type Plan } from '@/lib/sales/knowledge/schema';

export type { Faq, KnowledgeBase, Plan } from '@/lib/sales/knowledge/schema';

export class KnowledgeBaseError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid knowledge base:\n${issues.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'KnowledgeBaseError';
  }
}

/**
 * Validates knowledge-base data. Issues name the entry by its id (`plans[1] "pro".pricePerSeatMonthly: …`) because the
 * person fixing it edits the data file by entry, not by array index.
 */
export function parseKnowledgeBase(input: unknown): KnowledgeBase {
  const parsed = knowledgeBaseSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new KnowledgeBaseError(parsed.error.issues.map((issue) => `${describePath(input, issue.path)}: ${issue.message}`));
}

function describePath(input: unknown, path: readonly PropertyKey[]): string {
  let label = '';
  let node: unknown = input;
  for (const segment of path) {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[segment] : undefined;
    if (typeof segment === 'number') {
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      label += typeof id === 'string' ? `[${segment}] "${id}"` : `[${segment}]`;
    } else {
      label += `${label ? '.' : ''}${String(segment)}`;
    }
  }
  return label || '(root)';
}

let cached: KnowledgeBase | undefined;

/** The deployment's knowledge base, validated once on first use. */
export function getKnowledgeBase(): KnowledgeBase {
  cached ??= parseKnowledgeBase(demoCompany);
  return cached;
}

/** "$29" / "$12.50" in the catalogue's currency; `null` (Enterprise-style) reads "Contact sales". */
export function formatPrice(amount: number | null, currency = 'USD'): string {
  if (amount === null) return 'Contact sales';
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** A plan's price line, e.g. "$29 per seat/month billed monthly, $24 per seat/month billed annually". */
export function describePlanPrice(plan: Plan, currency = 'USD'): string {
  if (plan.pricePerSeatMonthly === null && plan.pricePerSeatMonthlyAnnual === null) return 'Custom pricing — contact sales';
  const parts: string[] = [];
  if (plan.pricePerSeatMonthly !== null) parts.push(`${formatPrice(plan.pricePerSeatMonthly, currency)} per seat/month billed monthly`);
  if (plan.pricePerSeatMonthlyAnnual !== null) {
    parts.push(`${formatPrice(plan.pricePerSeatMonthlyAnnual, currency)} per seat/month billed annually`);
  }
  return parts.join(', ');
}
