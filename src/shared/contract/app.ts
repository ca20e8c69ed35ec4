import { z } from 'zod';
import { handler } from './define';

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  scorer: z.string(),
  transport: z.enum(['electron', 'web']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appContract = {
  'app.info': handler(z.object({}), appInfoSchema),
} as const;
