import { z } from 'zod';
import { MAX_QUESTIONS, MIN_QUESTIONS } from './constants';
import { profileScoped } from './common';
import { handler } from './define';

/** Per-profile preferences; each key has a default so a new profile needs nothing stored. */
export const profileSettingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  defaultQuestionCount: z.number().int().min(MIN_QUESTIONS).max(MAX_QUESTIONS).default(5),
});
export type ProfileSettings = z.infer<typeof profileSettingsSchema>;

export const settingsContract = {
  'settings.get': handler(z.object(profileScoped), profileSettingsSchema),
  'settings.update': handler(
    z.object({
      ...profileScoped,
      theme: profileSettingsSchema.shape.theme.unwrap().optional(),
      defaultQuestionCount: profileSettingsSchema.shape.defaultQuestionCount.unwrap().optional(),
    }),
    profileSettingsSchema,
  ),
} as const;
