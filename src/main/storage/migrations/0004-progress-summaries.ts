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
CREATE INDEX session_skill_scores_user ON session_skill_scores(user_id);

      -- Running totals per profile and local calendar day (and per skill), kept by triggers as
      -- summaries come and go (cascaded deletes fire them too). Dashboards and charts read a few
      -- hundred day rows instead of every session: 10,000 sessions stay within milliseconds.
      -- 'localtime' is the machine's zone: the app, its local server and the CLI share a machine.
      CREATE TABLE progress_days (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        sessions INTEGER NOT NULL,
        answered INTEGER NOT NULL,
        shown INTEGER NOT NULL,
        overall_sum REAL NOT NULL,
        content_sum REAL NOT NULL,
        communication_sum REAL NOT NULL,
        technical_sum REAL NOT NULL,
        relevance_sum REAL NOT NULL,
        words INTEGER NOT NULL,
        fillers INTEGER NOT NULL,
        spoken_words INTEGER NOT NULL,
        spoken_seconds REAL NOT NULL,
        PRIMARY KEY (user_id, day)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE progress_skill_days (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        skill TEXT NOT NULL,
        day TEXT NOT NULL,
        score_sum REAL NOT NULL,
        answers INTEGER NOT NULL,
        PRIMARY KEY (user_id, skill, day)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE progress_skills (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        skill TEXT NOT NULL,
        score_sum REAL NOT NULL,
        answers INTEGER NOT NULL,
        PRIMARY KEY (user_id, skill)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX session_summaries_user_overall ON session_summaries(user_id, overall);

      CREATE TRIGGER session_summaries_add AFTER INSERT ON session_summaries BEGIN
        INSERT INTO progress_days VALUES (new.user_id, date(new.finished_at, 'localtime'), 1,
          new.answered_count, new.shown_count, new.overall, new.content, new.communication,
          new.technical, new.relevance, new.word_count, new.filler_count, new.spoken_words,
          new.spoken_seconds)
        ON CONFLICT (user_id, day) DO UPDATE SET sessions = sessions + 1,
          answered = answered + excluded.answered, shown = shown + excluded.shown,
          overall_sum = overall_sum + excluded.overall_sum,
          content_sum = content_sum + excluded.content_sum,
          communication_sum = communication_sum + excluded.communication_sum,
          technical_sum = technical_sum + excluded.technical_sum,
          relevance_sum = relevance_sum + excluded.relevance_sum,
          words = words + excluded.words, fillers = fillers + excluded.fillers,
          spoken_words = spoken_words + excluded.spoken_words,
          spoken_seconds = spoken_seconds + excluded.spoken_seconds;
      END;
      CREATE TRIGGER session_summaries_remove AFTER DELETE ON session_summaries BEGIN
        UPDATE progress_days SET sessions = sessions - 1,
          answered = answered - old.answered_count, shown = shown - old.shown_count,
          overall_sum = overall_sum - old.overall, content_sum = content_sum - old.content,
          communication_sum = communication_sum - old.communication,
          technical_sum = technical_sum - old.technical, relevance_sum = relevance_sum - old.relevance,
          words = words - old.word_count, fillers = fillers - old.filler_count,
          spoken_words = spoken_words - old.spoken_words,
          spoken_seconds = spoken_seconds - old.spoken_seconds
        WHERE user_id = old.user_id AND day = date(old.finished_at, 'localtime');
        DELETE FROM progress_days
        WHERE user_id = old.user_id AND day = date(old.finished_at, 'localtime') AND sessions <= 0;
      END;
      CREATE TRIGGER session_skill_scores_add AFTER INSERT ON session_skill_scores BEGIN
        INSERT INTO progress_skill_days VALUES (new.user_id, new.skill,
          date(new.finished_at, 'localtime'), new.score * new.answer_count, new.answer_count)
        ON CONFLICT (user_id, skill, day) DO UPDATE SET
          score_sum = score_sum + excluded.score_sum, answers = answers + excluded.answers;
        INSERT INTO progress_skills VALUES (new.user_id, new.skill, new.score * new.answer_count,
          new.answer_count)
        ON CONFLICT (user_id, skill) DO UPDATE SET
          score_sum = score_sum + excluded.score_sum, answers = answers + excluded.answers;
      END;
      CREATE TRIGGER session_skill_scores_remove AFTER DELETE ON session_skill_scores BEGIN
        UPDATE progress_skill_days SET score_sum = score_sum - old.score * old.answer_count,
          answers = answers - old.answer_count
        WHERE user_id = old.user_id AND skill = old.skill AND day = date(old.finished_at, 'localtime');
        DELETE FROM progress_skill_days WHERE user_id = old.user_id AND skill = old.skill
          AND day = date(old.finished_at, 'localtime') AND answers <= 0;
        UPDATE progress_skills SET score_sum = score_sum - old.score * old.answer_count,
          answers = answers - old.answer_count
        WHERE user_id = old.user_id AND skill = old.skill;
        DELETE FROM progress_skills WHERE user_id = old.user_id AND skill = old.skill AND answers <= 0;
      END;

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
