import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** Per-profile and machine settings (settings), including the admin lock. The only code that reads or writes these tables. */
export class SettingsRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}
}
