import { z } from 'zod';
import { levels, questionTypes } from './constants';

export { levels, questionTypes, MAX_ANSWER_CHARS, MIN_QUESTIONS, MAX_QUESTIONS } from './constants';

export const levelSchema = z.enum(levels);
export type Level = z.infer<typeof levelSchema>;

export const questionTypeSchema = z.enum(questionTypes);
export type QuestionType = z.infer<typeof questionTypeSchema>;

/** Ids are opaque strings: UUIDs for rows we create, stable slugs for built-in bank rows. */
export const idSchema = z
  .string()
  .min(1, 'an id is required')
  .max(100, 'an id is at most 100 characters');

/** ISO-8601 timestamps cross the boundary as strings so every transport carries them the same way. */
export const isoDateSchema = z.string();

/** Every handler that touches a person's data names the profile; the service checks ownership. */
export const profileScoped = { profileId: idSchema };

/**
 * Errors crossing a transport keep a machine-readable code so the UI can react (e.g. NOT_FOUND
 * goes back to the home screen) and a message written for the person using the app.
 */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_HANDLER',
  'NOT_FOUND',
  'INVALID_STATE',
  'WRONG_QUESTION',
  'CONFLICT',
  'UNAUTHORIZED',
  'DATABASE',
  'INTERNAL',
  /** The background process stopped and is being restarted (or keeps stopping): try again. */
  'UNAVAILABLE',
  /** Raised by a client when the services cannot be reached at all. */
  'OFFLINE',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** `details.issues` of a VALIDATION error: which field (dotted path) and what is wrong with it. */
export const validationIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;
