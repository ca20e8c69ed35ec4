import { z } from 'zod';
import { idSchema } from './common';
import { jobStatusSchema } from './jobs';

/** Pushes from the services to every window; one typed map, like the handler contract. */
export const eventsContract = {
  'job.progress': z.object({
    jobId: idSchema,
    type: z.string(),
    step: z.string(),
    current: z.number(),
    total: z.number(),
  }),
  'job.finished': z.object({
    jobId: idSchema,
    type: z.string(),
    status: jobStatusSchema,
    error: z.string().nullable(),
  }),
  'answer.scored': z.object({ sessionId: idSchema, answerId: idSchema }),
  /** Live words while the candidate speaks ('partial'), then the final pass ('final'). */
  'recording.transcript': z.object({
    recordingId: idSchema,
    sessionId: idSchema,
    questionId: idSchema,
    kind: z.enum(['partial', 'final']),
    text: z.string(),
    /** Why a final transcript is empty (no model, no speech), when it is. */
    note: z.string().nullable(),
  }),
} as const;

export type EventsContract = typeof eventsContract;
export type EventName = keyof EventsContract;
export type EventPayload<E extends EventName> = z.infer<EventsContract[E]>;
