import { z } from 'zod';
import { idSchema, isoDateSchema, profileScoped } from './common';
import { handler } from './define';
import { scoresSchema } from './results';

/** "2026-03-01" or a full ISO timestamp; a bare day means that whole day. */
const dayOrTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'a date is YYYY-MM-DD or an ISO timestamp');

export const areaSchema = z.object({
  kind: z.enum(['dimension', 'skill']),
  name: z.string(),
  score: z.number(),
  answers: z.number().int(),
});
export type Area = z.infer<typeof areaSchema>;

/** The seed's GET /api/users/me/stats, over completed and fully scored sessions. */
export const userStatsSchema = z.object({
  sessions: z.number().int(),
  questionsAnswered: z.number().int(),
  questionsShown: z.number().int(),
  averages: scoresSchema.nullable(),
  bestOverall: z.number().nullable(),
  lastPractisedAt: isoDateSchema.nullable(),
  /** Days in a row (this computer's calendar), ending today or yesterday, with a session. */
  streakDays: z.number().int(),
  longestStreakDays: z.number().int(),
  sessionsLast7Days: z.number().int(),
  strongest: areaSchema.nullable(),
  weakest: areaSchema.nullable(),
  skills: z.array(areaSchema),
});
export type UserStats = z.infer<typeof userStatsSchema>;

export const progressPointSchema = z.object({
  /** The period's first day (YYYY-MM-DD). */
  period: z.string(),
  sessions: z.number().int(),
  overall: z.number(),
  content: z.number(),
  communication: z.number(),
  technical: z.number(),
  relevance: z.number(),
  /** Fillers per 100 words; null when no words were scored in the period. */
  fillerRate: z.number().nullable(),
  /** Words per minute over recorded answers only; null without any. */
  paceWpm: z.number().nullable(),
});
export type ProgressPoint = z.infer<typeof progressPointSchema>;

export const progressChartSchema = z.object({
  bucket: z.enum(['day', 'week', 'month']),
  from: z.string(),
  to: z.string(),
  points: z.array(progressPointSchema),
  skills: z.array(
    z.object({
      skill: z.string(),
      answers: z.number().int(),
      points: z.array(z.object({ period: z.string(), score: z.number() })),
    }),
  ),
  hasSpokenAnswers: z.boolean(),
});
export type ProgressChart = z.infer<typeof progressChartSchema>;

export const attemptSchema = z.object({
  sessionId: idSchema,
  answerId: idSchema,
  answeredAt: isoDateSchema,
  status: z.enum(['answered', 'skipped']),
  answerText: z.string(),
  scores: scoresSchema.nullable(),
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
});
export type Attempt = z.infer<typeof attemptSchema>;

export const progressContract = {
  'progress.stats': handler(z.object(profileScoped), userStatsSchema),
  'progress.chart': handler(
    z.object({
      ...profileScoped,
      from: dayOrTimeSchema.optional(),
      to: dayOrTimeSchema.optional(),
      bucket: z.enum(['day', 'week', 'month']).optional(),
    }),
    progressChartSchema,
  ),
  'progress.repeatedQuestions': handler(
    z.object({ ...profileScoped, limit: z.number().int().min(1).max(50).default(10) }),
    z.array(
      z.object({
        questionId: idSchema,
        question: z.string(),
        attempts: z.number().int(),
        firstScore: z.number().nullable(),
        lastScore: z.number().nullable(),
        lastAnsweredAt: isoDateSchema,
      }),
    ),
  ),
  'progress.attempts': handler(
    z.object({ ...profileScoped, questionId: idSchema }),
    z.object({
      questionId: idSchema,
      question: z.string(),
      idealAnswer: z.string(),
      attempts: z.array(attemptSchema),
    }),
  ),
} as const;
