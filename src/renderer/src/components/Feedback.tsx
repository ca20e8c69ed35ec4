import type { ReactNode } from 'react';
import { errorMessage } from '../api/errors';

/** A failure the person should read now; `role="alert"` makes screen readers announce it. */
export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  if (error === undefined || error === null) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{errorMessage(error)}</p>
      {children}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** A whole screen that could not load: the error, and a way to try again. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <ErrorAlert error={error}>
      <button type="button" className="button button--small" onClick={onRetry}>
        Try again
      </button>
    </ErrorAlert>
  );
}
