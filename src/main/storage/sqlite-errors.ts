import { AppError } from '../platform/errors';

const MESSAGES: Record<string, string> = {
  SQLITE_FULL:
    'The disk is full, so Rehearse could not save this. Nothing already saved was lost; free some space and try again.',
  SQLITE_IOERR:
    'Rehearse could not write to its data folder (a disk error). Nothing already saved was lost; check the disk and try again.',
  SQLITE_READONLY:
    'Rehearse cannot write to its data folder (it is read-only). Check the folder permissions.',
  SQLITE_BUSY: 'The database is busy (another Rehearse may be running). Try again in a moment.',
  SQLITE_CORRUPT:
    'The Rehearse database is damaged. Nothing more was written; restore a backup from the data folder.',
  SQLITE_NOTADB: 'The Rehearse database file is not a database. Nothing was written.',
};

/** Turns a SQLite failure into an error a person can act on; other errors pass through. */
export function fromSqliteError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const base = Object.keys(MESSAGES).find((k) => code === k || code.startsWith(`${k}_`));
  return new AppError(
    'DATABASE',
    base ? (MESSAGES[base] ?? error.message) : `Database error: ${error.message}`,
    {
      sqliteCode: code,
    },
  );
}
