import { z } from 'zod';
import { idSchema, profileScoped } from './common';
import { handler } from './define';

/**
 * A generated file handed to the caller as bytes (base64): the browser offers it as a download,
 * the desktop shell saves it where the person chooses, the CLI writes it to --pdf/--out. The
 * services never pick a place on disk for a file the person asked for.
 */
export const generatedFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  bytes: z.number().int(),
});
export type GeneratedFile = z.infer<typeof generatedFileSchema>;

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const reportsContract = {
  'reports.sessionPdf': handler(
    z.object({ ...profileScoped, sessionId: idSchema }),
    generatedFileSchema.extend({ pages: z.number().int() }),
  ),
  'reports.progressPdf': handler(
    z.object({ ...profileScoped, from: daySchema, to: daySchema }),
    generatedFileSchema.extend({ pages: z.number().int() }),
  ),
  /** Everything of one profile (GDPR access/portability): JSON + CSV + recordings, one zip. */
  'data.export': handler(
    z.object(profileScoped),
    generatedFileSchema.extend({
      sessions: z.number().int(),
      answers: z.number().int(),
      recordings: z.number().int(),
    }),
  ),
  'data.deleteSession': handler(
    z.object({ ...profileScoped, sessionId: idSchema }),
    z.object({ sessionId: idSchema, filesRemoved: z.number().int() }),
  ),
  /** `confirmName` must repeat the profile's name: deleting a profile cannot be undone. */
  'data.deleteProfile': handler(
    z.object({ ...profileScoped, confirmName: z.string() }),
    z.object({
      profileId: idSchema,
      sessionsRemoved: z.number().int(),
      filesRemoved: z.number().int(),
    }),
  ),
} as const;
