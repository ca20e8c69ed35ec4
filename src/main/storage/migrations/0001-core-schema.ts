import type { Migration } from './types';

// The seed's schema (§5.1) plus what a session needs to survive a restart: the ordered plan of
// questions (session_questions) with the typed draft of each, and the current position.
export const migration0001CoreSchema: Migration = {
  version: 1,
  name: 'core-schema',
  up(db) {
    db.exec(`
      CREATE TABLE job_roles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL,
        skill_tags TEXT NOT NULL DEFAULT '[]',
        source TEXT NOT NULL DEFAULT 'builtin',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX job_roles_category ON job_roles(category, title);

      CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        content TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('behavioral', 'technical', 'situational')),
        difficulty TEXT NOT NULL CHECK (difficulty IN ('entry', 'intermediate', 'senior')),
        job_role_id TEXT NOT NULL REFERENCES job_roles(id) ON DELETE RESTRICT,
        category TEXT NOT NULL DEFAULT '',
        expected_keywords TEXT NOT NULL DEFAULT '[]',
        ideal_answer TEXT NOT NULL DEFAULT '',
        time_limit_seconds INTEGER NOT NULL DEFAULT 120 CHECK (time_limit_seconds > 0),
        source TEXT NOT NULL DEFAULT 'builtin',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX questions_role_level ON questions(job_role_id, difficulty);

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT UNIQUE,
        password_hash TEXT,
        name TEXT NOT NULL,
        avatar_url TEXT,
        target_role_id TEXT REFERENCES job_roles(id) ON DELETE SET NULL,
        skills TEXT NOT NULL DEFAULT '[]',
        level TEXT NOT NULL DEFAULT 'entry' CHECK (level IN ('entry', 'intermediate', 'senior')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE interview_sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        job_role_id TEXT NOT NULL REFERENCES job_roles(id) ON DELETE RESTRICT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'completed', 'abandoned')),
        difficulty_level TEXT NOT NULL CHECK (difficulty_level IN ('entry', 'intermediate', 'senior')),
        total_questions INTEGER NOT NULL CHECK (total_questions > 0),
        current_position INTEGER NOT NULL DEFAULT 0,
        question_started_at TEXT,
        started_at TEXT,
        completed_at TEXT,
        overall_score REAL,
        seed INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX interview_sessions_user_created ON interview_sessions(user_id, created_at);
      CREATE INDEX interview_sessions_user_status ON interview_sessions(user_id, status);

      CREATE TABLE session_questions (
        session_id TEXT NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        question_id TEXT NOT NULL REFERENCES questions(id) ON DELETE RESTRICT,
        draft_text TEXT NOT NULL DEFAULT '',
        draft_saved_at TEXT,
        PRIMARY KEY (session_id, position),
        UNIQUE (session_id, question_id)
      ) STRICT;

      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL REFERENCES questions(id) ON DELETE RESTRICT,
        position INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('answered', 'skipped')),
        audio_url TEXT,
        video_url TEXT,
        transcription TEXT NOT NULL DEFAULT '',
        duration_seconds REAL,
        over_time_seconds REAL NOT NULL DEFAULT 0,
        answered_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (session_id, question_id)
      ) STRICT;
      CREATE INDEX answers_session ON answers(session_id, position);
      CREATE INDEX answers_question ON answers(question_id);

      CREATE TABLE feedback (
        id TEXT PRIMARY KEY,
        answer_id TEXT NOT NULL UNIQUE REFERENCES answers(id) ON DELETE CASCADE,
        content_score REAL NOT NULL,
        communication_score REAL NOT NULL,
        technical_score REAL NOT NULL,
        relevance_score REAL NOT NULL,
        overall_score REAL NOT NULL,
        strengths TEXT NOT NULL DEFAULT '[]',
        improvements TEXT NOT NULL DEFAULT '[]',
        detailed_feedback TEXT NOT NULL DEFAULT '',
        ai_confidence REAL NOT NULL DEFAULT 0,
        engine TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX feedback_created ON feedback(created_at);
    `);
  },
};
