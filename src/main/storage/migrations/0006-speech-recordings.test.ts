import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { migrate } from '../migrate';

describe('migration 0006 speech-recordings', () => {
  it('adds recordings to a version-3 database, keeps its answers, and links them', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    const clock = new FakeClock();
    migrate(db, clock, { target: 5 });
    const n = 'n';
    db.prepare(
      "INSERT INTO job_roles (id, title, category, source, created_at) VALUES ('r', 'Role', 'Cat', 'builtin', ?)",
    ).run(n);
    db.prepare(
      "INSERT INTO question_packs (id, name, source, format_version, content_hash, installed_at, updated_at) VALUES ('p', 'P', 'builtin', 1, 'h', ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO questions (id, pack_id, content, type, difficulty, job_role_id, created_at, updated_at) VALUES ('q', 'p', 'Q?', 'technical', 'entry', 'r', ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO users (id, name, created_at, updated_at) VALUES ('u', 'Ana', ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO interview_sessions (id, user_id, job_role_id, status, difficulty_level, total_questions, created_at, updated_at) VALUES ('s', 'u', 'r', 'active', 'entry', 1, ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO answers (id, session_id, question_id, position, status, transcription, answered_at, created_at) VALUES ('a', 's', 'q', 0, 'answered', 'typed', ?, ?)",
    ).run(n, n);

    expect(migrate(db, clock, { target: 6 })).toEqual({ from: 5, to: 6 });

    expect(db.prepare('SELECT transcription FROM answers').pluck().all()).toEqual(['typed']);
    db.prepare(
      "INSERT INTO recordings (id, user_id, session_id, question_id, answer_id, status, audio_path, started_at, updated_at) VALUES ('rec', 'u', 's', 'q', 'a', 'recording', 'recordings/s/rec.wav', ?, ?)",
    ).run(n, n);
    expect(() => db.prepare("UPDATE recordings SET status = 'lost'").run()).toThrow(/CHECK/);
    // Deleting the answer keeps the recording (its transcript stays); deleting the session drops it.
    db.prepare("DELETE FROM answers WHERE id = 'a'").run();
    expect(
      db.prepare("SELECT answer_id FROM recordings WHERE id = 'rec'").pluck().get(),
    ).toBeNull();
    db.prepare("DELETE FROM interview_sessions WHERE id = 's'").run();
    expect(db.prepare('SELECT COUNT(*) FROM recordings').pluck().get()).toBe(0);
    db.close();
  });
});
