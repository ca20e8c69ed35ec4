import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import { handler } from './define';

export const jobStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const jobStatusSchema = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobInfoSchema = z.object({
  id: idSchema,
  type: z.string(),
  status: jobStatusSchema,
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type JobInfo = z.infer<typeof jobInfoSchema>;

export const jobsContract = {
  'jobs.get': handler(z.object({ jobId: idSchema }), jobInfoSchema),
  'jobs.cancel': handler(z.object({ jobId: idSchema }), jobInfoSchema),
} as const;
