import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { migrate } from '../migrate';

describe('migration 0008 generated-questions', () => {
  it('adds the generated-question and job-description columns with defaults for existing rows', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    const clock = new FakeClock();
    migrate(db, clock, { target: 7 });
    const n = 'n';
    db.prepare(
      "INSERT INTO job_roles (id, title, category, source, created_at) VALUES ('r', 'Role', 'Cat', 'builtin', ?)",
    ).run(n);
    db.prepare(
      "INSERT INTO question_packs (id, name, source, format_version, content_hash, installed_at, updated_at) VALUES ('p', 'P', 'builtin', 1, 'h', ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO questions (id, pack_id, content, type, difficulty, job_role_id, created_at, updated_at) VALUES ('q1', 'p', 'Why this role?', 'motivation', 'entry', 'r', ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO users (id, name, skills, level, created_at, updated_at) VALUES ('u', 'U', '[]', 'entry', ?, ?)",
    ).run(n, n);
    db.prepare(
      "INSERT INTO interview_sessions (id, user_id, job_role_id, status, difficulty_level, total_questions, current_position, seed, created_at, updated_at) VALUES ('s', 'u', 'r', 'pending', 'entry', 1, 0, 1, ?, ?)",
    ).run(n, n);

    expect(migrate(db, clock, { target: 8 })).toEqual({ from: 7, to: 8 });

    expect(db.prepare("SELECT source, generated_by FROM questions WHERE id = 'q1'").get()).toEqual({
      source: 'builtin',
      generated_by: null,
    });
    expect(
      db
        .prepare(
          "SELECT job_description, job_skills, requested_questions, generation_status, generation_note, generation_job_id FROM interview_sessions WHERE id = 's'",
        )
        .get(),
    ).toEqual({
      job_description: '',
      job_skills: '[]',
      requested_questions: null,
      generation_status: 'not-needed',
      generation_note: null,
      generation_job_id: null,
    });
    // A generated question is an ordinary row that names its engine.
    db.prepare(
      "INSERT INTO questions (id, pack_id, content, type, difficulty, job_role_id, source, generated_by, created_at, updated_at) VALUES ('g1', 'p', 'How do you test SQL?', 'technical', 'entry', 'r', 'generated', 'llm:m+question.v1', ?, ?)",
    ).run(n, n);
    expect(
      db.prepare("SELECT generated_by FROM questions WHERE source = 'generated'").pluck().all(),
    ).toEqual(['llm:m+question.v1']);
    // Only the known generation states are accepted.
    expect(() =>
      db.prepare("UPDATE interview_sessions SET generation_status = 'maybe' WHERE id = 's'").run(),
    ).toThrow(/CHECK constraint/);
  });
});
