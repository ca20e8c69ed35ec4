import { parseArgs } from 'node:util';
import {
  modelKindSchema,
  type ModelImportReport,
  type ModelKind,
  type ModelList,
} from '../../../shared/contract/models';
import { startRehearse } from '../../app/rehearse-app';
import { systemClock } from '../../platform/clock';
import { resolveDataDir } from '../../platform/data-dir';
import { ModelService } from '../../features/models/model-service';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';

/**
 * `rehearse models …`: list, verify, import and delete work on the data folder's model registry
 * directly (no database needed); download runs the same persisted job as the app.
 */
export async function modelsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: [...rest],
    options: { json: { type: 'boolean', default: false }, kind: { type: 'string' } },
    allowPositionals: true,
  });
  const kind = parseKind(values.kind);
  const dataDir = resolveDataDir(io.env);
  const service = new ModelService({ dataDir, clock: systemClock, env: io.env });
  const print = (value: unknown, text: () => string) =>
    io.stdout(values.json ? `${JSON.stringify(value, null, 2)}\n` : text());
  switch (sub) {
    case 'list': {
      const list = await service.list();
      print(list, () => formatList(list));
      return 0;
    }
    case 'verify': {
      const report = await service.verify();
      print(report, () =>
        report.length === 0
          ? 'No models are installed.\n'
          : report
              .map((r) => (r.ok ? `ok    ${r.id}\n` : `BAD   ${r.id}: ${r.problems.join('; ')}\n`))
              .join(''),
      );
      return report.every((r) => r.ok) ? 0 : 1;
    }
    case 'import': {
      const source = positionals[0];
      if (!source) throw new UsageError('models import needs a folder (or a file).');
      const report = await service.importFrom(source, kind);
      print(report, () => formatImport(report));
      return report.installed.length + report.alreadyInstalled.length > 0 ? 0 : 1;
    }
    case 'download': {
      const id = positionals[0];
      if (!id) throw new UsageError('models download needs a model id (see models list).');
      return download(id, dataDir, io);
    }
    case 'delete': {
      const id = positionals[0];
      if (!id) throw new UsageError('models delete needs a model id (see models list).');
      await service.delete(id);
      io.stdout(`Deleted ${id}.\n`);
      return 0;
    }
    default:
      throw new UsageError(
        `Unknown models command "${sub ?? ''}": use list, verify, import, download or delete.`,
      );
  }
}

/** Runs the download job in this process, printing progress about once a second. */
async function download(modelId: string, dataDir: string, io: CliIo): Promise<number> {
  const app = await startRehearse({
    dataDir,
    transport: 'web',
    models: { env: io.env },
    engines: { embeddingModelDir: null, grammar: false, linguistics: false },
  });
  try {
    let last = 0;
    app.events.on('model.download', (e) => {
      const now = Date.now();
      if (now - last < 1000 && e.bytes < e.total) return;
      last = now;
      const eta = e.etaSeconds === null ? '' : `, ${formatSeconds(e.etaSeconds)} left`;
      io.stdout(
        `${modelId}: ${mb(e.bytes)} of ${mb(e.total)} (${Math.floor((100 * e.bytes) / e.total)}%), ${mb(e.bytesPerSecond)}/s${eta}\n`,
      );
    });
    const { jobId } = (await app.registry.invoke('models.download', { modelId })) as {
      jobId: string;
    };
    await app.modelJobs.whenIdle();
    const job = await app.jobs.get(jobId);
    if (job.status !== 'done') {
      io.stderr(`rehearse: downloading ${modelId} ${job.status}: ${job.error ?? ''}\n`);
      return 1;
    }
    io.stdout(`Installed ${modelId}.\n`);
    return 0;
  } finally {
    await app.close();
  }
}

function formatSeconds(s: number): string {
  return s >= 3600
    ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`
    : s >= 60
      ? `${Math.floor(s / 60)} min ${s % 60} s`
      : `${s} s`;
}

function parseKind(value: string | undefined): ModelKind | undefined {
  if (value === undefined) return undefined;
  const parsed = modelKindSchema.safeParse(value);
  if (!parsed.success) {
    throw new UsageError(`--kind must be one of ${modelKindSchema.options.join(', ')}.`);
  }
  return parsed.data;
}

function mb(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
}

function formatList(list: ModelList): string {
  const lines = [
    `This machine: ${Math.round(list.machine.totalRamMb / 1024)} GB of memory, ${list.machine.cpuCount} CPU cores.`,
  ];
  for (const item of list.catalog) {
    const e = item.entry;
    const state = item.installed
      ? list.active[e.kind] === e.id
        ? 'active'
        : 'installed'
      : item.download
        ? `${item.download.status} ${Math.floor((100 * item.download.bytes) / Math.max(1, item.download.total))}%`
        : '-';
    lines.push(
      `${item.recommended ? '*' : ' '} ${e.id.padEnd(28)} ${e.kind.padEnd(10)} ${mb(item.sizeBytes).padStart(7)}  RAM ${String(e.ramMb).padStart(4)} MB  ${state.padEnd(10)} ${e.license}`,
    );
  }
  for (const c of list.custom) {
    lines.push(
      `  ${c.id.padEnd(28)} ${c.kind.padEnd(10)} ${mb(c.files.reduce((s, f) => s + f.size, 0)).padStart(7)}  custom${list.active[c.kind] === c.id ? ', active' : ''}`,
    );
  }
  for (const [kind, value] of Object.entries(list.overrides)) {
    if (value)
      lines.push(`  ${kind}: overridden by ${ModelService.envVar(kind as ModelKind)}=${value}`);
  }
  lines.push('* recommended for this machine:');
  for (const r of list.recommendations) lines.push(`  ${r.kind}: ${r.reason}`);
  return `${lines.join('\n')}\n`;
}

function formatImport(r: ModelImportReport): string {
  const lines = [`Scanned ${r.scannedFiles} files.`];
  for (const m of r.installed) lines.push(`Installed ${m.id} (${m.kind}, ${m.source})`);
  for (const id of r.alreadyInstalled) lines.push(`Already installed: ${id}`);
  for (const i of r.incomplete) lines.push(`Incomplete ${i.id}: missing ${i.missing.join(', ')}`);
  for (const x of r.rejected) lines.push(`Not used: ${x.path}: ${x.reason}`);
  if (r.installed.length + r.alreadyInstalled.length === 0) lines.push('No model was imported.');
  return `${lines.join('\n')}\n`;
}
