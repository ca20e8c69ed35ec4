import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../models/manifest';
import { importModels } from '../../features/models/import-folder';
import { ModelRegistry } from '../models/registry';
import { FakeClock } from '../../testing/fake-clock';
import { sharedModelPath } from '../../testing/models';
import { findLlmModel } from './model-path';

describe('findLlmModel', () => {
  it('prefers the --model flag, then REHEARSE_LLM_MODEL, then the first .gguf under models/llm', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-llm-path-'));
    try {
      expect(findLlmModel(dataDir, { env: {} })).toBeNull();
      const nested = path.join(dataDir, 'models', 'llm', 'b-model');
      fs.mkdirSync(nested, { recursive: true });
      fs.writeFileSync(path.join(nested, 'notes.txt'), 'not a model');
      expect(findLlmModel(dataDir, { env: {} })).toBeNull();
      fs.writeFileSync(path.join(nested, 'B.GGUF'), 'x');
      fs.mkdirSync(path.join(dataDir, 'models', 'llm', 'a-model'));
      fs.writeFileSync(path.join(dataDir, 'models', 'llm', 'a-model', 'a.gguf'), 'x');
      expect(findLlmModel(dataDir, { env: {} })).toEqual({
        path: path.join(dataDir, 'models', 'llm', 'a-model', 'a.gguf'),
        source: 'data-dir',
      });
      expect(findLlmModel(dataDir, { env: { REHEARSE_LLM_MODEL: 'rel/m.gguf' } })).toEqual({
        path: path.resolve('rel/m.gguf'),
        source: 'env',
      });
      expect(
        findLlmModel(dataDir, { flag: '/x/flag.gguf', env: { REHEARSE_LLM_MODEL: '/y.gguf' } }),
      ).toEqual({ path: '/x/flag.gguf', source: 'flag' });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('finds the LLM installed with the model manager before a file dropped by hand', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-llm-path-'));
    try {
      const dropped = path.join(dataDir, 'models', 'llm', 'a-dropped.gguf');
      fs.mkdirSync(path.dirname(dropped), { recursive: true });
      fs.writeFileSync(dropped, 'x');
      const registry = new ModelRegistry(dataDir);
      await importModels({
        registry,
        manifest: loadManifest(),
        clock: new FakeClock(),
        source: sharedModelPath('stories260k/stories260K.gguf'),
        kind: 'llm',
      });
      const [installed] = registry.list();
      expect(findLlmModel(dataDir, { env: {} })).toEqual({
        path: registry.loadPath(installed!),
        source: 'model-manager',
      });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
