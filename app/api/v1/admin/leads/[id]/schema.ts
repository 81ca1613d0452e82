import { z } from 'zod';
import { LEAD_STATUSES } from '@/lib/admin/records-types';

/** PATCH /api/v1/admin/leads/[id]: a new status with an optional note; any other field is refused (nothing else can be changed here). */
export const leadStatusSchema = z.strictObject({
  status: z.enum(LEAD_STATUSES),
  note: z.string().trim().max(2_000).default(''),
});
