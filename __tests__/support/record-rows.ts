// A row of the admin's conversations/leads lists (lib/admin/records-types.ts), for the list component tests.
import type { RecordRow } from '@/lib/admin/records-types';

export const ROW_AT = Date.UTC(2026, 10, 2, 9, 30);

/** Row `n`: a conversation id ending in `n`, last active `n` minutes before ROW_AT, no lead; `extra` overrides. */
export const recordRow = (n: number, extra: Partial<RecordRow> = {}): RecordRow => ({
  id: `3f1c2a9e-8b7d-4c6e-9a5f-${String(n).padStart(12, '0')}`,
  createdAt: ROW_AT - n * 60_000,
  updatedAt: ROW_AT - n * 60_000,
  messageCount: 4,
  title: `Question ${n}`,
  stage: 'discovery',
  score: 0,
  hasLead: false,
  status: 'new',
  bookings: 0,
  handoff: false,
  ...extra,
});
