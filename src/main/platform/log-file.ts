import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';

export const LOG_FILE = 'main.log';
/** The one older log kept beside it after a rotation. */
export const OLD_LOG_FILE = 'main.old.log';
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogFile {
  readonly path: string;
  write(level: LogLevel, ...parts: unknown[]): void;
}

/**
 * The desktop app's log: what the main process prints, in a file a person can send with a bug
 * report (an installed app has no terminal). Lines are appended synchronously so the last words
 * before a crash are on disk; past `maxBytes` the file becomes main.old.log and a new one starts.
 * A log that cannot be written never stops the app.
 */
export function openLogFile(
  dir: string,
  options: { readonly maxBytes?: number; readonly now?: () => Date } = {},
): LogFile {
  const file = path.join(dir, LOG_FILE);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const now = options.now ?? (() => new Date());
  let size = 0;
  try {
    fs.mkdirSync(dir, { recursive: true });
    size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  } catch {
    // Reported on the first write, if that fails too.
  }
  return {
    path: file,
    write(level, ...parts) {
      const line = `${now().toISOString()} ${level.toUpperCase()} ${format(...parts)}\n`;
      try {
        if (size > 0 && size + Buffer.byteLength(line) > maxBytes) {
          fs.renameSync(file, path.join(dir, OLD_LOG_FILE));
          size = 0;
        }
        fs.appendFileSync(file, line);
        size += Buffer.byteLength(line);
      } catch {
        // A full disk or a read-only folder must not take the app down with it.
      }
    },
  };
}

/** Copies console.log/info/warn/error into the log as well; returns a function that undoes it. */
export function teeConsoleTo(log: LogFile, target: Console = console): () => void {
  const original = {
    log: target.log,
    info: target.info,
    warn: target.warn,
    error: target.error,
  };
  const tee =
    (level: LogLevel, print: (...parts: unknown[]) => void) =>
    (...parts: unknown[]) => {
      log.write(level, ...parts);
      print.apply(target, parts);
    };
  target.log = tee('info', original.log);
  target.info = tee('info', original.info);
  target.warn = tee('warn', original.warn);
  target.error = tee('error', original.error);
  return () => Object.assign(target, original);
}
