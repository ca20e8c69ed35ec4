import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { assertMigrationList, migrate } from './migrate';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

describe('migrate', () => {
  it('ships a gap-free list and reaches the latest version', () => {
    expect(() => assertMigrationList(migrations)).not.toThrow();
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db, new FakeClock())).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(migrate(db, new FakeClock())).toEqual({
      from: LATEST_SCHEMA_VERSION,
      to: LATEST_SCHEMA_VERSION,
    });
  });

  it('rolls back a failing migration as a whole', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up: (d: BetterSqlite3.Database) => d.exec('CREATE TABLE t (x); SELECT * FROM nope;'),
      },
    ];
    expect(() => migrate(db, new FakeClock(), { list: broken })).toThrow(/nope/);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't'").pluck().get()).toBe(0);
  });

  it('refuses a database from a newer Rehearse without touching it', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, new FakeClock());
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    expect(() => migrate(db, new FakeClock())).toThrow(/newer version of Rehearse/);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
  });

  it('refuses a history that does not match the shipped migrations', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, new FakeClock(), { target: 1 });
    db.prepare("UPDATE schema_migrations SET name = 'something-else'").run();
    expect(() => migrate(db, new FakeClock())).toThrow(/migration history does not match/);
  });
});
