import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// This file lives at <repo>/src/main/testing/, so the repository root is three folders up.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Where a small real test model lives: `<repo>/../shared/models/<name>`. These are read in place,
 * never copied into the repository (see that folder's README.md and each model's PROVENANCE.md).
 */
export function sharedModelPath(name: string): string {
  return path.resolve(repoRoot, '..', 'shared', 'models', name);
}

/** Whether a shared test model is present (tests fail with a clear message when it is not). */
export function hasSharedModel(name: string): boolean {
  return existsSync(sharedModelPath(name));
}
