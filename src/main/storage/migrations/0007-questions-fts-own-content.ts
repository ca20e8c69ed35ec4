import type { Migration } from './types';

// 0003 made questions_fts an external-content FTS5 table over `questions`, but its `tags` column
// is computed (skills + category) and has no column of that name in `questions`: reading the
// table's columns (SELECT *, highlight(), snippet(), the 'rebuild' and 'integrity-check'
// commands) failed with "no such column: T.tags"; only MATCH on rowids worked. The table now
// keeps its own copy of the indexed text (660 questions: a few hundred kB), kept in step by the
// same triggers, so every FTS5 feature works and search results can show highlights.
export const migration0007QuestionsFtsOwnContent: Migration = {
  version: 7,
  name: 'questions-fts-own-content',
  up(db) {
    db.exec(`
      DROP TRIGGER questions_fts_insert;
      DROP TRIGGER questions_fts_delete;
      DROP TRIGGER questions_fts_update;
      DROP TABLE questions_fts;

      CREATE VIRTUAL TABLE questions_fts USING fts5(
        content, ideal_answer, tags, tokenize = 'porter unicode61'
      );
      CREATE TRIGGER questions_fts_insert AFTER INSERT ON questions BEGIN
        INSERT INTO questions_fts (rowid, content, ideal_answer, tags)
          VALUES (new.rowid, new.content, new.ideal_answer, new.skills || ' ' || new.category);
      END;
      CREATE TRIGGER questions_fts_delete AFTER DELETE ON questions BEGIN
        DELETE FROM questions_fts WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER questions_fts_update AFTER UPDATE ON questions BEGIN
        DELETE FROM questions_fts WHERE rowid = old.rowid;
        INSERT INTO questions_fts (rowid, content, ideal_answer, tags)
          VALUES (new.rowid, new.content, new.ideal_answer, new.skills || ' ' || new.category);
      END;
      INSERT INTO questions_fts (rowid, content, ideal_answer, tags)
        SELECT rowid, content, ideal_answer, skills || ' ' || category FROM questions;
    `);
  },
};
