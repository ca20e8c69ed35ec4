import type { Migration } from './types';

// Question packs (issue: question bank): every question now belongs to a pack — built-in,
// imported by a career centre, or the machine's own custom questions. Questions gain the fields
// a pack carries (skills, synonyms, rubric, follow-ups, difficulty rank) and two more types,
// which needs the table rebuilt (SQLite cannot change a CHECK constraint in place).
// Full-text search over questions comes with it, and profiles can be lab administrators.
export const migration0003QuestionPacks: Migration = {
  version: 3,
  name: 'question-packs',
  disableForeignKeys: true,
  up(db) {
    db.exec(`
      CREATE TABLE question_packs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        license TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('builtin', 'imported', 'custom')),
        format_version INTEGER NOT NULL,
        content_hash TEXT NOT NULL DEFAULT '',
        installed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Questions that existed before packs were the built-in starter bank.
      INSERT INTO question_packs (id, name, source, format_version, installed_at, updated_at)
        SELECT 'builtin-starter', 'Starter bank (built-in)', 'builtin', 1, datetime('now'), datetime('now')
        WHERE EXISTS (SELECT 1 FROM questions);

      CREATE TABLE questions_new (
        id TEXT PRIMARY KEY,
        pack_id TEXT NOT NULL REFERENCES question_packs(id) ON DELETE RESTRICT,
        content TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('behavioral', 'situational', 'technical', 'role-specific', 'motivation')),
        difficulty TEXT NOT NULL CHECK (difficulty IN ('entry', 'intermediate', 'senior')),
        difficulty_rank INTEGER NOT NULL DEFAULT 3 CHECK (difficulty_rank BETWEEN 1 AND 5),
        job_role_id TEXT NOT NULL REFERENCES job_roles(id) ON DELETE RESTRICT,
        category TEXT NOT NULL DEFAULT '',
        skills TEXT NOT NULL DEFAULT '[]',
        expected_keywords TEXT NOT NULL DEFAULT '[]',
        keyword_synonyms TEXT NOT NULL DEFAULT '{}',
        ideal_answer TEXT NOT NULL DEFAULT '',
        rubric TEXT NOT NULL DEFAULT '{}',
        follow_ups TEXT NOT NULL DEFAULT '[]',
        time_limit_seconds INTEGER NOT NULL DEFAULT 120 CHECK (time_limit_seconds > 0),
        source TEXT NOT NULL DEFAULT 'builtin',
        -- Set when its pack is removed but answers still point at it: history keeps the text.
        retired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO questions_new (id, pack_id, content, type, difficulty, job_role_id, category, skills,
          expected_keywords, ideal_answer, time_limit_seconds, source, created_at, updated_at)
        SELECT id, 'builtin-starter', content, type, difficulty, job_role_id, category,
          json_array(category), expected_keywords, ideal_answer, time_limit_seconds, source, created_at, created_at
        FROM questions;
      DROP TABLE questions;
      ALTER TABLE questions_new RENAME TO questions;
      CREATE INDEX questions_role_level ON questions(job_role_id, difficulty);
      CREATE INDEX questions_pack ON questions(pack_id);

      ALTER TABLE job_roles ADD COLUMN pack_id TEXT REFERENCES question_packs(id) ON DELETE SET NULL;
      UPDATE job_roles SET pack_id = 'builtin-starter' WHERE source = 'builtin';

      ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;

      CREATE VIRTUAL TABLE questions_fts USING fts5(
        content, ideal_answer, tags, content = 'questions', content_rowid = 'rowid',
        tokenize = 'porter unicode61'
      );
      CREATE TRIGGER questions_fts_insert AFTER INSERT ON questions BEGIN
        INSERT INTO questions_fts (rowid, content, ideal_answer, tags)
          VALUES (new.rowid, new.content, new.ideal_answer, new.skills || ' ' || new.category);
      END;
      CREATE TRIGGER questions_fts_delete AFTER DELETE ON questions BEGIN
        INSERT INTO questions_fts (questions_fts, rowid, content, ideal_answer, tags)
          VALUES ('delete', old.rowid, old.content, old.ideal_answer, old.skills || ' ' || old.category);
      END;
      CREATE TRIGGER questions_fts_update AFTER UPDATE ON questions BEGIN
        INSERT INTO questions_fts (questions_fts, rowid, content, ideal_answer, tags)
          VALUES ('delete', old.rowid, old.content, old.ideal_answer, old.skills || ' ' || old.category);
        INSERT INTO questions_fts (rowid, content, ideal_answer, tags)
          VALUES (new.rowid, new.content, new.ideal_answer, new.skills || ' ' || new.category);
      END;
      INSERT INTO questions_fts (rowid, content, ideal_answer, tags)
        SELECT rowid, content, ideal_answer, skills || ' ' || category FROM questions;
    `);
  },
};
