import { z } from 'zod';
import { idSchema, isoDateSchema, levelSchema, profileScoped, questionTypeSchema } from './common';
import { handler } from './define';
import { sessionStatusSchema, type SessionStatus } from './interviews';
import { deliveryAnalyticsSchema } from './recording';

export const scoresSchema = z.object({
  content: z.number(),
  communication: z.number(),
  technical: z.number(),
  relevance: z.number(),
  overall: z.number(),
});
export type Scores = z.infer<typeof scoresSchema>;

/** A follow-up question asked after an answer, its answer and that answer's evaluation. */
export const followUpResultSchema = z.object({
  id: idSchema,
  depth: z.number().int(),
  question: z.string(),
  /** The gap that prompted it, e.g. "no-measurable-result", "unexplained-term". */
  trigger: z.string(),
  status: z.enum(['pending', 'answered', 'skipped', 'dropped']),
  answerText: z.string(),
  /** none: nothing to score (skipped or dropped). */
  evaluationStatus: z.enum(['scored', 'pending', 'failed', 'none']),
  evaluation: z
    .object({
      /** The follow-up answer alone, against the question's ideal answer. */
      scores: scoresSchema,
      /** Content of the answer and its follow-up answers up to this one, read together. */
      combinedContent: z.number(),
      /** Key points (or parts of a strong answer) the answer and follow-up answers give together. */
      combinedKeyPoints: z.array(z.string()),
      /** Whether the reply supplied what the follow-up asked for, and in plain words. */
      gapClosed: z.boolean(),
      gapNote: z.string(),
      engine: z.string(),
    })
    .nullable(),
});
export type FollowUpResult = z.infer<typeof followUpResultSchema>;

export const answerResultSchema = z.object({
  position: z.number().int(),
  questionId: idSchema,
  question: z.string(),
  type: questionTypeSchema,
  idealAnswer: z.string(),
  /** The engine that wrote a generated question ("llm:<model>+question.v1"); null for the bank's. */
  generatedBy: z.string().nullable().optional(),
  /** unanswered: the session ended before this question was reached. */
  status: z.enum(['scored', 'pending', 'failed', 'skipped', 'unanswered']),
  answerId: idSchema.nullable(),
  answerText: z.string(),
  durationSeconds: z.number().nullable(),
  overTimeSeconds: z.number(),
  scores: scoresSchema.nullable(),
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  feedbackText: z.string(),
  keywordsFound: z.array(z.string()),
  keywordsMissing: z.array(z.string()),
  /**
   * Behavioural, situational and motivation questions are judged by the parts of a strong answer
   * (their key points above are those parts): each found part with the answer's own words, and
   * how to add each missing one. Null for fact questions.
   */
  answerParts: z
    .object({
      found: z.array(
        z.object({ id: z.string(), label: z.string(), evidence: z.string(), strength: z.number() }),
      ),
      missing: z.array(z.object({ id: z.string(), label: z.string(), advice: z.string() })),
    })
    .nullable(),
  /** Which engines produced the scores, e.g. "lexical@3+harper.js@2.10.0". */
  engine: z.string().nullable(),
  /** What the evaluation measured beyond the scores; empty/null where an engine was not used. */
  analysis: z.object({
    semanticSimilarity: z.number().nullable(),
    /** Share of the ideal answer matched in meaning, word by word (0–1), above chance. */
    semanticCoverage: z.number().nullable(),
    sentiment: z.number().nullable(),
    grammarIssues: z.array(
      z.object({
        start: z.number().int(),
        end: z.number().int(),
        kind: z.string(),
        message: z.string(),
        suggestions: z.array(z.string()),
      }),
    ),
    fillers: z.record(z.string(), z.number()),
    hedges: z.array(z.string()),
    specificity: z.number().nullable(),
    vocabularyRichness: z.number().nullable(),
    starParts: z.array(z.string()),
    flags: z.array(z.string()),
    /** Answer words counted as an ideal-answer word they are a synonym of (WordNet). */
    synonymsMatched: z.array(z.object({ word: z.string(), idealWord: z.string() })),
  }),
  /** Delivery analytics when the answer was spoken (recorded); null for typed answers. */
  delivery: deliveryAnalyticsSchema.nullable(),
  followUps: z.array(followUpResultSchema),
  /**
   * The answer's own content score when its follow-ups raised the question's (scores.content is
   * then the better combined one); null when they did not.
   */
  contentBeforeFollowUps: z.number().nullable(),
  /** The answer's own overall score when its follow-ups raised it (scores.overall is then the
   * raised one): shown once, as "58 → 71 after your follow-up". */
  overallBeforeFollowUps: z.number().nullable(),
});
export type AnswerResult = z.infer<typeof answerResultSchema>;

export const sessionResultsSchema = z.object({
  sessionId: idSchema,
  status: sessionStatusSchema,
  roleId: idSchema,
  roleTitle: z.string(),
  level: levelSchema,
  createdAt: isoDateSchema,
  completedAt: isoDateSchema.nullable(),
  /** Averages over scored answers; skipped questions count as 0 in overall. Null until one is scored. */
  scores: scoresSchema.nullable(),
  /** Answers and follow-up answers still being scored. */
  pendingCount: z.number().int(),
  answers: z.array(answerResultSchema),
  recommendations: z.array(z.string()),
  /** The job description pasted when the interview was set up, and the skills read from it. */
  jobDescription: z.string().optional(),
  jobSkills: z.array(z.string()).optional(),
});
export type SessionResults = z.infer<typeof sessionResultsSchema>;

export const historyItemSchema = z.object({
  sessionId: idSchema,
  status: sessionStatusSchema,
  roleId: idSchema,
  roleTitle: z.string(),
  level: levelSchema,
  totalQuestions: z.number().int(),
  answeredCount: z.number().int(),
  overallScore: z.number().nullable(),
  createdAt: isoDateSchema,
  completedAt: isoDateSchema.nullable(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

/** History filters: each optional; dates are days (YYYY-MM-DD), both ends included. */
export const historyFilterShape = {
  roleId: idSchema.optional(),
  status: sessionStatusSchema.optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  minScore: z.number().min(0).max(100).optional(),
  maxScore: z.number().min(0).max(100).optional(),
};
export type HistoryFilter = {
  roleId?: string | undefined;
  status?: SessionStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  minScore?: number | undefined;
  maxScore?: number | undefined;
};

export const resultsContract = {
  'results.session': handler(
    z.object({ ...profileScoped, sessionId: idSchema }),
    sessionResultsSchema,
  ),
  'results.history': handler(
    z.object({
      ...profileScoped,
      limit: z.number().int().min(1).max(100).default(20),
      offset: z.number().int().min(0).default(0),
      ...historyFilterShape,
    }),
    z.object({ items: z.array(historyItemSchema), total: z.number().int() }),
  ),
} as const;
