import fs from 'node:fs';
import path from 'node:path';
import type { ManifestEntry } from '../../../shared/contract/models';
import type { ModelRegistry } from './registry';

/** Size of a file, or -1 when it is not there. */
export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}

/**
 * Bytes of a manifest model already on disk but not installed: finished files plus `.part`s.
 * This is what a resume continues from, and what a paused download shows.
 */
export function partialBytes(registry: ModelRegistry, entry: ManifestEntry): number {
  const folder = registry.folderOf(entry.kind, entry.id);
  return entry.files.reduce((sum, f) => {
    const dest = path.join(folder, f.path);
    return sum + (fileSize(dest) === f.size ? f.size : Math.max(0, fileSize(`${dest}.part`)));
  }, 0);
}
