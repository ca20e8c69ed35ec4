import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../platform/errors';
import type { Clock } from '../platform/clock';
import { migrations as shippedMigrations, type Migration } from './migrations';

export function readSchemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Checks that the shipped list is 1..N with no gaps; a broken list must never reach a user. */
export function assertMigrationList(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration #${i} has version ${m.version}; expected ${i + 1}`);
    }
  });
}

/**
 * Brings the database to `target` (default: latest). Each migration runs in its own
 * transaction together with the version bump, so a failure leaves the previous version intact.
 */
export function migrate(
  db: BetterSqlite3.Database,
  clock: Clock,
  options: { list?: readonly Migration[]; target?: number } = {},
): { from: number; to: number } {
  const list = options.list ?? shippedMigrations;
  assertMigrationList(list);
  const target = options.target ?? list.length;
  const from = readSchemaVersion(db);
  if (from > list.length) {
    throw new AppError(
      'DATABASE',
      `This data was written by a newer version of Rehearse (schema ${from}; this version knows up ` +
        `to ${list.length}). Nothing was changed. Update Rehearse to open it.`,
    );
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  assertAppliedMatchShipped(db, list, from);

  for (const migration of list.slice(from, target)) {
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (migration.disableForeignKeys) db.pragma('foreign_keys = OFF');
    try {
      runOne(db, migration, clock);
    } finally {
      if (migration.disableForeignKeys) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
  }
  return { from, to: Math.max(from, Math.min(target, list.length)) };
}

function runOne(db: BetterSqlite3.Database, migration: Migration, clock: Clock): void {
  db.transaction(() => {
    migration.up(db);
    if (migration.disableForeignKeys) {
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new Error(
          `migration ${migration.version} would break ${broken.length} foreign key(s)`,
        );
      }
    }
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      migration.version,
      migration.name,
      clock.now().toISOString(),
    );
    db.pragma(`user_version = ${migration.version}`);
  })();
}

function assertAppliedMatchShipped(
  db: BetterSqlite3.Database,
  list: readonly Migration[],
  currentVersion: number,
): void {
  const applied = db
    .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
    .all() as { version: number; name: string }[];
  for (const row of applied) {
    const shipped = list[row.version - 1];
    if (!shipped || shipped.name !== row.name || row.version > currentVersion) {
      throw new AppError(
        'DATABASE',
        `The database's migration history does not match this version of Rehearse ` +
          `(applied #${row.version} "${row.name}"). Nothing was changed.`,
      );
    }
  }
}
