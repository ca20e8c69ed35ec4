import { profileSettingsSchema, type ProfileSettings } from '../../../shared/contract';
import { notFound } from '../../platform/errors';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../storage/schema';
import { inTransaction } from '../../storage/transaction';
import type { ServiceContext } from '../service-context';

/**
 * Settings are stored one key per row (scope = profile id) so a later version can add keys
 * without a migration; stored values are validated on read and bad ones fall back to defaults.
 */
export class SettingsService {
  constructor(private readonly ctx: Pick<ServiceContext, 'db' | 'clock'>) {}

  async get(profileId: string): Promise<ProfileSettings> {
    await this.assertProfile(profileId);
    const rows = await this.ctx.db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('scope', '=', profileId)
      .execute();
    const stored: Record<string, unknown> = {};
    for (const row of rows) {
      try {
        stored[row.key] = JSON.parse(row.value);
      } catch {
        // A damaged value reads as its default.
      }
    }
    const defaults = profileSettingsSchema.parse({});
    const result: Record<string, unknown> = { ...defaults };
    for (const key of Object.keys(defaults) as (keyof ProfileSettings)[]) {
      const parsed = profileSettingsSchema.shape[key].safeParse(stored[key]);
      if (parsed.success) result[key] = parsed.data;
    }
    return profileSettingsSchema.parse(result);
  }

  async update(profileId: string, changes: Partial<ProfileSettings>): Promise<ProfileSettings> {
    await this.assertProfile(profileId);
    const now = this.ctx.clock.now().toISOString();
    await inTransaction(this.ctx.db, async (trx) => {
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        await writeSetting(trx, { scope: profileId, key, value: JSON.stringify(value), now });
      }
    });
    return this.get(profileId);
  }

  private async assertProfile(profileId: string): Promise<void> {
    const row = await this.ctx.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', profileId)
      .executeTakeFirst();
    if (!row) throw notFound('Profile', profileId);
  }
}

/** Inserts or replaces one settings row (scope '' is the whole installation). */
export async function writeSetting(
  db: Kysely<DatabaseSchema>,
  row: { scope: string; key: string; value: string; now: string },
): Promise<void> {
  await db
    .insertInto('settings')
    .values({ scope: row.scope, key: row.key, value: row.value, updated_at: row.now })
    .onConflict((oc) =>
      oc.columns(['scope', 'key']).doUpdateSet({ value: row.value, updated_at: row.now }),
    )
    .execute();
}
