import type { Kysely } from 'kysely';
import type { Clock, IdGenerator } from '../platform/clock';
import type { EventBus } from '../platform/event-bus';
import type { DatabaseSchema } from '../storage/schema';
import type { JobQueue } from '../jobs/job-queue';
import type { EvaluatorProvider } from '../assessment/evaluator-provider';
import type { Repositories } from '../storage/repositories';

/** What every service gets: injected so tests swap in a fake clock and deterministic ids. */
export interface ServiceContext {
  /** For transactions only (withRepositories); queries go through `repos`. */
  readonly db: Kysely<DatabaseSchema>;
  /** One repository per aggregate: the only code that writes SQL. */
  readonly repos: Repositories;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events: EventBus;
  readonly jobs: JobQueue;
  /** Scores answers with every engine installed (lexical always). */
  readonly evaluator: EvaluatorProvider;
}
