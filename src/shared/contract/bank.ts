import { z } from 'zod';
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
  roleId: idSchema,
  level: levelSchema,
  type: questionTypeSchema,
  category: z.string(),
  content: z.string(),
  idealAnswer: z.string(),
  expectedKeywords: z.array(z.string()),
  timeLimitSeconds: z.number().int(),
});
export type Question = z.infer<typeof questionSchema>;

export const bankContract = {
  'bank.roles': handler(z.object({}), z.array(jobRoleSchema)),
  'bank.questions': handler(
    z.object({ roleId: idSchema, level: levelSchema.optional() }),
    z.array(questionSchema),
  ),
} as const;
