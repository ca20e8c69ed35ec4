import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { migrate } from '../migrate';

describe('migration 0001 core-schema', () => {
  let db: BetterSqlite3.Database;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, new FakeClock(), { target: 1 });
  });
  afterEach(() => db.close());

  const seed = () => {
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare(
      "INSERT INTO job_roles (id, title, category, created_at) VALUES ('r', 'Role', 'Cat', ?)",
    ).run(now);
    db.prepare(
      "INSERT INTO questions (id, content, type, difficulty, job_role_id, created_at) VALUES ('q', 'Q?', 'technical', 'entry', 'r', ?)",
    ).run(now);
    db.prepare(
      "INSERT INTO users (id, name, created_at, updated_at) VALUES ('u', 'Ana', ?, ?)",
    ).run(now, now);
    db.prepare(
      "INSERT INTO interview_sessions (id, user_id, job_role_id, status, difficulty_level, total_questions, created_at, updated_at) VALUES ('s', 'u', 'r', 'active', 'entry', 1, ?, ?)",
    ).run(now, now);
    db.prepare(
      "INSERT INTO session_questions (session_id, position, question_id) VALUES ('s', 0, 'q')",
    ).run();
    db.prepare(
      "INSERT INTO answers (id, session_id, question_id, position, status, transcription, answered_at, created_at) VALUES ('a', 's', 'q', 0, 'answered', 'text', ?, ?)",
    ).run(now, now);
    db.prepare(
      "INSERT INTO feedback (id, answer_id, content_score, communication_score, technical_score, relevance_score, overall_score, engine, created_at) VALUES ('f', 'a', 1, 2, 3, 4, 5, 'x', ?)",
    ).run(now);
  };

  it('creates the seed tables and records itself', () => {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'answers',
        'feedback',
        'interview_sessions',
        'job_roles',
        'questions',
        'session_questions',
        'users',
      ]),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare('SELECT name FROM schema_migrations').pluck().all()).toEqual(['core-schema']);
  });

  it('deleting a user removes their sessions, answers and feedback', () => {
    seed();
    db.prepare("DELETE FROM users WHERE id = 'u'").run();
    for (const table of ['interview_sessions', 'session_questions', 'answers', 'feedback']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
    expect(db.prepare('SELECT count(*) FROM questions').pluck().get()).toBe(1);
  });

  it('refuses bad states, unknown question types and questions still referenced by answers', () => {
    seed();
    expect(() => db.prepare("UPDATE interview_sessions SET status = 'paused'").run()).toThrow(
      /CHECK/,
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO questions (id, content, type, difficulty, job_role_id, created_at) VALUES ('q2', 'x', 'trivia', 'entry', 'r', 'now')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("DELETE FROM questions WHERE id = 'q'").run()).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO answers (id, session_id, question_id, position, status, answered_at, created_at) VALUES ('a2', 's', 'q', 0, 'answered', 'n', 'n')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });
});
