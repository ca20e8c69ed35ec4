import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** People on this machine (users). The only code that reads or writes these tables. */
export class ProfileRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}
}
