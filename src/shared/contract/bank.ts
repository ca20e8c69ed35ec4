import { z } from 'zod';
import { followUpTriggers, packQuestionSchema } from '../packs/pack-schema';
import { idSchema, levelSchema, questionTypeSchema } from './common';
import { handler } from './define';

export const jobRoleSchema = z.object({
  id: idSchema,
  title: z.string(),
  category: z.string(),
  description: z.string(),
  skillTags: z.array(z.string()),
  questionCount: z.number().int(),
});
export type JobRole = z.infer<typeof jobRoleSchema>;

export const questionSchema = z.object({
  id: idSchema,
  packId: idSchema,
  /**
   * Only custom questions (made on this computer) can be edited or deleted one by one; generated
   * ones were written by the local LLM for an interview and stay out of the bank listing.
   */
  source: z.enum(['builtin', 'imported', 'custom', 'generated']),
  /** The engine that wrote a generated question ("llm:<model>+question.v1"), else null. */
  generatedBy: z.string().nullable().optional(),
  roleId: idSchema,
  level: levelSchema,
  type: questionTypeSchema,
  /** 1 (warm-up) to 5 (hardest at its level). */
  difficulty: z.number().int(),
  category: z.string(),
  skills: z.array(z.string()),
  content: z.string(),
  idealAnswer: z.string(),
  expectedKeywords: z.array(z.string()),
  keywords: z.array(z.object({ term: z.string(), synonyms: z.array(z.string()) })),
  rubric: z.object({ strong: z.string(), adequate: z.string(), weak: z.string() }),
  followUps: z.array(z.object({ question: z.string(), when: z.enum(followUpTriggers) })),
  timeLimitSeconds: z.number().int(),
});
export type Question = z.infer<typeof questionSchema>;

/** When the bank is locked on a lab machine, changes need the administrator's PIN. */
const adminPin = { adminPin: z.string().max(64).optional() };

export const bankContract = {
  'bank.roles': handler(z.object({}), z.array(jobRoleSchema)),
  'bank.questions': handler(
    z.object({ roleId: idSchema, level: levelSchema.optional() }),
    z.array(questionSchema),
  ),
  'bank.question': handler(z.object({ questionId: idSchema }), questionSchema),
  /** Questions closest in meaning (embedding index) or, with no model, in wording. */
  'bank.similar': handler(
    z.object({ questionId: idSchema, limit: z.number().int().min(1).max(20).default(5) }),
    z.object({
      engine: z.string(),
      items: z.array(z.object({ question: questionSchema, similarity: z.number() })),
    }),
  ),
  /** Full-text search over question, ideal answer and tags, with filters. */
  'bank.search': handler(
    z.object({
      query: z.string().max(200, 'a search is at most 200 characters').default(''),
      roleId: idSchema.optional(),
      level: levelSchema.optional(),
      type: questionTypeSchema.optional(),
      packId: idSchema.optional(),
      limit: z.number().int().min(1).max(100).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({ items: z.array(questionSchema), total: z.number().int() }),
  ),
  /** Adds (no id) or edits a custom question. */
  /** This person's latest answers to questions close to this one ("compare with before"). */
  'bank.answeredSimilar': handler(
    z.object({
      profileId: idSchema,
      questionId: idSchema,
      /** Answers in this session are not "before". */
      excludeSessionId: idSchema.optional(),
      limit: z.number().int().min(1).max(10).default(2),
    }),
    z.object({
      engine: z.string(),
      items: z.array(
        z.object({
          questionId: idSchema,
          question: z.string(),
          similarity: z.number(),
          sessionId: idSchema,
          answeredAt: z.string(),
          overall: z.number().nullable(),
        }),
      ),
    }),
  ),
  'bank.saveQuestion': handler(
    z.object({
      ...adminPin,
      question: packQuestionSchema.extend({ id: packQuestionSchema.shape.id.optional() }),
    }),
    questionSchema,
  ),
  'bank.deleteQuestion': handler(
    z.object({ ...adminPin, questionId: idSchema }),
    z.object({ deleted: z.boolean(), retired: z.boolean() }),
  ),
} as const;
