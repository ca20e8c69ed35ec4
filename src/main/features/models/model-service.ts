import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  modelKinds,
  type DownloadState,
  type InstalledModel,
  type ManifestEntry,
  type ModelImportReport,
  type ModelKind,
  type ModelList,
  type ModelManifest,
  type ModelVerifyReport,
} from '../../../shared/contract/models';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { sha256File } from '../../engines/models/file-hash';
import { importModels } from './import-folder';
import { ENV_VARS, entrySize, loadManifest, manifestEntry } from '../../engines/models/manifest';
import { recommendModels, type MachineInfo } from '../../engines/models/recommend';
import { partialBytes } from '../../engines/models/partial-download';
import { ModelRegistry } from '../../engines/models/registry';
import { resolveInstalledModel } from '../../engines/models/resolve';

export interface ModelServiceOptions {
  readonly dataDir: string;
  readonly clock: Clock;
  readonly manifest?: ModelManifest;
  readonly env?: NodeJS.ProcessEnv;
  readonly machine?: MachineInfo;
}

/** Where downloads report their state; absent in contexts that cannot download (some tests). */
export interface DownloadStates {
  state(modelId: string): Promise<DownloadState | null>;
  /** Stops any download of the model and removes its partial files. */
  discard(modelId: string): Promise<void>;
}

export function machineInfo(): MachineInfo {
  return {
    totalRamMb: Math.round(os.totalmem() / 1024 / 1024),
    cpuCount: os.cpus().length,
  };
}

/** The model manager's read side and everything that is not a download. */
export class ModelService {
  readonly registry: ModelRegistry;
  readonly manifest: ModelManifest;
  readonly dataDir: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly machine: MachineInfo;
  private downloads: DownloadStates | null = null;

  constructor(private readonly options: ModelServiceOptions) {
    this.dataDir = options.dataDir;
    this.registry = new ModelRegistry(options.dataDir);
    this.manifest = options.manifest ?? loadManifest();
    this.env = options.env ?? process.env;
    this.machine = options.machine ?? machineInfo();
  }

  attachDownloads(downloads: DownloadStates): void {
    this.downloads = downloads;
  }

  async list(): Promise<ModelList> {
    const installed = this.registry.read();
    const recommendations = recommendModels(this.manifest, this.machine);
    const catalog = await Promise.all(
      this.manifest.models.map(async (entry) => ({
        entry,
        sizeBytes: entrySize(entry),
        installed: installed.models.find((m) => m.manifestId === entry.id) ?? null,
        download: this.downloads
          ? await this.downloads.state(entry.id)
          : this.partialOnly(entry, installed.models),
        recommended: recommendations.some((r) => r.modelId === entry.id),
      })),
    );
    const active = {} as Record<ModelKind, string | null>;
    const overrides = {} as Record<ModelKind, string | null>;
    for (const kind of modelKinds) {
      const resolved = resolveInstalledModel(this.dataDir, kind, this.env);
      overrides[kind] = resolved?.source === 'env' ? resolved.path : null;
      active[kind] = resolved && resolved.source !== 'env' ? resolved.id : null;
    }
    return {
      machine: this.machine,
      catalog,
      custom: installed.models.filter((m) => m.manifestId === null),
      active,
      overrides,
      recommendations,
    };
  }

  /** Without the job queue (the CLI's list): a partial download on disk shows as paused. */
  private partialOnly(
    entry: ManifestEntry,
    installed: readonly InstalledModel[],
  ): DownloadState | null {
    if (installed.some((m) => m.manifestId === entry.id)) return null;
    const bytes = partialBytes(this.registry, entry);
    return bytes === 0
      ? null
      : {
          status: 'paused',
          jobId: null,
          bytes,
          total: entrySize(entry),
          bytesPerSecond: 0,
          etaSeconds: null,
          error: null,
        };
  }

  async importFrom(source: string, kind?: ModelKind): Promise<ModelImportReport> {
    return importModels({
      registry: this.registry,
      manifest: this.manifest,
      clock: this.options.clock,
      source: path.resolve(source),
      ...(kind && { kind }),
    });
  }

  /** Re-hashes every installed file and compares it with what was recorded at install. */
  async verify(): Promise<ModelVerifyReport> {
    const report: ModelVerifyReport = [];
    for (const model of this.registry.list()) {
      const problems: string[] = [];
      const folder = this.registry.folderOf(model.kind, model.id);
      const expected = manifestEntry(this.manifest, model.manifestId ?? '');
      for (const file of model.files) {
        const full = path.join(folder, file.path);
        if (!fs.existsSync(full)) {
          problems.push(`${file.path} is missing`);
          continue;
        }
        const size = fs.statSync(full).size;
        if (size !== file.size) {
          problems.push(`${file.path} is ${size} bytes, expected ${file.size}`);
          continue;
        }
        const sha256 = await sha256File(full);
        const pinned = expected?.files.find((f) => f.path === file.path)?.sha256 ?? file.sha256;
        if (sha256 !== pinned) {
          problems.push(`${file.path} has sha256 ${sha256}, expected ${pinned}`);
        }
      }
      report.push({ id: model.id, ok: problems.length === 0, problems });
    }
    return report;
  }

  async delete(modelId: string): Promise<void> {
    const model = this.registry.get(modelId);
    const inManifest = manifestEntry(this.manifest, modelId);
    if (!model && !inManifest) throw notFound('Model', modelId);
    await this.downloads?.discard(modelId);
    if (model) {
      this.registry.remove(modelId);
      fs.rmSync(this.registry.folderOf(model.kind, model.id), { recursive: true, force: true });
    } else if (inManifest) {
      fs.rmSync(this.registry.folderOf(inManifest.kind, inManifest.id), {
        recursive: true,
        force: true,
      });
    }
  }

  async setActive(kind: ModelKind, modelId: string | null): Promise<void> {
    if (modelId !== null) {
      const model = this.registry.get(modelId);
      if (!model) throw notFound('Installed model', modelId);
      if (model.kind !== kind) {
        throw new AppError('VALIDATION', `${model.name} is a ${model.kind} model, not ${kind}.`);
      }
    }
    this.registry.setActive(kind, modelId);
  }

  /** The environment variable that overrides a kind, for messages. */
  static envVar(kind: ModelKind): string {
    return ENV_VARS[kind];
  }
}
