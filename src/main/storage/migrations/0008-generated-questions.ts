import type { Migration } from './types';

// Generated questions inside interviews. A question the local LLM wrote is stored in
// the questions table like any other (source 'generated'), with the model and prompt that made it,
// so history, results and scoring treat it as a question while the bank listing can leave it out.
// A session keeps the pasted job description, the skills read from it, how many questions were
// asked for, and where generating the missing ones stands (the interview never waits on it).
export const migration0008GeneratedQuestions: Migration = {
  version: 8,
  name: 'generated-questions',
  up(db) {
    db.exec(`
      -- e.g. "llm:stories260k+question.v1"; null for questions a person or a pack wrote.
      ALTER TABLE questions ADD COLUMN generated_by TEXT;

      ALTER TABLE interview_sessions ADD COLUMN job_description TEXT NOT NULL DEFAULT '';
      -- JSON array: the skills the job description names (rule-based extraction).
      ALTER TABLE interview_sessions ADD COLUMN job_skills TEXT NOT NULL DEFAULT '[]';
      -- Null for sessions made before this migration: they asked for what they got.
      ALTER TABLE interview_sessions ADD COLUMN requested_questions INTEGER;
      ALTER TABLE interview_sessions ADD COLUMN generation_status TEXT NOT NULL DEFAULT 'not-needed'
        CHECK (generation_status IN
          ('not-needed', 'no-model', 'queued', 'running', 'done', 'failed', 'cancelled'));
      -- Why fewer questions were generated than missing, in words the candidate can act on.
      ALTER TABLE interview_sessions ADD COLUMN generation_note TEXT;
      ALTER TABLE interview_sessions ADD COLUMN generation_job_id TEXT;
    `);
  },
};
