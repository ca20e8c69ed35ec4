import type { AppErrorData, ErrorCode } from '../../shared/contract';

/**
 * An error meant for the person using the app: its message says what went wrong and what to do,
 * and its code lets the UI react. Anything else that escapes a handler is reported as INTERNAL.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toJSON(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function toAppErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Something went wrong inside Rehearse: ${message}` };
}

export function notFound(what: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${what} "${id}" was not found.`);
}
