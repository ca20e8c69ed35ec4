import type { Migration } from './types';

// The LLM interviewer: follow-up questions asked after an answer, and written feedback
// per answer and per session. Both keep which engine wrote them (the bank's rules, the template,
// or an LLM with its model and prompt version) and, when the LLM path was tried and not used, why.
// Each interview chooses how many follow-ups a question may get (0 keeps the old behaviour).
export const migration0005LlmFollowUpsAndWrittenFeedback: Migration = {
  version: 5,
  name: 'llm-follow-ups-and-written-feedback',
  up(db) {
    db.exec(`
      ALTER TABLE interview_sessions ADD COLUMN max_follow_ups INTEGER NOT NULL DEFAULT 0
        CHECK (max_follow_ups BETWEEN 0 AND 3);

      CREATE TABLE follow_up_questions (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        -- The answer to the bank question this follows up (depth 1 and deeper alike).
        parent_answer_id TEXT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL REFERENCES questions(id) ON DELETE RESTRICT,
        depth INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 3),
        trigger TEXT NOT NULL,
        -- The wording the bank's rules chose; kept when an LLM rephrases it.
        bank_content TEXT NOT NULL,
        content TEXT NOT NULL,
        engine TEXT NOT NULL,
        fallback_reason TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'answered', 'skipped', 'dropped')),
        draft_text TEXT NOT NULL DEFAULT '',
        answer_text TEXT NOT NULL DEFAULT '',
        answered_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX follow_up_questions_session ON follow_up_questions(session_id, status);

      CREATE TABLE written_feedback (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        -- NULL: the session summary.
        answer_id TEXT REFERENCES answers(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        -- The deterministic version computed from the evaluation, always present.
        template_text TEXT NOT NULL,
        -- JSON array of strings (the session summary's prioritised recommendations).
        recommendations TEXT NOT NULL DEFAULT '[]',
        improved_answer TEXT,
        engine TEXT NOT NULL,
        fallback_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX written_feedback_target ON written_feedback(session_id, ifnull(answer_id, ''));
    `);
  },
};
