import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { migrate } from '../migrate';

describe('migration 0002 settings-and-jobs', () => {
  it('adds settings and jobs to a version-1 database and keeps its data', () => {
    const db = new BetterSqlite3(':memory:');
    const clock = new FakeClock();
    migrate(db, clock, { target: 1 });
    db.prepare(
      "INSERT INTO users (id, name, created_at, updated_at) VALUES ('u', 'Ana', 'n', 'n')",
    ).run();

    expect(migrate(db, clock, { target: 2 })).toEqual({ from: 1, to: 2 });

    expect(db.prepare('SELECT name FROM users').pluck().all()).toEqual(['Ana']);
    db.prepare(
      "INSERT INTO settings (scope, key, value, updated_at) VALUES ('u', 'theme', '\"dark\"', 'n')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO settings (scope, key, value, updated_at) VALUES ('u', 'theme', '1', 'n')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.prepare(
      "INSERT INTO jobs (id, type, payload, status, created_at, updated_at) VALUES ('j', 't', '{}', 'queued', 'n', 'n')",
    ).run();
    expect(db.prepare("SELECT attempts, max_attempts FROM jobs WHERE id = 'j'").get()).toEqual({
      attempts: 0,
      max_attempts: 3,
    });
    expect(() => db.prepare("UPDATE jobs SET status = 'lost'").run()).toThrow(/CHECK/);
    db.close();
  });
});
