import { z } from 'zod';
import { idSchema, profileScoped } from './common';
import { handler } from './define';

/** One piece of written feedback and who wrote it (the template, or the LLM phrasing it). */
export const writtenTextSchema = z.object({
  text: z.string(),
  /** The deterministic version from the evaluation, kept when an LLM rephrased it. */
  templateText: z.string(),
  /** "template@1", or "llm:<model>+<prompt>". */
  engine: z.string(),
  /** Why the LLM's text is not shown, when it was tried (no model, timeout, failed a check…). */
  fallbackReason: z.string().nullable(),
});

export const writtenFeedbackSchema = z.object({
  /** none: the interview has not ended; pending: being written; ready: stored. */
  status: z.enum(['none', 'pending', 'ready']),
  summary: writtenTextSchema.extend({ recommendations: z.array(z.string()) }).nullable(),
  answers: z.array(
    writtenTextSchema.extend({
      answerId: idSchema,
      position: z.number().int(),
      /** An LLM's example of a stronger answer, to compare with the candidate's own. */
      improvedAnswer: z.string().nullable(),
    }),
  ),
  followUps: z.array(
    z.object({
      id: idSchema,
      position: z.number().int(),
      depth: z.number().int(),
      trigger: z.string(),
      content: z.string(),
      bankContent: z.string(),
      engine: z.string(),
      fallbackReason: z.string().nullable(),
      status: z.enum(['pending', 'answered', 'skipped', 'dropped']),
      answerText: z.string(),
    }),
  ),
});
export type WrittenFeedback = z.infer<typeof writtenFeedbackSchema>;

export const llmStatusSchema = z.object({
  modelPath: z.string().nullable(),
  modelId: z.string().nullable(),
  state: z.enum(['none', 'unloaded', 'loading', 'ready']),
});
export type LlmStatusInfo = z.infer<typeof llmStatusSchema>;

export const coachContract = {
  'feedback.written': handler(
    z.object({ ...profileScoped, sessionId: idSchema }),
    writtenFeedbackSchema,
  ),
  /** Writes the session's feedback again (e.g. after installing a model, or a timeout). */
  'feedback.rewrite': handler(
    z.object({ ...profileScoped, sessionId: idSchema }),
    z.object({ jobId: idSchema }),
  ),
  'llm.status': handler(z.object({}), llmStatusSchema),
} as const;
