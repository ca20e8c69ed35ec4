import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, JobsTable } from '../schema';

export type JobRow = Selectable<JobsTable>;

/** Which job types a query may touch: `only` (null or absent: any) minus `except`. */
export interface JobTypeFilter {
  readonly only?: readonly string[] | null;
  readonly except?: readonly string[];
}

/** The persisted job queue (jobs). The only code that reads or writes these tables. */
export class JobRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}

  async insert(job: {
    id: string;
    type: string;
    payload: string;
    maxAttempts: number;
    now: string;
  }): Promise<void> {
    await this.db
      .insertInto('jobs')
      .values({
        id: job.id,
        type: job.type,
        payload: job.payload,
        status: 'queued',
        max_attempts: job.maxAttempts,
        error: null,
        created_at: job.now,
        updated_at: job.now,
      })
      .execute();
  }

  async byId(jobId: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
  }

  /** Puts every running job of the given types back in the queue (after a crash). */
  async requeueRunning(types: JobTypeFilter, now: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'queued', updated_at: now })
      .where('status', '=', 'running')
      .where(ofTypes(types))
      .execute();
  }

  /** The oldest queued job of the given types, if any. */
  async nextQueued(types: JobTypeFilter): Promise<JobRow | undefined> {
    return this.db
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'queued')
      .where(ofTypes(types))
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  }

  async markRunning(jobId: string, attempts: number, now: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'running', attempts, updated_at: now })
      .where('id', '=', jobId)
      .execute();
  }

  async setStatus(jobId: string, status: string, error: string | null, now: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status, error, updated_at: now })
      .where('id', '=', jobId)
      .execute();
  }

  /** Every job of one type, newest first. */
  async ofTypeNewestFirst(type: string): Promise<JobRow[]> {
    return this.db
      .selectFrom('jobs')
      .selectAll()
      .where('type', '=', type)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }
}

function ofTypes(types: JobTypeFilter) {
  return (eb: ExpressionBuilder<DatabaseSchema, 'jobs'>) => {
    const conditions = [];
    if (types.only) conditions.push(eb('type', 'in', [...types.only]));
    if (types.except && types.except.length > 0)
      conditions.push(eb('type', 'not in', [...types.except]));
    return eb.and(conditions);
  };
}
