import type { Migration } from './types';

// Per-profile and app-wide settings, and the persisted job queue: a job row
// survives a crash, so work in flight is retried when the app starts again.
export const migration0002SettingsAndJobs: Migration = {
  version: 2,
  name: 'settings-and-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (scope, key)
      ) STRICT;

      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts > 0),
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX jobs_status_created ON jobs(status, created_at);
    `);
  },
};
