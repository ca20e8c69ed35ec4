import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { migrate } from '../migrate';

describe('migration 0004 progress-summaries', () => {
  it('backfills summaries of scored, completed sessions and cascades deletes', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    const clock = new FakeClock();
    migrate(db, clock, { target: 3 });
    const n = '2026-01-05T10:00:00.000Z';
    db.exec(`
      INSERT INTO question_packs (id, name, source, format_version, installed_at, updated_at)
        VALUES ('p', 'P', 'builtin', 1, 'n', 'n');
      INSERT INTO job_roles (id, title, category, created_at) VALUES ('r', 'Role', 'Cat', 'n');
      INSERT INTO questions (id, pack_id, content, type, difficulty, job_role_id, skills, created_at, updated_at)
        VALUES ('q1', 'p', 'Q1', 'technical', 'entry', 'r', '["sql","indexing"]', 'n', 'n'),
               ('q2', 'p', 'Q2', 'behavioral', 'entry', 'r', '["teamwork"]', 'n', 'n');
      INSERT INTO users (id, name, created_at, updated_at) VALUES ('u', 'Ana', 'n', 'n');
      INSERT INTO interview_sessions (id, user_id, job_role_id, status, difficulty_level, total_questions, completed_at, overall_score, created_at, updated_at)
        VALUES ('s', 'u', 'r', 'completed', 'entry', 2, '${n}', 40, '${n}', '${n}'),
               ('open', 'u', 'r', 'active', 'entry', 2, NULL, NULL, '${n}', '${n}');
      INSERT INTO answers (id, session_id, question_id, position, status, audio_url, duration_seconds, answered_at, created_at)
        VALUES ('a1', 's', 'q1', 0, 'answered', 'rec.webm', 20, 'n', 'n'),
               ('a2', 's', 'q2', 1, 'skipped', NULL, NULL, 'n', 'n'),
               ('a3', 'open', 'q1', 0, 'answered', NULL, NULL, 'n', 'n');
      INSERT INTO feedback (id, answer_id, content_score, communication_score, technical_score, relevance_score, overall_score, engine, details, created_at)
        VALUES ('f1', 'a1', 60, 70, 80, 90, 80, 'x', '{"wordCount": 50, "fillerCount": 5}', 'n');
    `);

    migrate(db, clock, { target: 4 });

    expect(db.prepare('SELECT * FROM session_summaries').all()).toEqual([
      {
        session_id: 's',
        user_id: 'u',
        job_role_id: 'r',
        level: 'entry',
        finished_at: n,
        overall: 40,
        content: 30,
        communication: 35,
        technical: 40,
        relevance: 45,
        shown_count: 2,
        answered_count: 1,
        word_count: 50,
        filler_count: 5,
        spoken_words: 50,
        spoken_seconds: 20,
      },
    ]);
    expect(
      db
        .prepare('SELECT skill, score, answer_count FROM session_skill_scores ORDER BY skill')
        .all(),
    ).toEqual([
      { skill: 'indexing', score: 80, answer_count: 1 },
      { skill: 'sql', score: 80, answer_count: 1 },
      { skill: 'teamwork', score: 0, answer_count: 1 },
    ]);
    // The triggers keep per-day and per-skill running totals, and undo them on delete.
    expect(
      db
        .prepare(
          'SELECT sessions, answered, shown, overall_sum, content_sum, words, fillers FROM progress_days',
        )
        .all(),
    ).toEqual([
      {
        sessions: 1,
        answered: 1,
        shown: 2,
        overall_sum: 40,
        content_sum: 30,
        words: 50,
        fillers: 5,
      },
    ]);
    expect(
      db.prepare('SELECT skill, score_sum, answers FROM progress_skills ORDER BY skill').all(),
    ).toEqual([
      { skill: 'indexing', score_sum: 80, answers: 1 },
      { skill: 'sql', score_sum: 80, answers: 1 },
      { skill: 'teamwork', score_sum: 0, answers: 1 },
    ]);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interview_sessions'",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'interview_sessions_user_created',
        'interview_sessions_user_role_created',
        'interview_sessions_user_status_created',
      ]),
    );
    db.prepare("DELETE FROM interview_sessions WHERE id = 's'").run();
    expect(db.prepare('SELECT count(*) FROM session_summaries').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM session_skill_scores').pluck().get()).toBe(0);
    for (const table of ['progress_days', 'progress_skill_days', 'progress_skills'])
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    db.close();
  });
});
