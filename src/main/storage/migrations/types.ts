import type BetterSqlite3 from 'better-sqlite3';

/**
 * One schema step. Migrations are append-only: once shipped, a migration's code never changes;
 * a fix is a new migration. They are imported statically (see ./index.ts) because a bundled app
 * cannot list a directory of migration files.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /**
   * Table rebuilds (SQLite's way to change a constraint) must run with foreign keys off; the
   * migrator then runs PRAGMA foreign_key_check before committing and refuses on any violation.
   */
  readonly disableForeignKeys?: boolean;
  /** Runs inside a transaction opened by the migrator. */
  up(db: BetterSqlite3.Database): void;
}
