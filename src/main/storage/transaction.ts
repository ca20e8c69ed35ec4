import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from './schema';

/**
 * Runs `work` in one SQLite transaction on one connection. Unlike Kysely's own transaction(),
 * a failed ROLLBACK does not hide the real error: SQLite has already rolled back by itself after
 * errors such as SQLITE_FULL, and the person needs to hear "disk full", not "no transaction".
 */
export async function inTransaction<T>(
  db: Kysely<DatabaseSchema>,
  work: (trx: Kysely<DatabaseSchema>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await work(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (error) {
      try {
        await sql`ROLLBACK`.execute(conn);
      } catch {
        // Already rolled back by SQLite; the original error below is the one that matters.
      }
      throw error;
    }
  });
}
