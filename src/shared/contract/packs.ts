import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import { handler } from './define';

export const packInfoSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  author: z.string(),
  source: z.enum(['builtin', 'imported', 'custom']),
  questionCount: z.number().int(),
  roleIds: z.array(idSchema),
  installedAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type PackInfo = z.infer<typeof packInfoSchema>;

export const importModeSchema = z.enum(['merge', 'replace']);

export const importReportSchema = z.object({
  packId: z.string(),
  packName: z.string(),
  mode: importModeSchema,
  packExisted: z.boolean(),
  rolesAdded: z.array(z.string()),
  rolesKept: z.array(z.string()),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  conflicts: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** A pack file's text; the services parse and check it (size, depth, schema, duplicates). */
const packText = z.string().max(32 * 1024 * 1024, 'a pack file is at most 32 MB');
const adminPin = { adminPin: z.string().max(64).optional() };

export const packsContract = {
  'packs.list': handler(z.object({}), z.array(packInfoSchema)),
  'packs.preview': handler(
    z.object({ text: packText, mode: importModeSchema.default('merge') }),
    importReportSchema,
  ),
  'packs.import': handler(
    z.object({ ...adminPin, text: packText, mode: importModeSchema.default('merge') }),
    importReportSchema,
  ),
  'packs.export': handler(
    z.object({
      roleIds: z.array(idSchema).max(500).optional(),
      packIds: z.array(idSchema).max(500).optional(),
      questionIds: z.array(idSchema).max(10_000).optional(),
      name: z.string().trim().min(1).max(120).optional(),
    }),
    z.object({ fileName: z.string(), text: z.string(), questionCount: z.number().int() }),
  ),
  'packs.remove': handler(
    z.object({ ...adminPin, packId: idSchema }),
    z.object({ deleted: z.number().int(), retired: z.number().int() }),
  ),
} as const;
