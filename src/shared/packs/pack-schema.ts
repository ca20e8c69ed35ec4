// The question-pack format (version 1): how career centres write their own questions, and how
// the built-in bank itself is stored. Documented in docs/question-packs.md; a JSON Schema
// generated from this file ships as resources/question-pack.schema.json.
import { z } from 'zod';
import { levels, questionTypes } from '../contract/constants';

export const PACK_FORMAT = 'rehearse-question-pack';
export const PACK_FORMAT_VERSION = 1;

/** The same five types as the rest of the app; motivation questions open and close an interview. */
export const packQuestionTypes = questionTypes;

/**
 * When a follow-up is asked. The rule engine evaluates these from the scorer's signals, so they
 * work with no model installed; an LLM (later) may phrase the follow-up for the answer.
 */
export const followUpTriggers = [
  'always',
  'no-measurable-result',
  'missing-key-points',
  'too-short',
  'no-specific-example',
  'vague-actions',
  // The answer uses a term (acronym, product name) it never explains; "{term}" in the question
  // is replaced by it.
  'unexplained-term',
  // The answer says something that contradicts the ideal answer (technical and role-specific
  // questions); "{claim}" in the question is replaced by what the candidate said.
  'wrong-claim',
] as const;

// Text limits keep a hostile pack from filling the database or the screen.
const LIMITS = {
  id: 80,
  title: 120,
  shortText: 600,
  question: 1_000,
  idealAnswer: 5_000,
  rubric: 1_500,
  keywords: 30,
  synonyms: 12,
  tags: 20,
  roles: 500,
  questions: 10_000,
} as const;

/** Markup has no place in pack text: it is shown as plain text, and refused so nobody is surprised. */
const MARKUP = /<\s*\/?\s*[a-z!?]|javascript:|\bon[a-z]+\s*=/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(max: number, what = 'text') {
  return z
    .string()
    .trim()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`)
    .refine(
      (s) => !MARKUP.test(s),
      `${what} contains HTML or script markup, which packs may not contain`,
    )
    .refine((s) => !CONTROL.test(s), `${what} contains control characters`);
}

export const packIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,79}$/,
    'an id uses lowercase letters, digits, ".", "_" and "-" (at most 80 characters)',
  );

export const packKeywordSchema = z.object({
  term: text(60, 'a keyword'),
  synonyms: z.array(text(60, 'a synonym')).max(LIMITS.synonyms).default([]),
});

export const packFollowUpSchema = z.object({
  question: text(LIMITS.question, 'a follow-up question'),
  when: z.enum(followUpTriggers),
});

export const packQuestionSchema = z.object({
  id: packIdSchema,
  roleId: packIdSchema,
  level: z.enum(levels),
  type: z.enum(packQuestionTypes),
  /** 1 (warm-up) to 5 (hardest at this level). */
  difficulty: z.number().int().min(1).max(5),
  skills: z.array(text(40, 'a skill tag')).min(1).max(LIMITS.tags),
  content: text(LIMITS.question, 'the question'),
  idealAnswer: text(LIMITS.idealAnswer, 'the ideal answer'),
  keywords: z.array(packKeywordSchema).min(1, 'at least one keyword').max(LIMITS.keywords),
  rubric: z.object({
    strong: text(LIMITS.rubric, 'rubric.strong'),
    adequate: text(LIMITS.rubric, 'rubric.adequate'),
    weak: text(LIMITS.rubric, 'rubric.weak'),
  }),
  followUps: z.array(packFollowUpSchema).min(1).max(3),
  timeLimitSeconds: z.number().int().min(15).max(1_800),
});
export type PackQuestion = z.infer<typeof packQuestionSchema>;

export const packRoleSchema = z.object({
  id: packIdSchema,
  title: text(LIMITS.title, 'the role title'),
  category: text(60, 'the role category'),
  description: text(LIMITS.shortText, 'the role description'),
  skillTags: z.array(text(40, 'a skill tag')).max(LIMITS.tags).default([]),
});
export type PackRole = z.infer<typeof packRoleSchema>;

export const questionPackSchema = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_FORMAT_VERSION, {
    error: `this Rehearse reads pack format version ${PACK_FORMAT_VERSION}`,
  }),
  pack: z.object({
    id: packIdSchema,
    name: text(LIMITS.title, 'the pack name'),
    description: text(LIMITS.shortText, 'the pack description').optional(),
    author: text(LIMITS.title, 'the author').optional(),
    license: text(LIMITS.title, 'the license').optional(),
  }),
  roles: z.array(packRoleSchema).max(LIMITS.roles).default([]),
  questions: z.array(packQuestionSchema).max(LIMITS.questions),
});
export type QuestionPack = z.infer<typeof questionPackSchema>;
