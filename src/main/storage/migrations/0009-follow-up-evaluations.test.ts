import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { migrate } from '../migrate';

describe('migration 0009 follow-up-evaluations', () => {
  it('keeps existing follow-ups (empty gap detail) and stores evaluations that go with them', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    const clock = new FakeClock();
    migrate(db, clock, { target: 8 });
    const n = '2026-01-01T00:00:00.000Z';
    db.exec(`
      INSERT INTO users (id, name, created_at, updated_at) VALUES ('u', 'Ana', '${n}', '${n}');
      INSERT INTO job_roles (id, title, category, source, created_at)
        VALUES ('r', 'Role', 'Cat', 'builtin', '${n}');
      INSERT INTO question_packs (id, name, source, format_version, content_hash, installed_at, updated_at)
        VALUES ('p', 'P', 'builtin', 1, 'h', '${n}', '${n}');
      INSERT INTO questions (id, pack_id, content, ideal_answer, skills, category, type, difficulty, job_role_id, created_at, updated_at)
        VALUES ('q', 'p', 'Is HTTP stateless?', 'HTTP is stateless.', '[]', 'Web', 'technical', 'entry', 'r', '${n}', '${n}');
      INSERT INTO interview_sessions (id, user_id, job_role_id, difficulty_level, total_questions, status, created_at, updated_at)
        VALUES ('s', 'u', 'r', 'entry', 1, 'active', '${n}', '${n}');
      INSERT INTO answers (id, session_id, question_id, position, status, transcription, answered_at, created_at)
        VALUES ('a', 's', 'q', 0, 'answered', 'HTTP is stateful.', '${n}', '${n}');
      INSERT INTO follow_up_questions (id, session_id, parent_answer_id, question_id, depth, trigger, bank_content, content, engine, status, created_at, updated_at)
        VALUES ('f', 's', 'a', 'q', 1, 'always', 'Why?', 'Why?', 'bank-rules@1', 'answered', '${n}', '${n}');
    `);
    expect(() => db.prepare('SELECT * FROM follow_up_evaluations').all()).toThrow(/no such table/);

    expect(migrate(db, clock, { target: 9 })).toEqual({ from: 8, to: 9 });

    expect(
      db.prepare("SELECT gap_detail FROM follow_up_questions WHERE id = 'f'").pluck().get(),
    ).toBe('{}');
    const insert = db.prepare(
      `INSERT INTO follow_up_evaluations (follow_up_id, content_score, communication_score, technical_score,
        relevance_score, overall_score, combined_content_score, gap_closed, gap_note, engine, created_at)
       VALUES (?, 60, 50, 55, 40, 52, 70, ?, 'claim corrected', 'lexical@2', ?)`,
    );
    insert.run('f', 1, n);
    expect(() => insert.run('f', 1, n)).toThrow(/UNIQUE|PRIMARY/); // one evaluation per follow-up
    expect(() => insert.run('missing', 1, n)).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("UPDATE follow_up_evaluations SET gap_closed = 2 WHERE follow_up_id = 'f'").run(),
    ).toThrow(/CHECK/);
    // Deleting the session takes the follow-up and its evaluation with it.
    db.prepare("DELETE FROM interview_sessions WHERE id = 's'").run();
    expect(db.prepare('SELECT count(*) FROM follow_up_evaluations').pluck().get()).toBe(0);
  });
});
