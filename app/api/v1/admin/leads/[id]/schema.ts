import { z } from 'zod';
import { LEAD_STATUSES } from '@/lib/admin/records-types';

/** PATCH /api/v1/admin/leads/[id]: a new status with an optional note. */
export const leadStatusSchema = z.object({
  status: z.enum(LEAD_STATUSES),
  note: z.string().trim().max(2_000).default(''),
});
