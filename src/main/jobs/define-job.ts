import type { z } from 'zod';
import type { JobType } from './job-types';

export interface JobContext {
  readonly jobId: string;
  readonly signal: AbortSignal;
  progress(step: string, current: number, total: number): void;
}

/** A declared job type with the code that runs it: what the queue is given. */
export interface JobDefinition<T extends JobType = JobType> extends JobType<T['payload']> {
  run(payload: z.output<T['payload']>, ctx: JobContext): Promise<void>;
}

/**
 * The one shape of a job handler: a feature pairs a declaration from jobs/job-types.ts with its
 * run function, made from whatever the feature needs (its service context, an engine).
 */
export function defineJob<T extends JobType, Deps>(
  job: T,
  makeRun: (deps: Deps) => JobDefinition<T>['run'],
): (deps: Deps) => JobDefinition<T> {
  return (deps) => ({ ...job, run: makeRun(deps) });
}
