import { z } from 'zod';
import { idSchema } from './common';
import { generationStatusSchema } from './interviews';
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
  /** A model download's bytes, speed and time left (job.progress carries only the counts). */
  'model.download': z.object({
    modelId: z.string(),
    jobId: idSchema,
    bytes: z.number(),
    total: z.number(),
    bytesPerSecond: z.number(),
    etaSeconds: z.number().nullable(),
  }),
  /** Text as the local LLM writes it, chunk by chunk, for a job that shows it live. */
  'llm.token': z.object({ jobId: idSchema, type: z.string(), text: z.string() }),
  /** The LLM reworded a pending follow-up question: the interview shows the new text. */
  'followup.updated': z.object({ sessionId: idSchema, followUpId: idSchema }),
  /** Generated questions were added to an interview's plan, or generating them ended. */
  'interview.plan': z.object({
    sessionId: idSchema,
    generation: generationStatusSchema,
    totalQuestions: z.number().int(),
  }),
  /** Written feedback of a session was stored (template first, then again if the LLM rewrote it). */
  'feedback.written': z.object({ sessionId: idSchema, engine: z.string() }),
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
  /**
   * The background process that runs the services stopped unasked (a crash, a native abort, a
   * kill) and a fresh one took over: calls that were in flight failed and may be tried again;
   * jobs that were running start again. `reason` says how the old one ended.
   */
  'backend.restarted': z.object({ reason: z.string(), restarts: z.number().int() }),
} as const;

export type EventsContract = typeof eventsContract;
export type EventName = keyof EventsContract;
export type EventPayload<E extends EventName> = z.infer<EventsContract[E]>;
