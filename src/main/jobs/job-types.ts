import { z } from 'zod';

/**
 * The lanes jobs run in. Jobs of one lane run one at a time, oldest first; lanes run at the same
 * time, so slow work never holds up answer scoring: a model download takes minutes, generating
 * questions many seconds per question on a CPU, and wording a follow-up must not wait for either
 * (the LLM worker still serves one request at a time). Written feedback stays in the main lane:
 * it must run after the session's scoring.
 */
export const JOB_LANES = [
  'main',
  'question-generation',
  'llm-follow-up',
  'model-download',
] as const;
export type JobLaneName = (typeof JOB_LANES)[number];

/** What a job type is, independent of the code that runs it (ARCHITECTURE.md, Jobs). */
export interface JobType<S extends z.ZodType = z.ZodType> {
  readonly type: string;
  /** Payloads are validated when enqueued and again when loaded: rows outlive code versions. */
  readonly payload: S;
  readonly lane: JobLaneName;
  readonly maxAttempts: number;
}

function jobType<S extends z.ZodType>(declaration: JobType<S>): JobType<S> {
  return declaration;
}

const id = z.string().min(1);

/**
 * Every background job, declared once. Any feature may enqueue one of these without importing the
 * feature that runs it; `app/job-registry.ts` pairs each with its handler.
 */
export const JOB_TYPES = {
  /** Scores one answer and stores its feedback; re-running replaces the earlier feedback. */
  scoreAnswer: jobType({
    type: 'score-answer',
    payload: z.object({ answerId: id }),
    lane: 'main',
    maxAttempts: 3,
  }),
  /** Scores a follow-up answer and credits what it added to the main answer. */
  scoreFollowUp: jobType({
    type: 'score-follow-up',
    payload: z.object({ followUpId: id, answerId: id }),
    lane: 'main',
    maxAttempts: 3,
  }),
  /**
   * Words a follow-up question with the local LLM (the rules' wording stays if it fails). One
   * attempt: a follow-up is only useful while it is on screen; a retry would come too late.
   */
  llmFollowUp: jobType({
    type: 'llm-follow-up',
    payload: z.object({ followUpId: id }),
    lane: 'llm-follow-up',
    maxAttempts: 1,
  }),
  /** Written feedback on a finished session, by the LLM where installed, else by the rules. */
  writtenFeedback: jobType({
    type: 'written-feedback',
    payload: z.object({ sessionId: id }),
    lane: 'main',
    maxAttempts: 2,
  }),
  /** New questions for an interview from the local LLM (one attempt: useful only while it runs). */
  generateQuestions: jobType({
    type: 'generate-interview-questions',
    payload: z.object({ sessionId: id }),
    lane: 'question-generation',
    maxAttempts: 1,
  }),
  /** Transcribes a recorded answer and measures its delivery, then scores it. */
  transcribeRecording: jobType({
    type: 'transcribe-recording',
    payload: z.object({ recordingId: id }),
    lane: 'main',
    maxAttempts: 2,
  }),
  /** Downloads, verifies and installs one model from the manifest. */
  modelDownload: jobType({
    type: 'model-download',
    payload: z.object({ modelId: z.string().min(1).max(120) }),
    lane: 'model-download',
    maxAttempts: 1,
  }),
} as const;

export type JobPayload<T extends JobType> = z.input<T['payload']>;

/** The job types of some lanes. */
export function typesOf(lanes: readonly JobLaneName[]): string[] {
  return Object.values(JOB_TYPES)
    .filter((job) => lanes.includes(job.lane))
    .map((job) => job.type);
}
