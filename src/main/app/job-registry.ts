import type { LlmService } from '../engines/llm/llm-service';
import type { SpeechEngine } from '../engines/speech/speech-pipeline';
import type { JobDefinition } from '../jobs/define-job';
import type { JobQueue } from '../jobs/job-queue';
import { JOB_TYPES } from '../jobs/job-types';
import { llmFollowUpJob } from '../features/follow-ups/llm-follow-up-job';
import { scoreFollowUpJob } from '../features/follow-ups/score-follow-up-job';
import { scoreAnswerJob } from '../features/interviews/score-answer-job';
import { modelDownloadJob, type ModelDownloads } from '../features/models/downloads';
import { questionGenerationJob } from '../features/question-generation/question-generation-job';
import type { DuplicateCheck } from '../features/question-generation/question-dedup';
import { transcribeRecordingJob } from '../features/recording/transcription-job';
import type { ServiceContext } from '../features/service-context';
import { writtenFeedbackJob } from '../features/written-feedback/written-feedback-job';

/** What the job handlers are made from. */
export interface JobDependencies {
  readonly ctx: ServiceContext;
  readonly dataDir: string;
  readonly llm: LlmService;
  readonly isDuplicate: DuplicateCheck;
  readonly speech: () => SpeechEngine | null;
  readonly modelDownloads: ModelDownloads;
}

/**
 * The job registry: every declared job type (jobs/job-types.ts) with the feature code that runs it
 * (ARCHITECTURE.md, Jobs). A declared type without a handler stops the start, so a job can never be
 * enqueued that nothing runs.
 */
export function jobHandlers(d: JobDependencies): JobDefinition[] {
  const handlers: JobDefinition[] = [
    scoreAnswerJob(d.ctx),
    scoreFollowUpJob(d.ctx),
    llmFollowUpJob({ ctx: d.ctx, llm: d.llm }),
    writtenFeedbackJob({ ctx: d.ctx, llm: d.llm }),
    questionGenerationJob({ ctx: d.ctx, llm: d.llm, isDuplicate: d.isDuplicate }),
    transcribeRecordingJob({ ctx: d.ctx, dataDir: d.dataDir, engine: d.speech }),
    modelDownloadJob(d.modelDownloads),
  ];
  const missing = Object.values(JOB_TYPES).filter(
    (declared) => !handlers.some((h) => h.type === declared.type),
  );
  if (missing.length > 0)
    throw new Error(`no handler for job types: ${missing.map((j) => j.type).join(', ')}`);
  return handlers;
}

/** Gives each queue the handlers of the lanes it runs. */
export function registerJobs(
  queues: { readonly jobs: JobQueue; readonly modelJobs: JobQueue },
  d: JobDependencies,
): void {
  for (const handler of jobHandlers(d))
    (handler.lane === 'model-download' ? queues.modelJobs : queues.jobs).define(handler);
}
