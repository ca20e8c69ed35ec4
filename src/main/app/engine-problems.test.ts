import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { completeSession } from '../testing/sessions';
import { createTestApp, type TestApp } from '../testing/test-app';

let app: TestApp | null = null;
let folder: string | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe('an engine that fails to load', () => {
  it('is reported to the person through app.info, and answers are still scored without it', async () => {
    // A model folder as a damaged copy leaves it: the files are there, the model is not a model.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-broken-embedder-'));
    fs.mkdirSync(path.join(folder, 'onnx'));
    fs.writeFileSync(path.join(folder, 'onnx', 'model.onnx'), 'not an onnx file');
    fs.writeFileSync(path.join(folder, 'config.json'), '{}');
    fs.writeFileSync(path.join(folder, 'tokenizer.json'), '{}');
    app = await createTestApp({
      engines: { embeddingModelDir: folder, grammar: false, linguistics: false },
    });
    expect((await app.call('app.info', {})).engineProblems).toEqual([]);
    const profileId = (await app.call('profiles.create', { name: 'Ana' })).id;
    const results = await completeSession(app, profileId, {
      answers: ['I would write unit tests for each function and run them on every change.'],
    });
    expect(results.answers[0]!.status).toBe('scored');
    expect(results.answers[0]!.engine).not.toMatch(/minilm|embed/i);
    const { engineProblems } = await app.call('app.info', {});
    expect(engineProblems).toHaveLength(1);
    expect(engineProblems[0]).toMatch(/^embedding model: /);
  });
});
