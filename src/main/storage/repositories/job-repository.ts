import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** The persisted job queue (jobs). The only code that reads or writes these tables. */
export class JobRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}
}
