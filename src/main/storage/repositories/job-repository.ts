import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import { parseObject } from '../../platform/json';
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

  /** The ids that failed jobs of `type` name in their payload under `key` (e.g. "answerId"). */
  async idsInFailedJobs(type: string, key: string): Promise<string[]> {
    const failed = await this.db
      .selectFrom('jobs')
      .select('payload')
      .where('type', '=', type)
      .where('status', '=', 'failed')
      .execute();
    return failed.flatMap((j) => {
      const id = parseObject(j.payload)[key];
      return typeof id === 'string' ? [id] : [];
    });
  }

  /** Removes the jobs that name the session or one of its answers. */
  async deleteJobsOfSession(sessionId: string): Promise<void> {
    await sql`DELETE FROM jobs WHERE json_extract(payload, '$.answerId') IN
        (SELECT id FROM answers WHERE session_id = ${sessionId})
        OR json_extract(payload, '$.sessionId') = ${sessionId}`.execute(this.db);
  }

  /** Removes the jobs that name the profile, one of its sessions or one of their answers. */
  async deleteJobsOfProfile(profileId: string): Promise<void> {
    await sql`DELETE FROM jobs WHERE json_extract(payload, '$.answerId') IN
        (SELECT a.id FROM answers a JOIN interview_sessions s ON s.id = a.session_id
          WHERE s.user_id = ${profileId})
        OR json_extract(payload, '$.sessionId') IN
          (SELECT id FROM interview_sessions WHERE user_id = ${profileId})
        OR json_extract(payload, '$.profileId') = ${profileId}`.execute(this.db);
  }

  /** Whether a job of `type` with exactly this payload is queued or running. */
  async hasUnfinishedJob(type: string, payload: string): Promise<boolean> {
    const running = await this.db
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', type)
      .where('status', 'in', ['queued', 'running'])
      .where('payload', '=', payload)
      .executeTakeFirst();
    return running !== undefined;
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
