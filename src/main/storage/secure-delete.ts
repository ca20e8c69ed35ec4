import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from './schema';
import { withRepositories, type Repositories } from './repositories';

/**
 * Runs deletions in one transaction so that nothing deleted survives in the file: freed pages
 * are zeroed (secure_delete, also on from open-database.ts), so the deleted text does not stay
 * in the free list, and the WAL is copied into the database and emptied afterwards, so no old
 * page survives in the log.
 */
export async function deleteSecurely(
  db: Kysely<DatabaseSchema>,
  work: (repos: Repositories) => Promise<void>,
): Promise<void> {
  await sql`PRAGMA secure_delete = ON`.execute(db);
  await withRepositories(db, work);
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}
