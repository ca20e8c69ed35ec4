import { z } from 'zod';
import { idSchema } from './common';
import { handler } from './define';

const pinSchema = z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits');

export const adminStatusSchema = z.object({
  hasAdmin: z.boolean(),
  adminProfileIds: z.array(idSchema),
  /** Locked: adding, editing, importing or removing questions needs the administrator's PIN. */
  bankLocked: z.boolean(),
});
export type AdminStatus = z.infer<typeof adminStatusSchema>;

export const adminContract = {
  'admin.status': handler(z.object({}), adminStatusSchema),
  /** Makes a profile the lab administrator; when one exists already, its PIN is needed. */
  'admin.setup': handler(
    z.object({ profileId: idSchema, pin: pinSchema, currentPin: z.string().max(64).optional() }),
    adminStatusSchema,
  ),
  'admin.lockBank': handler(
    z.object({ pin: z.string().max(64), locked: z.boolean() }),
    adminStatusSchema,
  ),
} as const;
