import { z } from 'zod';
import { LEAD_STATUSES } from '@/lib/admin/records-types';
import { messageTextProblem } from '@/lib/security/plain-text';

/** PATCH /api/v1/admin/leads/[id]: a new status with an optional note; any other field is refused (nothing else can be changed here). */
export const leadStatusSchema = z.strictObject({
  status: z.enum(LEAD_STATUSES),
  // Stored in the lead's history, shown to every admin and exported: typed text only (line breaks and tabs, no other control characters).
  note: z.string().trim().max(2_000).refine((note) => note === '' || messageTextProblem(note) === null, 'plain text, without control characters').default(''),
});
