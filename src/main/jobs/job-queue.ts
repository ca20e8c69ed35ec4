import type { Kysely } from 'kysely';
import type { JobInfo, JobStatus } from '../../shared/contract';
import type { Clock, IdGenerator } from '../platform/clock';
import { AppError, notFound } from '../platform/errors';
import type { EventBus } from '../platform/event-bus';
import type { DatabaseSchema } from '../storage/schema';
import { JobRepository, type JobRow } from '../storage/repositories/job-repository';
import type { JobDefinition } from './define-job';
import type { JobPayload, JobType } from './job-types';

type Db = Kysely<DatabaseSchema>;

/**
 * Which job types a queue runs, for a second queue beside the main one: a model download takes
 * minutes and must not hold up answer scoring, which runs one job at a time.
 */
export interface JobLane {
  readonly only?: readonly string[];
  readonly except?: readonly string[];
  /**
   * Groups of job types that each run in a lane of their own, at the same time as the rest:
   * language-model work takes seconds to minutes on a CPU and must not hold up answer scoring.
   * Within a lane, jobs still run one at a time, oldest first.
   */
  readonly separate?: readonly (readonly string[])[];
}

/** The types one lane runs: `only` (null: any) minus `except`. */
interface LaneFilter {
  readonly only: readonly string[] | null;
  readonly except: readonly string[];
}

/**
 * Long work as persisted jobs: a row per job, run one at a time per lane off the
 * caller's path, retried up to maxAttempts, cancellable, and picked up again after a crash.
 */
export class JobQueue {
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly running = new Map<string, AbortController>();
  private readonly lanes: LaneFilter[];
  /** What each lane is draining now (by lane index). */
  private readonly draining = new Map<number, Promise<void>>();
  private stopped = false;
  private readonly rows: JobRepository;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly events: EventBus,
    private readonly lane: JobLane = {},
  ) {
    this.rows = new JobRepository(db);
    const separate = lane.separate ?? [];
    const except = lane.except ?? [];
    this.lanes = [
      { only: lane.only ?? null, except: [...except, ...separate.flat()] },
      ...separate.map((types) => ({
        only: lane.only ? types.filter((t) => lane.only!.includes(t)) : types,
        except,
      })),
    ].filter((l) => l.only === null || l.only.length > 0);
  }

  define<T extends JobType>(definition: JobDefinition<T>): void {
    if (this.definitions.has(definition.type)) {
      throw new Error(`job type "${definition.type}" is defined twice`);
    }
    this.definitions.set(definition.type, definition);
  }

  /**
   * Inserts the job row; pass a transaction's job repository so the
   * job commits together with its cause.
   */
  async enqueue<T extends JobType>(
    job: T,
    payload: JobPayload<T>,
    into: JobRepository = this.rows,
  ): Promise<string> {
    const type = job.type;
    const definition = this.definitions.get(type);
    if (!definition) throw new Error(`unknown job type "${type}"`);
    const parsed = definition.payload.parse(payload);
    const id = this.ids();
    await into.insert({
      id,
      type,
      payload: JSON.stringify(parsed),
      maxAttempts: definition.maxAttempts,
      now: this.clock.now().toISOString(),
    });
    return id;
  }

  /** Re-queues what was running when the app died, then runs everything queued. */
  async start(): Promise<void> {
    this.stopped = false;
    // Only this lane's rows: another queue on the same table may be running its own job now.
    await this.rows.requeueRunning(this.lane, this.clock.now().toISOString());
    this.kick();
  }

  /** Starts draining each lane that is not already; safe to call after every enqueue. */
  kick(): void {
    if (this.stopped) return;
    this.lanes.forEach((lane, index) => {
      if (this.draining.has(index)) return;
      this.draining.set(
        index,
        this.drain(lane).finally(() => this.draining.delete(index)),
      );
    });
  }

  /** Resolves when nothing is queued or running (used by the CLI and tests). */
  async whenIdle(): Promise<void> {
    while (this.draining.size > 0) await Promise.all(this.draining.values());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const controller of this.running.values()) controller.abort();
    await this.whenIdle();
  }

  async get(jobId: string): Promise<JobInfo> {
    const row = await this.rows.byId(jobId);
    if (!row) throw notFound('Job', jobId);
    return toJobInfo(row);
  }

  async cancel(jobId: string): Promise<JobInfo> {
    const job = await this.get(jobId);
    if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') {
      throw new AppError('INVALID_STATE', `Job "${jobId}" has already ended (${job.status}).`);
    }
    await this.setStatus(jobId, 'cancelled', 'cancelled by the user');
    this.running.get(jobId)?.abort();
    this.events.emit('job.finished', { jobId, type: job.type, status: 'cancelled', error: null });
    return this.get(jobId);
  }

  private async drain(lane: LaneFilter): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const row = await this.rows.nextQueued(lane);
      if (!row) return;
      await this.runOne(row);
      // Yield to the event loop between jobs so handlers and I/O stay responsive.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async runOne(row: JobRow): Promise<void> {
    const attempts = row.attempts + 1;
    await this.rows.markRunning(row.id, attempts, this.clock.now().toISOString());
    const definition = this.definitions.get(row.type);
    const payload = definition?.payload.safeParse(safeJson(row.payload));
    if (!definition || !payload?.success) {
      const why = definition
        ? `its payload is invalid: ${payload?.error?.message}`
        : `no handler for "${row.type}"`;
      return this.finish(row.id, row.type, 'failed', `Job cannot run: ${why}`);
    }
    const controller = new AbortController();
    this.running.set(row.id, controller);
    try {
      await definition.run(payload.data, {
        jobId: row.id,
        signal: controller.signal,
        progress: (step, current, total) =>
          this.events.emit('job.progress', { jobId: row.id, type: row.type, step, current, total }),
      });
      if (controller.signal.aborted) return; // cancel() already recorded it
      await this.finish(row.id, row.type, 'done', null);
    } catch (error) {
      if (controller.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      if (attempts < row.max_attempts) await this.setStatus(row.id, 'queued', message);
      else await this.finish(row.id, row.type, 'failed', message);
    } finally {
      this.running.delete(row.id);
    }
  }

  private async finish(
    id: string,
    type: string,
    status: JobStatus,
    error: string | null,
  ): Promise<void> {
    await this.setStatus(id, status, error);
    this.events.emit('job.finished', { jobId: id, type, status, error });
  }

  private async setStatus(id: string, status: JobStatus, error: string | null): Promise<void> {
    await this.rows.setStatus(id, status, error, this.clock.now().toISOString());
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toJobInfo(row: JobRow): JobInfo {
  return {
    id: row.id,
    type: row.type,
    status: row.status as JobStatus,
    attempts: row.attempts,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
