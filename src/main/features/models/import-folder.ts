import fs from 'node:fs';
import path from 'node:path';
import type {
  InstalledModel,
  ManifestEntry,
  ManifestFile,
  ModelImportReport,
  ModelKind,
  ModelManifest,
} from '../../../shared/contract/models';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { copyVerified, sha256File } from '../../engines/models/file-hash';
import { checkModelFormat } from '../../engines/models/formats';
import { entryLoadPath } from '../../engines/models/manifest';
import type { ModelRegistry } from '../../engines/models/registry';

export interface ImportOptions {
  readonly registry: ModelRegistry;
  readonly manifest: ModelManifest;
  readonly clock: Clock;
  /** A folder (a USB stick, a network share) or one file. */
  readonly source: string;
  /** Only import this kind; also allows files that are not in the manifest ("custom" models). */
  readonly kind?: ModelKind;
  readonly signal?: AbortSignal;
}

const MAX_FILES = 20_000;
const MAX_DEPTH = 8;

/**
 * "Import from a folder" for lab machines without internet: finds manifest files by size first
 * (so a stick full of other things is not hashed end to end), confirms them by sha256, copies
 * them in (to .part, then rename) and registers them. With a kind, files of that kind that are
 * not in the manifest are checked by format and added as custom models.
 */
export async function importModels(options: ImportOptions): Promise<ModelImportReport> {
  const { source } = options;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    throw new AppError('NOT_FOUND', `Cannot import models: ${source} does not exist.`);
  }
  const report: ModelImportReport = {
    installed: [],
    alreadyInstalled: [],
    incomplete: [],
    rejected: [],
    scannedFiles: 0,
  };
  const files = stat.isFile() ? [source] : listFiles(source);
  report.scannedFiles = files.length;
  const entries = options.manifest.models.filter((m) => !options.kind || m.kind === options.kind);
  const matched = await matchManifestFiles(entries, files, options.signal);

  for (const entry of entries) {
    const found = matched.get(entry.id);
    if (!found) continue;
    const missing = entry.files.filter((f) => !found.has(f.path)).map((f) => f.path);
    if (missing.length > 0) {
      report.incomplete.push({ id: entry.id, missing });
      continue;
    }
    await installManifestEntry(options, entry, found, report);
  }
  const used = new Set([...matched.values()].flatMap((m) => [...m.values()].map((f) => f.source)));

  if (stat.isFile() && used.size === 0) {
    if (!options.kind) {
      throw new AppError(
        'VALIDATION',
        `${path.basename(source)} is not one of the models in the model list; to add it as your own model, say which kind it is (llm, whisper, vad or embeddings).`,
      );
    }
    const problem = checkModelFormat(source, options.kind);
    if (problem) throw new AppError('VALIDATION', `Cannot import ${source}: ${problem}.`);
  }
  if (options.kind) await importCustom(options, options.kind, stat, files, used, report);
  return report;
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folders on a share are skipped, not fatal
    }
    for (const d of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, d.name);
      if (d.isDirectory()) walk(full, depth + 1);
      else if (d.isFile() && !d.name.endsWith('.part') && out.length < MAX_FILES) out.push(full);
    }
  };
  walk(root, 0);
  return out;
}

interface FoundFile {
  readonly source: string;
  readonly sha256: string;
  readonly file: ManifestFile;
}

/** entry id → manifest path → the file found for it. Only files whose size matches are hashed. */
async function matchManifestFiles(
  entries: readonly ManifestEntry[],
  files: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, Map<string, FoundFile>>> {
  const bySize = new Map<number, { entry: ManifestEntry; file: ManifestFile }[]>();
  for (const entry of entries) {
    for (const file of entry.files) {
      bySize.set(file.size, [...(bySize.get(file.size) ?? []), { entry, file }]);
    }
  }
  const matched = new Map<string, Map<string, FoundFile>>();
  for (const candidate of files) {
    const size = fs.statSync(candidate).size;
    const wanted = bySize.get(size);
    if (!wanted) continue;
    const sha256 = await sha256File(candidate, signal);
    for (const { entry, file } of wanted) {
      const same =
        file.sha256 === null
          ? candidate.replaceAll('\\', '/').endsWith(`/${file.path}`)
          : file.sha256 === sha256;
      if (!same) continue;
      const forEntry = matched.get(entry.id) ?? new Map<string, FoundFile>();
      if (!forEntry.has(file.path)) forEntry.set(file.path, { source: candidate, sha256, file });
      matched.set(entry.id, forEntry);
    }
  }
  return matched;
}

async function installManifestEntry(
  options: ImportOptions,
  entry: ManifestEntry,
  found: Map<string, FoundFile>,
  report: ModelImportReport,
): Promise<void> {
  const { registry } = options;
  const existing = registry.get(entry.id);
  if (existing && sameFiles(existing, [...found.values()])) {
    report.alreadyInstalled.push(entry.id);
    return;
  }
  const folder = registry.folderOf(entry.kind, entry.id);
  const installed: InstalledModel['files'] = [];
  for (const file of entry.files) {
    const hit = found.get(file.path)!;
    const sha256 = await copyVerified(
      hit.source,
      path.join(folder, file.path),
      hit.sha256,
      options.signal,
    );
    installed.push({ path: file.path, size: file.size, sha256 });
  }
  registry.add({
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    source: 'import',
    manifestId: entry.id,
    path: path.posix.join(entry.kind, entry.id, entryLoadPath(entry)),
    files: installed,
    installedAt: options.clock.now().toISOString(),
  });
  report.installed.push({ id: entry.id, kind: entry.kind, source: 'import' });
}

function sameFiles(model: InstalledModel, found: readonly FoundFile[]): boolean {
  return found.every((f) =>
    model.files.some((m) => m.path === f.file.path && m.sha256 === f.sha256),
  );
}

async function importCustom(
  options: ImportOptions,
  kind: ModelKind,
  stat: fs.Stats,
  files: readonly string[],
  used: ReadonlySet<string>,
  report: ModelImportReport,
): Promise<void> {
  if (kind === 'embeddings') {
    const folders = stat.isDirectory() ? candidateFolders(options.source) : [];
    for (const folder of folders) {
      if (checkModelFormat(folder, 'embeddings') !== null) continue;
      const inside = listFiles(folder);
      if (inside.every((f) => used.has(f))) continue; // it was a manifest model
      await installCustom(options, kind, folder, inside, report);
    }
    if (stat.isDirectory() && folders.every((f) => checkModelFormat(f, 'embeddings') !== null)) {
      report.rejected.push({
        path: options.source,
        reason: checkModelFormat(options.source, 'embeddings') ?? 'no embedding model folder found',
      });
    }
    return;
  }
  for (const file of files) {
    if (used.has(file)) continue;
    const problem = checkModelFormat(file, kind);
    if (problem === null) await installCustom(options, kind, file, [file], report);
    else if (looksMeantFor(file, kind)) report.rejected.push({ path: file, reason: problem });
  }
}

/** Only files that look like they were meant as this kind are reported as rejected. */
function looksMeantFor(file: string, kind: ModelKind): boolean {
  const ext = path.extname(file).toLowerCase();
  return kind === 'llm' ? ext === '.gguf' || ext === '.bin' : ext === '.bin';
}

function candidateFolders(root: string): string[] {
  const out = [root];
  for (const d of fs.readdirSync(root, { withFileTypes: true })) {
    if (d.isDirectory()) out.push(path.join(root, d.name));
  }
  return out;
}

async function installCustom(
  options: ImportOptions,
  kind: ModelKind,
  source: string,
  files: readonly string[],
  report: ModelImportReport,
): Promise<void> {
  const { registry } = options;
  const isFolder = kind === 'embeddings';
  const base = slug(isFolder ? path.basename(source) : path.parse(source).name);
  const hashes = await Promise.all(files.map((f) => sha256File(f, options.signal)));
  const main = hashes[files.indexOf(largest(files))]!;
  const plainId = `custom-${kind}-${base}`;
  const same = registry.get(plainId);
  if (same && same.files.some((f) => f.sha256 === main)) {
    report.alreadyInstalled.push(plainId);
    return;
  }
  const id = same ? `${plainId}-${main.slice(0, 8)}` : plainId;
  const folder = registry.folderOf(kind, id);
  const installed: InstalledModel['files'] = [];
  for (const [i, file] of files.entries()) {
    const rel = isFolder
      ? path.relative(source, file).split(path.sep).join('/')
      : path.basename(file);
    const sha256 = await copyVerified(file, path.join(folder, rel), hashes[i]!, options.signal);
    installed.push({ path: rel, size: fs.statSync(file).size, sha256 });
  }
  registry.add({
    id,
    kind,
    name: isFolder ? path.basename(source) : path.basename(source),
    source: 'custom',
    manifestId: null,
    path: path.posix.join(kind, id, isFolder ? '' : path.basename(source)),
    files: installed,
    installedAt: options.clock.now().toISOString(),
  });
  report.installed.push({ id, kind, source: 'custom' });
}

function largest(files: readonly string[]): string {
  return [...files].sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'model'
  );
}
