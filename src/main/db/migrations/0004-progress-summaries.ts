import type { Migration } from './types';

// Results, history and progress (issue: reports). Dashboards and progress charts read one small
// row per finished session instead of aggregating every answer and feedback row each time: a
// profile with 10,000 sessions has 100,000 answers, too many to average on every dashboard view.
// The summaries are written when a session's score is final (services/session-summary.ts) and
// are backfilled here for sessions finished before this version. They go with their session
// (ON DELETE CASCADE). The seed's indexes (§5.2: sessions by user, status, date) are completed
// for history filtered by role or status.
export const migration0004ProgressSummaries: Migration = {
  version: 4,
  name: 'progress-summaries',
  up(db) {
    db.exec(`
      CREATE TABLE session_summaries (
        session_id TEXT PRIMARY KEY REFERENCES interview_sessions(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        job_role_id TEXT NOT NULL,
        level TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        overall REAL NOT NULL,
        content REAL NOT NULL,
        communication REAL NOT NULL,
        technical REAL NOT NULL,
        relevance REAL NOT NULL,
        shown_count INTEGER NOT NULL,
        answered_count INTEGER NOT NULL,
        word_count INTEGER NOT NULL,
        filler_count INTEGER NOT NULL,
        -- Only answers with a recording count towards pace: typing speed is not speaking pace.
        spoken_words INTEGER NOT NULL,
        spoken_seconds REAL NOT NULL
      ) STRICT;
      CREATE INDEX session_summaries_user_finished ON session_summaries(user_id, finished_at);

      CREATE TABLE session_skill_scores (
        session_id TEXT NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        skill TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        finished_at TEXT NOT NULL,
        score REAL NOT NULL,
        answer_count INTEGER NOT NULL,
        PRIMARY KEY (session_id, skill)
      ) STRICT;
      -- Covering: dashboards and charts read skills by profile and date without touching the table.
      CREATE INDEX session_skill_scores_user_finished
        ON session_skill_scores(user_id, finished_at, skill, score, answer_count);

      CREATE INDEX interview_sessions_user_role_created ON interview_sessions(user_id, job_role_id, created_at);
      CREATE INDEX interview_sessions_user_status_created ON interview_sessions(user_id, status, created_at);
      DROP INDEX interview_sessions_user_status;
    `);
    // Backfill: the same statements the service runs, frozen here (migrations never change).
    const ids = db
      .prepare(
        "SELECT id FROM interview_sessions WHERE status = 'completed' AND overall_score IS NOT NULL",
      )
      .pluck()
      .all() as string[];
    const summary = db.prepare(SUMMARY_SQL_V4);
    const skills = db.prepare(SKILLS_SQL_V4);
    for (const id of ids) {
      summary.run({ sessionId: id });
      skills.run({ sessionId: id });
    }
  },
};

const SUMMARY_SQL_V4 = `
  INSERT INTO session_summaries
  SELECT s.id, s.user_id, s.job_role_id, s.difficulty_level, coalesce(s.completed_at, s.created_at),
    s.overall_score,
    round(avg(coalesce(f.content_score, 0))), round(avg(coalesce(f.communication_score, 0))),
    round(avg(coalesce(f.technical_score, 0))), round(avg(coalesce(f.relevance_score, 0))),
    count(a.id), sum(a.status = 'answered'),
    coalesce(sum(json_extract(f.details, '$.wordCount')), 0),
    coalesce(sum(json_extract(f.details, '$.fillerCount')), 0),
    coalesce(sum(CASE WHEN a.audio_url IS NOT NULL AND a.duration_seconds > 0
      THEN json_extract(f.details, '$.wordCount') END), 0),
    coalesce(sum(CASE WHEN a.audio_url IS NOT NULL AND a.duration_seconds > 0
      THEN a.duration_seconds END), 0)
  FROM interview_sessions s
  JOIN answers a ON a.session_id = s.id
  LEFT JOIN feedback f ON f.answer_id = a.id
  WHERE s.id = :sessionId AND s.status = 'completed' AND s.overall_score IS NOT NULL
  GROUP BY s.id`;

const SKILLS_SQL_V4 = `
  INSERT INTO session_skill_scores
  SELECT s.id, j.value, s.user_id, coalesce(s.completed_at, s.created_at),
    round(avg(coalesce(f.overall_score, 0))), count(*)
  FROM interview_sessions s
  JOIN answers a ON a.session_id = s.id
  JOIN questions q ON q.id = a.question_id
  JOIN json_each(q.skills) j
  LEFT JOIN feedback f ON f.answer_id = a.id
  WHERE s.id = :sessionId AND s.status = 'completed' AND s.overall_score IS NOT NULL
    AND j.type = 'text'
  GROUP BY s.id, j.value`;
