import fs from 'node:fs';
import path from 'node:path';
import type { ModelKind, ModelSource } from '../../../shared/contract/models';
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
  readonly source: ModelSource | 'env' | 'folder' | 'shipped';
}

/**
 * A read-only folder of models laid out like `<dataDir>/models` (an `installed.json` and
 * `<kind>/<id>/…`, or model files and folders placed straight under `<kind>/`): the installer's
 * `resources/models`, which the desktop app sets, or a lab's shared folder. Nothing is ever
 * written there; the person's own models in the data folder win over it.
 */
export const SHIPPED_MODELS_ENV = 'REHEARSE_SHIPPED_MODELS';

/**
 * The model an engine of this kind should load, or null when none is installed (every model is
 * optional). Order: the REHEARSE_*_MODEL environment variable (tests, CLI, lab scripts), then the
 * active choice, then the most recently installed model of the kind. For embeddings, a folder
 * dropped into `<dataDir>/models/embeddings/` by hand still works, as it did before the registry.
 * Last, the shipped folder (REHEARSE_SHIPPED_MODELS).
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
  return (
    registeredModel(new ModelRegistry(dataDir), kind, 'installed') ??
    (kind === 'embeddings' ? looseModel(path.join(dataDir, 'models'), kind, 'folder') : null) ??
    shippedModel(dataDir, env, kind)
  );
}

function shippedModel(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  kind: ModelKind,
): ResolvedModel | null {
  const root = env[SHIPPED_MODELS_ENV];
  if (!root || !fs.existsSync(root)) return null;
  // A model file dropped into the data folder by hand is the person's choice: the engines find
  // it after this lookup comes back empty, so the shipped one must not get in its way.
  if (looseModel(path.join(dataDir, 'models'), kind, 'folder')) return null;
  return (
    registeredModel(new ModelRegistry({ root: path.resolve(root) }), kind, 'shipped') ??
    looseModel(path.resolve(root), kind, 'shipped')
  );
}

function registeredModel(
  registry: ModelRegistry,
  kind: ModelKind,
  as: 'installed' | 'shipped',
): ResolvedModel | null {
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
      source: as === 'shipped' ? 'shipped' : chosen.source,
    };
  }
  return null;
}

/** For a folder model, the hash of its largest file (the weights) identifies it. */
function mainFileHash(files: readonly { size: number; sha256: string }[]): string | null {
  return [...files].sort((a, b) => b.size - a.size)[0]?.sha256 ?? null;
}

/** A model placed under `<root>/<kind>/` without a registry record: the first that checks out. */
function looseModel(
  root: string,
  kind: ModelKind,
  source: 'folder' | 'shipped',
): ResolvedModel | null {
  const dir = path.join(root, kind);
  if (!fs.existsSync(dir)) return null;
  const name = fs
    .readdirSync(dir, { withFileTypes: true })
    // Embeddings are folders (transformers.js layout); every other kind is one file.
    .filter((d) => (kind === 'embeddings' ? d.isDirectory() : d.isFile()))
    .map((d) => d.name)
    .sort()
    // A half-downloaded folder (its .onnx still a .part) is not a model yet.
    .find((n) => checkModelFormat(path.join(dir, n), kind) === null);
  return name ? { kind, id: name, path: path.join(dir, name), sha256: null, source } : null;
}

/** A short label for what produced a result ("whisper-base.en@a03779c8"), for storing with it. */
export function modelLabel(model: ResolvedModel): string {
  return model.sha256 ? `${model.id}@${model.sha256.slice(0, 8)}` : model.id;
}
