import type { SalesState } from '@/lib/sales/state';

/**
 * What changed between two states, path by path (lead fields one by one, the rest by top-level key): the debug view's
 * state diff. Pure.
 */
export function diffSalesState(before: SalesState, after: SalesState): { path: string; before: unknown; after: unknown }[] {
  const changes: { path: string; before: unknown; after: unknown }[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const fields = new Set([...Object.keys(before.lead.fields), ...Object.keys(after.lead.fields)]) as Set<keyof SalesState['lead']['fields']>;
  for (const field of fields) {
    const a = before.lead.fields[field]?.value;
    const b = after.lead.fields[field]?.value;
    if (!same(a, b)) changes.push({ path: `lead.fields.${field}`, before: a, after: b });
  }
  if (before.lead.score !== after.lead.score) changes.push({ path: 'lead.score', before: before.lead.score, after: after.lead.score });
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof SalesState>;
  for (const key of keys) {
    if (key === 'lead') continue;
    if (!same(before[key], after[key])) changes.push({ path: key, before: before[key], after: after[key] });
  }
  return changes;
}
