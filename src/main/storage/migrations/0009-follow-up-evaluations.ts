import type { Migration } from './types';

// Follow-up answers are scored. Each follow-up keeps what exactly it asked
// about (the unexplained term, or the claim to re-check) so the answer to it can be judged on
// that; its evaluation is stored beside it with the engine that produced it:
//   - the follow-up answer's own scores against the parent question's ideal answer,
//   - the content score of the parent answer and the follow-up answers so far read together
//     (what the question is credited with when that is better than the answer alone), and
//   - whether the follow-up closed the gap it asked about, with a plain-words note.
export const migration0009FollowUpEvaluations: Migration = {
  version: 9,
  name: 'follow-up-evaluations',
  up(db) {
    db.exec(`
      ALTER TABLE follow_up_questions ADD COLUMN gap_detail TEXT NOT NULL DEFAULT '{}';

      CREATE TABLE follow_up_evaluations (
        follow_up_id TEXT PRIMARY KEY REFERENCES follow_up_questions(id) ON DELETE CASCADE,
        content_score REAL NOT NULL,
        communication_score REAL NOT NULL,
        technical_score REAL NOT NULL,
        relevance_score REAL NOT NULL,
        overall_score REAL NOT NULL,
        combined_content_score REAL NOT NULL,
        gap_closed INTEGER NOT NULL CHECK (gap_closed IN (0, 1)),
        gap_note TEXT NOT NULL,
        engine TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
