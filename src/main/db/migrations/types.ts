import type BetterSqlite3 from 'better-sqlite3';

/**
 * One schema step. Migrations are append-only: once shipped, a migration's code never changes;
 * a fix is a new migration. They are imported statically (see ./index.ts) because a bundled app
 * cannot list a directory of migration files.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Runs inside a transaction opened by the migrator. */
  up(db: BetterSqlite3.Database): void;
}
