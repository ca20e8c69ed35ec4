import fs from 'node:fs';
import path from 'node:path';
import type { ModelKind, ModelSource } from '../../shared/contract/models';
import { checkModelFormat } from './formats';
import { ENV_VARS } from './manifest';
import { ModelRegistry } from './registry';

export interface ResolvedModel {
  readonly kind: ModelKind;
  /** Registry id; for an environment override, the file or folder name. */
  readonly id: string;
  /** Absolute path of what the engine loads: a file, or a folder for embeddings. */
  readonly path: string;
  /** sha256 of the main file when known (store it with what the model produced). */
  readonly sha256: string | null;
  readonly source: ModelSource | 'env' | 'folder';
}

/**
 * The model an engine of this kind should load, or null when none is installed (every model is
 * optional). Order: the REHEARSE_*_MODEL environment variable (tests, CLI, lab scripts), then the
 * active choice, then the most recently installed model of the kind. For embeddings, a folder
 * dropped into `<dataDir>/models/embeddings/` by hand still works, as it did before the registry.
 */
export function resolveInstalledModel(
  dataDir: string,
  kind: ModelKind,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedModel | null {
  const configured = env[ENV_VARS[kind]];
  if (configured) {
    const resolved = path.resolve(configured);
    return { kind, id: path.basename(resolved), path: resolved, sha256: null, source: 'env' };
  }
  const registry = new ModelRegistry(dataDir);
  const data = registry.read();
  const ofKind = data.models
    .filter((m) => m.kind === kind && fs.existsSync(registry.loadPath(m)))
    .sort((a, b) => b.installedAt.localeCompare(a.installedAt));
  const activeId = data.active[kind];
  const chosen = ofKind.find((m) => m.id === activeId) ?? ofKind[0];
  if (chosen) {
    return {
      kind,
      id: chosen.id,
      path: registry.loadPath(chosen),
      sha256: chosen.files.length === 1 ? chosen.files[0]!.sha256 : mainFileHash(chosen.files),
      source: chosen.source,
    };
  }
  return kind === 'embeddings' ? unregisteredEmbeddingFolder(registry.root) : null;
}

/** For a folder model, the hash of its largest file (the weights) identifies it. */
function mainFileHash(files: readonly { size: number; sha256: string }[]): string | null {
  return [...files].sort((a, b) => b.size - a.size)[0]?.sha256 ?? null;
}

function unregisteredEmbeddingFolder(root: string): ResolvedModel | null {
  const dir = path.join(root, 'embeddings');
  if (!fs.existsSync(dir)) return null;
  const folder = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    // A half-downloaded folder (its .onnx still a .part) is not a model yet.
    .find((name) => checkModelFormat(path.join(dir, name), 'embeddings') === null);
  return folder
    ? {
        kind: 'embeddings',
        id: folder,
        path: path.join(dir, folder),
        sha256: null,
        source: 'folder',
      }
    : null;
}

/** A short label for what produced a result ("whisper-base.en@a03779c8"), for storing with it. */
export function modelLabel(model: ResolvedModel): string {
  return model.sha256 ? `${model.id}@${model.sha256.slice(0, 8)}` : model.id;
}
