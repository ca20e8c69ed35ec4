import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** Scope of the settings of the whole installation (a profile's settings use its id). */
export const INSTALLATION_SCOPE = '';

/** Settings, one key per row (settings). The only code that reads or writes these tables. */
export class SettingsRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}

  /** Every stored key of one scope with its JSON value text. */
  async valuesOf(scope: string): Promise<{ key: string; value: string }[]> {
    return this.db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('scope', '=', scope)
      .execute();
  }

  /** The JSON value text of one key, or undefined where none is stored. */
  async value(scope: string, key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  /** Inserts or replaces one settings row. */
  async write(row: { scope: string; key: string; value: string; now: string }): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ scope: row.scope, key: row.key, value: row.value, updated_at: row.now })
      .onConflict((oc) =>
        oc.columns(['scope', 'key']).doUpdateSet({ value: row.value, updated_at: row.now }),
      )
      .execute();
  }
}
