import { z } from 'zod';
import { MAX_JOB_DESCRIPTION_CHARS } from './constants';
import {
  MAX_ANSWER_CHARS,
  MAX_QUESTIONS,
  MIN_QUESTIONS,
  idSchema,
  isoDateSchema,
  levelSchema,
  profileScoped,
  questionTypeSchema,
} from './common';
import { handler } from './define';

export const sessionStatuses = ['pending', 'active', 'completed', 'abandoned'] as const;
export const sessionStatusSchema = z.enum(sessionStatuses);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/** Follow-up questions an interview may ask per bank question. */
export const MAX_FOLLOW_UPS = 3;

/** Set when the current question is a follow-up to an answer just given. */
export const followUpInfoSchema = z.object({
  parentQuestionId: idSchema,
  /** 1 for the first follow-up to that question. */
  depth: z.number().int().min(1).max(MAX_FOLLOW_UPS),
  /** The gap that prompted it, e.g. "no-measurable-result". */
  trigger: z.string(),
  /** Who worded it: "bank-rules@1", or "llm:<model>+<prompt>" once the LLM has rephrased it. */
  engine: z.string(),
});
export type FollowUpInfo = z.infer<typeof followUpInfoSchema>;

export const currentQuestionSchema = z.object({
  id: idSchema,
  position: z.number().int(),
  content: z.string(),
  type: questionTypeSchema,
  category: z.string(),
  timeLimitSeconds: z.number().int(),
  /** When the clock for this question started (reset when an interrupted session resumes). */
  startedAt: isoDateSchema,
  /** Typed text saved so far, so a crash or restart loses nothing. */
  draft: z.string(),
  followUp: followUpInfoSchema.nullable().optional(),
  /** Set when the local LLM wrote this question: "llm:<model>+<prompt>". */
  generatedBy: z.string().nullable().optional(),
});
export type CurrentQuestion = z.infer<typeof currentQuestionSchema>;

/** Where filling the questions the bank lacked stands (see the generate-questions job). */
export const generationStatuses = [
  'not-needed',
  'no-model',
  'queued',
  'running',
  'done',
  'failed',
  'cancelled',
] as const;
export const generationStatusSchema = z.enum(generationStatuses);
export type GenerationStatus = z.infer<typeof generationStatusSchema>;

/** How the interview's questions were found: the bank first, the LLM for what it lacked. */
export const interviewPlanSchema = z.object({
  /** Questions asked for. */
  requested: z.number().int(),
  fromBank: z.number().int(),
  generated: z.number().int(),
  generation: generationStatusSchema,
  /** What the candidate should know, e.g. "the bank had 3 questions for this; install a language model to get more". */
  note: z.string().nullable(),
  /** The generate-questions job, while there is one (cancel it with jobs.cancel). */
  jobId: idSchema.nullable(),
  jobDescription: z.string(),
  /** The skills read from the job description. */
  jobSkills: z.array(z.string()),
});
export type InterviewPlan = z.infer<typeof interviewPlanSchema>;

export const sessionStateSchema = z.object({
  id: idSchema,
  status: sessionStatusSchema,
  roleId: idSchema,
  roleTitle: z.string(),
  level: levelSchema,
  totalQuestions: z.number().int(),
  answeredCount: z.number().int(),
  currentQuestion: currentQuestionSchema.nullable(),
  createdAt: isoDateSchema,
  startedAt: isoDateSchema.nullable(),
  completedAt: isoDateSchema.nullable(),
  overallScore: z.number().nullable(),
  plan: interviewPlanSchema,
});
export type SessionState = z.infer<typeof sessionStateSchema>;

const sessionRef = z.object({ ...profileScoped, sessionId: idSchema });
const answerText = z
  .string()
  .max(
    MAX_ANSWER_CHARS,
    `an answer is at most ${MAX_ANSWER_CHARS.toLocaleString('en')} characters; shorten it and submit again`,
  );

export const interviewsContract = {
  'interviews.create': handler(
    z.object({
      ...profileScoped,
      roleId: idSchema,
      level: levelSchema,
      questionCount: z.number().int().min(MIN_QUESTIONS).max(MAX_QUESTIONS).default(5),
      /** Fixes the question order, so tests and the CLI are repeatable. */
      seed: z.number().int().nonnegative().optional(),
      /** Skills to focus on; defaults to the profile's skills. */
      skills: z.array(z.string().max(40)).max(20).optional(),
      /** Practise exactly these questions (e.g. one question again), in this order. */
      questionIds: z.array(idSchema).min(1).max(MAX_QUESTIONS).optional(),
      /**
       * Follow-up questions allowed per question. The interview screen offers 1 by default; the
       * API's default of 0 keeps scripted callers (CLI, tests) at one answer per planned question.
       */
      maxFollowUps: z.number().int().min(0).max(MAX_FOLLOW_UPS).default(0),
      /**
       * A pasted job description: its skills pick bank questions and, with a language model
       * installed, what the generated questions ask about.
       */
      jobDescription: z
        .string()
        .max(
          MAX_JOB_DESCRIPTION_CHARS,
          `a job description is at most ${MAX_JOB_DESCRIPTION_CHARS.toLocaleString('en')} characters; paste the main part`,
        )
        .optional(),
    }),
    sessionStateSchema,
  ),
  'interviews.get': handler(sessionRef, sessionStateSchema),
  /** The newest pending or active session of this profile: offered back after a restart. */
  'interviews.resumable': handler(z.object(profileScoped), sessionStateSchema.nullable()),
  'interviews.start': handler(sessionRef, sessionStateSchema),
  'interviews.saveDraft': handler(
    sessionRef.extend({ questionId: idSchema, text: answerText }),
    z.object({ savedAt: isoDateSchema }),
  ),
  'interviews.answer': handler(
    sessionRef.extend({
      questionId: idSchema,
      text: answerText.refine((t) => t.trim().length > 0, {
        message: 'the answer is empty: type an answer, or choose Skip',
      }),
      /** The spoken answer's recording: its audio/video are linked to the answer. */
      recordingId: idSchema.optional(),
    }),
    z.object({
      answerId: idSchema,
      /** The scoring job (of the answer, or of the follow-up answer); null for a skip. */
      jobId: idSchema.nullable(),
      session: sessionStateSchema,
    }),
  ),
  'interviews.skip': handler(sessionRef.extend({ questionId: idSchema }), sessionStateSchema),
  'interviews.end': handler(sessionRef, sessionStateSchema),
  'interviews.abandon': handler(sessionRef, sessionStateSchema),
} as const;
