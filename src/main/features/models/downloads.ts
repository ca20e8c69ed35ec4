import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { JobInfo } from '../../../shared/contract';
import type { DownloadState, ManifestEntry } from '../../../shared/contract/models';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { EventBus } from '../../platform/event-bus';
import type { Repositories } from '../../storage/repositories';
import type { JobDefinition, JobQueue } from '../../jobs/job-queue';
import { DownloadError, downloadFile } from '../../engines/models/downloader';
import { entryLoadPath, entrySize, manifestEntry } from '../../engines/models/manifest';
import { fileSize, partialBytes } from '../../engines/models/partial-download';
import type { DownloadStates, ModelService } from './model-service';

export const MODEL_DOWNLOAD_JOB = 'model-download';

const payloadSchema = z.object({ modelId: z.string().min(1).max(120) });

export interface DownloadTuning {
  readonly retries?: number;
  readonly backoffMs?: number;
  readonly idleTimeoutMs?: number;
  /** How often progress is pushed to the UI at most; default 250 ms. */
  readonly progressIntervalMs?: number;
  /** Free bytes on the disk holding `folder` (tests simulate a full disk); default statfs. */
  readonly freeBytes?: (folder: string) => number;
}

function statfsFreeBytes(folder: string): number {
  const stats = fs.statfsSync(folder);
  return stats.bavail * stats.bsize;
}

interface Live {
  readonly jobId: string;
  bytes: number;
  readonly total: number;
  /** Recent (time, bytes) samples: speed over the last few seconds, not since the start. */
  readonly samples: { t: number; bytes: number }[];
  lastEmit: number;
}

const SPEED_WINDOW_MS = 5000;

/**
 * Model downloads as persisted jobs: a row per download, so one interrupted by a
 * crash or a closed laptop resumes from its .part when the app starts again. Pause is a cancel
 * that keeps the .part; cancel also deletes it; resume is a new job that continues from it.
 */
export class ModelDownloads implements DownloadStates {
  private readonly live = new Map<string, Live>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly ctx: {
      readonly repos: Pick<Repositories, 'jobs'>;
      readonly jobs: JobQueue;
      readonly events: EventBus;
      readonly clock: Clock;
    },
    private readonly models: ModelService,
    private readonly tuning: DownloadTuning = {},
  ) {}

  definition(): JobDefinition<typeof payloadSchema> {
    return {
      type: MODEL_DOWNLOAD_JOB,
      payload: payloadSchema,
      // Dropped connections are retried inside the downloader, with backoff; a failure that
      // gets out (wrong checksum, 404, full disk) would fail the same way again at once.
      maxAttempts: 1,
      run: ({ modelId }, job) => {
        const run = this.download(modelId, job.jobId, job.signal, (step, current, total) =>
          job.progress(step, current, total),
        );
        const tracked = run.catch(() => undefined).finally(() => this.running.delete(modelId));
        this.running.set(modelId, tracked);
        return run;
      },
    };
  }

  async start(modelId: string): Promise<{ jobId: string }> {
    const entry = this.entry(modelId);
    if (this.models.registry.get(modelId)) {
      throw new AppError('INVALID_STATE', `${entry.name} is already installed.`);
    }
    const active = await this.activeJob(modelId);
    if (active) return { jobId: active.id };
    const jobId = await this.ctx.jobs.enqueue(MODEL_DOWNLOAD_JOB, { modelId });
    this.ctx.jobs.kick();
    return { jobId };
  }

  async pause(modelId: string): Promise<void> {
    this.entry(modelId);
    const active = await this.activeJob(modelId);
    if (!active) throw new AppError('INVALID_STATE', `${modelId} is not downloading.`);
    await this.stop(modelId, active.id);
  }

  async cancel(modelId: string): Promise<void> {
    const entry = this.entry(modelId);
    const active = await this.activeJob(modelId);
    if (active) await this.stop(modelId, active.id);
    this.removePartial(entry);
  }

  /** `jobs.cancel` on a download job: the same as cancelling the model's download. */
  async cancelJob(jobId: string): Promise<JobInfo> {
    const row = await this.ctx.repos.jobs.byId(jobId);
    const modelId = row ? payloadModelId(row.payload) : null;
    if (modelId === null) return this.ctx.jobs.cancel(jobId);
    const job = await this.ctx.jobs.get(jobId);
    if (job.status !== 'queued' && job.status !== 'running') return this.ctx.jobs.cancel(jobId);
    await this.cancel(modelId);
    return this.ctx.jobs.get(jobId);
  }

  async discard(modelId: string): Promise<void> {
    const entry = manifestEntry(this.models.manifest, modelId);
    if (!entry) return;
    const active = await this.activeJob(modelId);
    if (active) await this.stop(modelId, active.id);
    if (!this.models.registry.get(modelId)) this.removePartial(entry);
  }

  async state(modelId: string): Promise<DownloadState | null> {
    const entry = manifestEntry(this.models.manifest, modelId);
    if (!entry || this.models.registry.get(modelId)) return null;
    const total = entrySize(entry);
    const active = await this.activeJob(modelId);
    const live = this.live.get(modelId);
    if (active) {
      const bytes = live?.bytes ?? this.bytesOnDisk(entry);
      const speed = live ? bytesPerSecond(live) : 0;
      return {
        status: active.status === 'running' ? 'running' : 'queued',
        jobId: active.id,
        bytes,
        total,
        bytesPerSecond: speed,
        etaSeconds: speed > 0 ? Math.ceil((total - bytes) / speed) : null,
        error: null,
      };
    }
    const bytes = this.bytesOnDisk(entry);
    if (bytes === 0) return null;
    const last = await this.lastJob(modelId);
    return {
      status: 'paused',
      jobId: null,
      bytes,
      total,
      bytesPerSecond: 0,
      etaSeconds: null,
      error: last?.status === 'failed' ? last.error : null,
    };
  }

  private async download(
    modelId: string,
    jobId: string,
    signal: AbortSignal,
    progress: (step: string, current: number, total: number) => void,
  ): Promise<void> {
    const entry = this.entry(modelId);
    const { registry } = this.models;
    if (registry.get(modelId)) return;
    const folder = registry.folderOf(entry.kind, entry.id);
    const total = entrySize(entry);
    this.checkFreeSpace(entry, folder);
    const live: Live = { jobId, bytes: 0, total, samples: [], lastEmit: 0 };
    this.live.set(modelId, live);
    try {
      let before = 0;
      const files = [];
      for (const file of entry.files) {
        const dest = path.join(folder, file.path);
        const sha256 =
          fileSize(dest) === file.size && file.sha256 !== null
            ? file.sha256 // verified and renamed by an earlier, interrupted run
            : await downloadFile({
                url: file.url,
                dest,
                size: file.size,
                sha256: file.sha256,
                signal,
                onBytes: (bytes) => this.report(modelId, live, before + bytes, progress),
                ...(this.tuning.retries !== undefined && { retries: this.tuning.retries }),
                ...(this.tuning.backoffMs !== undefined && { backoffMs: this.tuning.backoffMs }),
                ...(this.tuning.idleTimeoutMs !== undefined && {
                  idleTimeoutMs: this.tuning.idleTimeoutMs,
                }),
              });
        files.push({ path: file.path, size: file.size, sha256 });
        before += file.size;
      }
      if (signal.aborted) return;
      registry.add({
        id: entry.id,
        kind: entry.kind,
        name: entry.name,
        source: 'download',
        manifestId: entry.id,
        path: path.posix.join(entry.kind, entry.id, entryLoadPath(entry)),
        files,
        installedAt: this.ctx.clock.now().toISOString(),
      });
      live.lastEmit = 0;
      this.report(modelId, live, total, progress);
    } finally {
      this.live.delete(modelId);
    }
  }

  private report(
    modelId: string,
    live: Live,
    bytes: number,
    progress: (step: string, current: number, total: number) => void,
  ): void {
    const now = performance.now();
    live.bytes = bytes;
    live.samples.push({ t: now, bytes });
    while (live.samples.length > 2 && now - live.samples[0]!.t > SPEED_WINDOW_MS) {
      live.samples.shift();
    }
    if (bytes < live.total && now - live.lastEmit < (this.tuning.progressIntervalMs ?? 250)) return;
    live.lastEmit = now;
    progress('downloading', bytes, live.total);
    const speed = bytesPerSecond(live);
    this.ctx.events.emit('model.download', {
      modelId,
      jobId: live.jobId,
      bytes,
      total: live.total,
      bytesPerSecond: speed,
      etaSeconds: speed > 0 ? Math.ceil((live.total - bytes) / speed) : null,
    });
  }

  /** Fails before the first byte when the rest of the model cannot fit, rather than at 90 %. */
  private checkFreeSpace(entry: ManifestEntry, folder: string): void {
    fs.mkdirSync(folder, { recursive: true });
    const needed = entrySize(entry) - this.bytesOnDisk(entry);
    const free = (this.tuning.freeBytes ?? statfsFreeBytes)(folder);
    if (free < needed) {
      throw new DownloadError(
        'disk-full',
        `Not enough disk space for ${entry.name}: it needs ${Math.ceil(needed / 1e6)} MB more and ${Math.floor(free / 1e6)} MB are free. Free some space, then download it again.`,
      );
    }
  }

  /** Cancels the job and waits until its run has stopped writing. */
  private async stop(modelId: string, jobId: string): Promise<void> {
    await this.ctx.jobs.cancel(jobId);
    await this.running.get(modelId);
  }

  private removePartial(entry: ManifestEntry): void {
    const folder = this.models.registry.folderOf(entry.kind, entry.id);
    if (!this.models.registry.get(entry.id)) fs.rmSync(folder, { recursive: true, force: true });
  }

  private bytesOnDisk(entry: ManifestEntry): number {
    return partialBytes(this.models.registry, entry);
  }

  private entry(modelId: string): ManifestEntry {
    const entry = manifestEntry(this.models.manifest, modelId);
    if (!entry) throw notFound('Model', modelId);
    return entry;
  }

  private async activeJob(modelId: string) {
    return (await this.jobsFor(modelId)).find(
      (j) => j.status === 'queued' || j.status === 'running',
    );
  }

  private async lastJob(modelId: string) {
    return (await this.jobsFor(modelId))[0];
  }

  /** This model's download jobs, newest first. */
  private async jobsFor(modelId: string) {
    const rows = await this.ctx.repos.jobs.ofTypeNewestFirst(MODEL_DOWNLOAD_JOB);
    return rows.filter((r) => payloadModelId(r.payload) === modelId);
  }
}

function payloadModelId(payload: string): string | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data.modelId : null;
  } catch {
    return null;
  }
}

function bytesPerSecond(live: Live): number {
  const first = live.samples[0];
  const last = live.samples.at(-1);
  if (!first || !last || last.t - first.t < 200) return 0;
  return Math.round(((last.bytes - first.bytes) * 1000) / (last.t - first.t));
}
