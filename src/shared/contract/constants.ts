// Plain values of the contract, with no zod import, so the renderer can use them without pulling
// the schema library into its bundle.
export const levels = ['entry', 'intermediate', 'senior'] as const;
export const questionTypes = [
  'behavioral',
  'situational',
  'technical',
  'role-specific',
  'motivation',
] as const;

/** The longest typed or transcribed answer we accept: about 30 minutes of fast speech. */
export const MAX_ANSWER_CHARS = 50_000;

/** A pasted job description is at most this long (about four pages). */
export const MAX_JOB_DESCRIPTION_CHARS = 10_000;

export const MIN_QUESTIONS = 1;
export const MAX_QUESTIONS = 15;

/** Every kind of model file the app can use; each is optional (the app works with none). */
export const modelKinds = ['embeddings', 'whisper', 'vad', 'llm'] as const;
/** Raw webm bytes per recording.appendVideo call (base64 of it stays under 900 kB). */
export const VIDEO_PIECE_BYTES = 600_000;
