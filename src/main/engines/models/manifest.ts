import manifestJson from '../../../../models/manifest.json';
import {
  modelManifestSchema,
  type ManifestEntry,
  type ModelKind,
  type ModelManifest,
} from '../../../shared/contract/models';

/**
 * The models Rehearse knows how to download (models/manifest.json), validated when loaded so a
 * bad edit fails at start-up with the entry and field named, not halfway through a download.
 * Imported statically: a bundled app cannot read files next to its sources.
 */
export function loadManifest(json: unknown = manifestJson): ModelManifest {
  const parsed = modelManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`The model manifest is invalid: ${issues}`);
  }
  return parsed.data;
}

export function manifestEntry(manifest: ModelManifest, id: string): ManifestEntry | undefined {
  return manifest.models.find((m) => m.id === id);
}

export function entrySize(entry: ManifestEntry): number {
  return entry.files.reduce((sum, f) => sum + f.size, 0);
}

/**
 * What an engine loads for an entry, relative to its folder: the folder itself for embeddings
 * (transformers.js reads a folder) and for multi-file entries, otherwise the one file.
 */
export function entryLoadPath(entry: Pick<ManifestEntry, 'kind' | 'files'>): string {
  return entry.kind === 'embeddings' || entry.files.length !== 1 ? '' : entry.files[0]!.path;
}

export const ENV_VARS: Readonly<Record<ModelKind, string>> = {
  embeddings: 'REHEARSE_EMBEDDING_MODEL',
  whisper: 'REHEARSE_WHISPER_MODEL',
  vad: 'REHEARSE_VAD_MODEL',
  llm: 'REHEARSE_LLM_MODEL',
};
