import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sqliteNativeBinding } from './native-binding';
import { AppError } from '../platform/errors';

/** The file whose OS lock says "this data folder has an owner". */
export const DATA_LOCK_FILE = 'rehearse.lock';
/** Who holds the lock, written beside it for the message another process shows. */
export const DATA_OWNER_FILE = 'rehearse.owner.json';

export interface DataOwner {
  readonly pid: number;
  readonly host: string;
  /** What opened the folder: 'electron' (the desktop app) or 'web' (`npm run web`, the CLI). */
  readonly transport: string;
  readonly startedAt: string;
}

export interface DataLock {
  readonly dataDir: string;
  /** Gives the folder up (on close; a crash or kill gives it up too, through the OS). */
  release(): void;
}

/**
 * Makes this process the one owner of a data folder. Starting Rehearse requeues running jobs and
 * marks open recordings interrupted, which is right after a crash and wrong while another process
 * (the desktop app, `npm run web`, the CLI) is still using them, so a second owner is refused.
 *
 * The lock is SQLite's own exclusive file lock on a small database beside the data: the OS drops
 * it when the process ends for any reason (kill -9, power cut), so a stale lock never needs
 * cleaning up, and it works the same in one process (two starts) as across processes.
 */
export function acquireDataLock(
  dataDir: string,
  owner: Pick<DataOwner, 'transport'>,
  now: Date = new Date(),
): DataLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, DATA_LOCK_FILE);
  const ownerPath = path.join(dataDir, DATA_OWNER_FILE);
  let sqlite: BetterSqlite3.Database;
  try {
    // timeout 0: an owned folder is refused at once instead of waiting for it.
    sqlite = new BetterSqlite3(lockPath, { timeout: 0, ...sqliteNativeBinding() });
  } catch (error) {
    throw lockError(lockPath, error);
  }
  try {
    // In exclusive locking mode SQLite keeps the write lock after the transaction ends, until
    // the connection closes.
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.exec('BEGIN EXCLUSIVE');
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS owner (pid INTEGER NOT NULL, started_at TEXT NOT NULL)',
    );
    sqlite.exec('DELETE FROM owner');
    sqlite
      .prepare('INSERT INTO owner (pid, started_at) VALUES (?, ?)')
      .run(process.pid, now.toISOString());
    sqlite.exec('COMMIT');
  } catch (error) {
    sqlite.close();
    if (isBusy(error)) throw inUseError(dataDir, readOwner(ownerPath));
    throw lockError(lockPath, error);
  }
  const me: DataOwner = {
    pid: process.pid,
    host: os.hostname(),
    transport: owner.transport,
    startedAt: now.toISOString(),
  };
  fs.writeFileSync(ownerPath, `${JSON.stringify(me)}\n`);
  let released = false;
  return {
    dataDir,
    release: () => {
      if (released) return;
      released = true;
      // The owner file only describes the lock; remove it first so no one reads a stale name.
      fs.rmSync(ownerPath, { force: true });
      sqlite.close();
    },
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Best effort: the owner file may be missing or half written while the owner starts. */
function readOwner(ownerPath: string): DataOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(ownerPath, 'utf8')) as Partial<DataOwner>;
    return typeof parsed.pid === 'number' && typeof parsed.transport === 'string'
      ? (parsed as DataOwner)
      : null;
  } catch {
    return null;
  }
}

function describeOwner(owner: DataOwner | null): string {
  if (!owner) return 'another Rehearse';
  const what =
    owner.transport === 'electron'
      ? 'the Rehearse desktop app'
      : 'another Rehearse (`npm run web` or the `rehearse` command)';
  return `${what} (process ${owner.pid} on ${owner.host}, since ${owner.startedAt})`;
}

function inUseError(dataDir: string, owner: DataOwner | null): AppError {
  return new AppError(
    'CONFLICT',
    `Rehearse's data folder ${dataDir} is in use by ${describeOwner(owner)}. ` +
      `Only one Rehearse can use a data folder at a time, so nothing was opened or changed. ` +
      `Close the other one and try again, or set REHEARSE_DATA_DIR to use another folder.`,
    { dataDir, owner },
  );
}

function lockError(lockPath: string, error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError(
    'DATABASE',
    `Rehearse cannot lock its data folder through ${lockPath}: ${reason}. Nothing was changed; ` +
      `if no Rehearse is running, delete that file and start again.`,
  );
}
