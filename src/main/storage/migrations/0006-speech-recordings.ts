import type { Migration } from './types';

// Spoken answers. A recording row exists from the first chunk on (status 'recording'), so a crash
// leaves a row that start-up finds, repairs and offers back ('interrupted'). The final transcript
// (segments, words, language, confidence) and delivery analytics are JSON on the row, with the id
// of the model that produced them. answers.audio_url / video_url point at the files.
export const migration0006SpeechRecordings: Migration = {
  version: 6,
  name: 'speech-recordings',
  up(db) {
    db.exec(`
      CREATE TABLE recordings (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        session_id TEXT NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        answer_id TEXT REFERENCES answers(id) ON DELETE SET NULL,
        status TEXT NOT NULL
          CHECK (status IN ('recording', 'interrupted', 'stopped', 'transcribed', 'discarded')),
        audio_path TEXT NOT NULL,
        video_path TEXT,
        duration_seconds REAL NOT NULL DEFAULT 0,
        transcript TEXT,
        delivery TEXT,
        model_id TEXT,
        language TEXT,
        note TEXT,
        started_at TEXT NOT NULL,
        stopped_at TEXT,
        files_deleted_at TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX recordings_session_question ON recordings(session_id, question_id);
      CREATE INDEX recordings_user_status ON recordings(user_id, status);
      CREATE INDEX recordings_answer ON recordings(answer_id);
    `);
  },
};
