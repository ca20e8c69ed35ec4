import { z } from 'zod';
import { handler } from './define';

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  scorer: z.string(),
  /**
   * Scoring engines that failed to load, with why ("embedding model: …"): answers are then scored
   * without them, and the person is told. Known once the engines have loaded (at the first scoring).
   */
  engineProblems: z.array(z.string()),
  transport: z.enum(['electron', 'web']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appContract = {
  'app.info': handler(z.object({}), appInfoSchema),
} as const;
