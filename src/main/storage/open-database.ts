import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/errors';
import { migrate, readSchemaVersion } from './migrate';
import { sqliteNativeBinding } from './native-binding';
import { LATEST_SCHEMA_VERSION } from './migrations';
import type { DatabaseSchema } from './schema';

export interface AppDatabase {
  /** Raw handle, for prepared statements on hot paths and for migrations. */
  readonly sqlite: BetterSqlite3.Database;
  readonly db: Kysely<DatabaseSchema>;
  /** ':memory:' or the file's absolute path. */
  readonly location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /**
   * A serialized database (better-sqlite3's `serialize()`) that an in-memory database starts as a
   * copy of, then migrated as usual. Tests use it to skip migrating and seeding on every start;
   * the image itself is never written to.
   */
  readonly image?: Buffer;
}

/**
 * Opens (creating if needed) and migrates the database. A file that is not a SQLite database,
 * or one written by a newer Rehearse, is refused with a clear message and left untouched.
 */
export function openDatabase(
  location: string,
  clock: Clock,
  options: OpenDatabaseOptions = {},
): AppDatabase {
  const isMemory = location === ':memory:';
  if (options.image && !isMemory) {
    throw new AppError(
      'DATABASE',
      `A database image can only start an in-memory database, not ${location}.`,
    );
  }
  if (!isMemory) fs.mkdirSync(path.dirname(location), { recursive: true });
  const existed = !isMemory && fs.existsSync(location) && fs.statSync(location).size > 0;

  let sqlite: BetterSqlite3.Database;
  try {
    // better-sqlite3 copies a Buffer into a new, writable in-memory database.
    sqlite = new BetterSqlite3(options.image ?? location, {
      fileMustExist: false,
      ...sqliteNativeBinding(),
    });
  } catch (error) {
    throw databaseError(location, error);
  }
  try {
    // Reading the schema forces SQLite to parse the header: a corrupt or foreign file fails here,
    // before any pragma could write to it.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Freed pages are zeroed on every write, not only while a profile is deleted: an answer's text
    // lives in several rows (the answer, its feedback's quoted evidence), and an update before the
    // deletion would otherwise leave an old copy in the free list.
    sqlite.pragma('secure_delete = ON');
    if (!isMemory) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
    }
    const version = readSchemaVersion(sqlite);
    if (existed && version > 0 && version < LATEST_SCHEMA_VERSION) {
      // Keep the pre-upgrade copy: a failed or regretted upgrade must not cost anyone their data.
      const backup = `${location}.before-schema-${LATEST_SCHEMA_VERSION}.bak`;
      if (!fs.existsSync(backup)) sqlite.exec(`VACUUM INTO '${backup.replaceAll("'", "''")}'`);
    }
    migrate(sqlite, clock);
  } catch (error) {
    sqlite.close();
    throw error instanceof AppError ? error : databaseError(location, error);
  }

  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    db,
    location: isMemory ? location : path.resolve(location),
    close: async () => {
      await db.destroy(); // also closes the better-sqlite3 handle
    },
  };
}

function databaseError(location: string, error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError(
    'DATABASE',
    `Rehearse cannot open its database at ${location}: ${reason}. The file was not changed; ` +
      `move it aside (or restore a backup) and start Rehearse again.`,
  );
}
