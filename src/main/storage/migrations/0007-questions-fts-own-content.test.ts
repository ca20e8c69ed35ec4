import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { migrate } from '../migrate';

describe('migration 0007 questions-fts-own-content', () => {
  it('rebuilds the question index with its own text: columns readable, search and triggers kept', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    const clock = new FakeClock();
    migrate(db, clock, { target: 6 });
    const n = 'n';
    db.prepare(
      "INSERT INTO job_roles (id, title, category, source, created_at) VALUES ('r', 'Role', 'Cat', 'builtin', ?)",
    ).run(n);
    db.prepare(
      "INSERT INTO question_packs (id, name, source, format_version, content_hash, installed_at, updated_at) VALUES ('p', 'P', 'builtin', 1, 'h', ?, ?)",
    ).run(n, n);
    const insert = db.prepare(
      "INSERT INTO questions (id, pack_id, content, ideal_answer, skills, category, type, difficulty, job_role_id, created_at, updated_at) VALUES (?, 'p', ?, ?, ?, 'Data', 'technical', 'entry', 'r', ?, ?)",
    );
    insert.run(
      'q1',
      'How do you index a table?',
      'Add an index on filtered columns.',
      '["sql"]',
      n,
      n,
    );
    // Before: the columns of the index cannot be read.
    expect(() => db.prepare('SELECT * FROM questions_fts').all()).toThrow(/no such column/);

    expect(migrate(db, clock, { target: 7 })).toEqual({ from: 6, to: 7 });

    const match = db.prepare(
      'SELECT q.id FROM questions q WHERE q.rowid IN (SELECT rowid FROM questions_fts WHERE questions_fts MATCH ?) ORDER BY q.id',
    );
    expect(match.pluck().all('indexing')).toEqual(['q1']); // porter stemming, existing row
    expect(db.prepare('SELECT tags FROM questions_fts').pluck().all()).toEqual(['["sql"] Data']);
    expect(
      db
        .prepare(
          "SELECT highlight(questions_fts, 0, '[', ']') FROM questions_fts WHERE questions_fts MATCH 'table'",
        )
        .pluck()
        .all(),
    ).toEqual(['How do you index a [table]?']);

    // The triggers follow inserts, edits and deletes.
    insert.run('q2', 'Describe a deadlock.', 'Two locks taken in opposite order.', '[]', n, n);
    expect(match.pluck().all('deadlock')).toEqual(['q2']);
    db.prepare("UPDATE questions SET content = 'Describe a livelock.' WHERE id = 'q2'").run();
    expect(match.pluck().all('deadlock')).toEqual([]);
    expect(match.pluck().all('livelock')).toEqual(['q2']);
    db.prepare("DELETE FROM questions WHERE id = 'q1'").run();
    expect(match.pluck().all('index')).toEqual([]);
    db.prepare("INSERT INTO questions_fts (questions_fts) VALUES ('integrity-check')").run();
  });
});
