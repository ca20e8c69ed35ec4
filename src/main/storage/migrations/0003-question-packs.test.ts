import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { migrate } from '../migrate';

describe('migration 0003 question-packs', () => {
  it('moves existing questions into a starter pack, keeps answers linked, and indexes them for search', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    const clock = new FakeClock();
    migrate(db, clock, { target: 2 });
    const n = 'n';
    db.prepare(
      "INSERT INTO job_roles (id, title, category, source, created_at) VALUES ('r', 'Role', 'Cat', 'builtin', ?)",
    ).run(n);
    db.prepare(
      "INSERT INTO questions (id, content, type, difficulty, job_role_id, category, expected_keywords, ideal_answer, created_at) VALUES ('q1', 'Explain database indexes', 'technical', 'entry', 'r', 'sql', '[\"index\"]', 'An index speeds up lookups', ?)",
    ).run(n);
    db.prepare(
      "INSERT INTO users (id, name, created_at, updated_at) VALUES ('u', 'Ana', ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO interview_sessions (id, user_id, job_role_id, status, difficulty_level, total_questions, created_at, updated_at) VALUES ('s', 'u', 'r', 'completed', 'entry', 1, ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO session_questions (session_id, position, question_id) VALUES ('s', 0, 'q1')",
    ).run();
    db.prepare(
      "INSERT INTO answers (id, session_id, question_id, position, status, transcription, answered_at, created_at) VALUES ('a', 's', 'q1', 0, 'answered', 'x', ?, ?)",
    ).run(n, n);

    migrate(db, clock, { target: 3 });

    expect(db.prepare('SELECT id, pack_id, skills, difficulty_rank FROM questions').all()).toEqual([
      { id: 'q1', pack_id: 'builtin-starter', skills: '["sql"]', difficulty_rank: 3 },
    ]);
    expect(db.prepare("SELECT pack_id FROM job_roles WHERE id = 'r'").pluck().get()).toBe(
      'builtin-starter',
    );
    expect(db.prepare('SELECT is_admin FROM users').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Answers still point at the rebuilt table, and it still refuses to lose them.
    expect(() => db.prepare("DELETE FROM questions WHERE id = 'q1'").run()).toThrow(/FOREIGN KEY/);
    // The new types are allowed; unknown ones still are not.
    db.prepare(
      "INSERT INTO questions (id, pack_id, content, type, difficulty, job_role_id, created_at, updated_at) VALUES ('q2', 'builtin-starter', 'Why this role?', 'motivation', 'entry', 'r', 'n', 'n')",
    ).run();
    expect(() => db.prepare("UPDATE questions SET type = 'trivia' WHERE id = 'q2'").run()).toThrow(
      /CHECK/,
    );
    // Full-text search sees old and new rows, and follows updates.
    const search = (q: string) =>
      db
        .prepare(
          'SELECT q.id FROM questions_fts f JOIN questions q ON q.rowid = f.rowid WHERE questions_fts MATCH ? ORDER BY q.id',
        )
        .pluck()
        .all(q);
    expect(search('indexes')).toEqual(['q1']);
    expect(search('role')).toEqual(['q2']);
    db.prepare("UPDATE questions SET content = 'Why teaching?' WHERE id = 'q2'").run();
    expect(search('teaching')).toEqual(['q2']);
    expect(search('role')).toEqual([]);
    db.close();
  });

  it('starts an empty database with no starter pack', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, new FakeClock());
    expect(db.prepare('SELECT count(*) FROM question_packs').pluck().get()).toBe(0);
    db.close();
  });
});
