import { z } from 'zod';
import { idSchema, isoDateSchema, levelSchema } from './common';
import { handler } from './define';

const nameSchema = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(80, 'a name is at most 80 characters');
const skillsSchema = z
  .array(z.string().trim().min(1).max(40, 'a skill is at most 40 characters'))
  .max(20, 'at most 20 skills');

export const profileSchema = z.object({
  id: idSchema,
  name: z.string(),
  targetRoleId: idSchema.nullable(),
  skills: z.array(z.string()),
  level: levelSchema,
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type Profile = z.infer<typeof profileSchema>;

export const profilesContract = {
  'profiles.list': handler(z.object({}), z.array(profileSchema)),
  'profiles.get': handler(z.object({ profileId: idSchema }), profileSchema),
  'profiles.create': handler(
    z.object({
      name: nameSchema,
      targetRoleId: idSchema.nullable().default(null),
      skills: skillsSchema.default([]),
      level: levelSchema.default('entry'),
    }),
    profileSchema,
  ),
  'profiles.update': handler(
    z.object({
      profileId: idSchema,
      name: nameSchema.optional(),
      targetRoleId: idSchema.nullable().optional(),
      skills: skillsSchema.optional(),
      level: levelSchema.optional(),
    }),
    profileSchema,
  ),
} as const;
