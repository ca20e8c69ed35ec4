import { ApiError } from './client';

export function isOffline(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'OFFLINE';
}

/** The sentence to show a person for any failure, never a stack trace. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const issues = validationIssues(error);
    if (issues.length > 0) return issues.map((i) => capitalize(i.message)).join('. ');
    // Some service messages start mid-sentence ("the pack is not a valid question pack: …").
    return capitalize(error.message);
  }
  if (error instanceof Error) return `Something went wrong: ${error.message}`;
  return 'Something went wrong.';
}

/**
 * Validation failures name the field they are about (`name`, `skills.2`); forms use this to put
 * each message next to its input instead of in one line at the top.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of validationIssues(error)) {
    const field = issue.path.split('.')[0] ?? '';
    if (field && !(field in out)) out[field] = capitalize(issue.message);
  }
  return out;
}

export interface ValidationIssue {
  path: string;
  message: string;
}

/** The issues of a VALIDATION failure, each with the path of the field it is about; none otherwise. */
export function validationIssues(error: unknown): ValidationIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return [];
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('issues' in details)) return [];
  const { issues } = details;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i: unknown) => {
    if (typeof i !== 'object' || i === null) return [];
    const path = 'path' in i && typeof i.path === 'string' ? i.path : '';
    const message = 'message' in i && typeof i.message === 'string' ? i.message : '';
    return message ? [{ path, message }] : [];
  });
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
