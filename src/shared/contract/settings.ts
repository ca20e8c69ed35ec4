import { z } from 'zod';
import { MAX_QUESTIONS, MIN_QUESTIONS } from './constants';
import { profileScoped } from './common';
import { DEFAULT_FILLER_WORDS } from './recording';
import { handler } from './define';

/** Per-profile preferences; each key has a default so a new profile needs nothing stored. */
export const profileSettingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  defaultQuestionCount: z.number().int().min(MIN_QUESTIONS).max(MAX_QUESTIONS).default(5),
  /** Language spoken in answers (Whisper code such as 'en', 'de'; 'auto' lets Whisper guess). */
  speechLanguage: z
    .string()
    .regex(/^([a-z]{2,3}|auto)$/, 'a language code such as en, de, fr, or auto')
    .default('en'),
  /** Delete recordings (audio/video files) this many days after they were made; 0 keeps them. */
  recordingRetentionDays: z.number().int().min(0).max(3650).default(0),
  fillerWords: z
    .array(z.string().min(1).max(40))
    .max(60)
    .default([...DEFAULT_FILLER_WORDS]),
  /**
   * 'standard': dictionary spelling and common grammar rules, instant; 'thorough': Harper's full
   * grammar check, slower (~10 ms a sentence) and ~600 MB more memory while loaded.
   */
  grammarCheck: z.enum(['standard', 'thorough']).default('standard'),
});
export type ProfileSettings = z.infer<typeof profileSettingsSchema>;

export const settingsContract = {
  'settings.get': handler(z.object(profileScoped), profileSettingsSchema),
  'settings.update': handler(
    z.object({
      ...profileScoped,
      theme: profileSettingsSchema.shape.theme.unwrap().optional(),
      defaultQuestionCount: profileSettingsSchema.shape.defaultQuestionCount.unwrap().optional(),
      speechLanguage: profileSettingsSchema.shape.speechLanguage.unwrap().optional(),
      recordingRetentionDays: profileSettingsSchema.shape.recordingRetentionDays
        .unwrap()
        .optional(),
      fillerWords: profileSettingsSchema.shape.fillerWords.unwrap().optional(),
      grammarCheck: profileSettingsSchema.shape.grammarCheck.unwrap().optional(),
    }),
    profileSettingsSchema,
  ),
} as const;
