import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { migrate } from '../migrate';

describe('migration 0005 llm-follow-ups-and-written-feedback', () => {
  it('keeps existing sessions (no follow-ups for them) and links follow-ups and written feedback to answers', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    const clock = new FakeClock();
    migrate(db, clock, { target: 4 });
    const n = 'n';
    db.prepare(
      "INSERT INTO question_packs (id, name, source, format_version, installed_at, updated_at) VALUES ('p', 'P', 'custom', 1, ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO job_roles (id, title, category, source, created_at) VALUES ('r', 'Role', 'Cat', 'builtin', ?)",
    ).run(n);
    db.prepare(
      "INSERT INTO questions (id, pack_id, content, type, difficulty, job_role_id, created_at, updated_at) VALUES ('q', 'p', 'Why?', 'motivation', 'entry', 'r', ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO users (id, name, created_at, updated_at) VALUES ('u', 'Ana', ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO interview_sessions (id, user_id, job_role_id, status, difficulty_level, total_questions, created_at, updated_at) VALUES ('s', 'u', 'r', 'active', 'entry', 1, ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO answers (id, session_id, question_id, position, status, transcription, answered_at, created_at) VALUES ('a', 's', 'q', 0, 'answered', 'x', ?, ?)",
    ).run(n, n);

    migrate(db, clock, { target: 5 });

    expect(
      db.prepare("SELECT max_follow_ups FROM interview_sessions WHERE id = 's'").pluck().get(),
    ).toBe(0);
    expect(() => db.prepare('UPDATE interview_sessions SET max_follow_ups = 4').run()).toThrow(
      /CHECK/,
    );
    db.prepare(
      "INSERT INTO follow_up_questions (id, session_id, parent_answer_id, question_id, depth, trigger, bank_content, content, engine, status, created_at, updated_at) VALUES ('f', 's', 'a', 'q', 1, 'always', 'And then?', 'And then?', 'bank-rules@1', 'pending', ?, ?)",
    ).run(n, n);
    expect(() =>
      db.prepare("UPDATE follow_up_questions SET status = 'lost' WHERE id = 'f'").run(),
    ).toThrow(/CHECK/);
    const feedback = db.prepare(
      "INSERT INTO written_feedback (id, session_id, answer_id, text, template_text, engine, created_at, updated_at) VALUES (?, 's', ?, 't', 't', 'template@1', ?, ?)",
    );
    feedback.run('w1', 'a', n, n);
    feedback.run('w2', null, n, n); // the session summary
    // One per answer and one summary per session.
    expect(() => feedback.run('w3', 'a', n, n)).toThrow(/UNIQUE/);
    expect(() => feedback.run('w4', null, n, n)).toThrow(/UNIQUE/);
    // Deleting the answer takes its follow-ups and feedback with it.
    db.prepare("DELETE FROM answers WHERE id = 'a'").run();
    expect(db.prepare('SELECT count(*) FROM follow_up_questions').pluck().get()).toBe(0);
    expect(db.prepare('SELECT id FROM written_feedback').pluck().all()).toEqual(['w2']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
