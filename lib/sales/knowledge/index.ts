// A static import, not a file read at run time: the bundler inlines the JSON, so pages, client components and the
// edge-portable routes all get it without `fs`, and a deployment always carries the file it was built and checked with.
import knowledgeBaseData from '@/knowledge/knowledge-base.json';
import { knowledgeBaseSchema, type KnowledgeBase, type Plan } from '@/lib/sales/knowledge/schema';

export type {
  CaseStudy,
  Competitor,
  Faq,
  KnowledgeBase,
  KnowledgeBaseInput,
  MeetingPolicy,
  Objection,
  Plan,
  Policies,
} from '@/lib/sales/knowledge/schema';

/** The raw, unvalidated contents of knowledge/knowledge-base.json (tests break copies of it on purpose). */
export const knowledgeBaseFile: unknown = knowledgeBaseData;

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

/**
 * Validated when this module loads rather than on first call: `next build` loads every route module while collecting
 * page data, so a broken file fails the build instead of the first chat after a deploy.
 */
const knowledgeBase = parseKnowledgeBase(knowledgeBaseData);

/** The deployment's knowledge base (knowledge/knowledge-base.json), validated once. */
export function getKnowledgeBase(): KnowledgeBase {
  return knowledgeBase;
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
