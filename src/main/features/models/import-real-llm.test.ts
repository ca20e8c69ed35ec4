// The model manager imports the real instruct GGUF files (SmolLM2 135M, Gemma 3 270M) as custom
// language models, and the app's LLM path then finds and runs the imported copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock';
import { LlmService } from '../../engines/llm/llm-service';
import { findLlmModel } from '../../engines/llm/model-path';
import { realLlms, REAL_MODEL_TIMEOUT_MS } from '../../testing/llm-cases';
import { realModelPath, skipWithoutRealModel } from '../../testing/real-models';
import { sha256File } from '../../engines/models/file-hash';
import { ModelService } from './model-service';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

for (const model of realLlms()) {
  describe.skipIf(skipWithoutRealModel(model))(`importing ${model.id}`, () => {
    it(
      'copies it in as the active language model, byte for byte, and the LLM path runs it',
      async () => {
        const source = realModelPath(model);
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-real-llm-'));
        cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
        const models = new ModelService({ dataDir, clock: systemClock, env: {} });
        const stem = path.basename(source, '.gguf').toLowerCase();
        const report = await models.importFrom(source, 'llm');
        expect(report.installed).toEqual([
          { id: expect.stringMatching(/^custom-llm-/), kind: 'llm', source: 'custom' },
        ]);
        const id = report.installed[0]!.id;
        expect(id).toContain(stem.replace(/[^a-z0-9]+/g, '-').slice(0, 12));
        expect((await models.list()).active.llm).toBe(id);

        const found = findLlmModel(dataDir, { env: {} });
        expect(found?.source).toBe('model-manager');
        expect(found!.path).not.toBe(source);
        expect(await sha256File(found!.path)).toBe(await sha256File(source));

        const llm = new LlmService({ dataDir, env: {} });
        cleanups.push(() => llm.dispose());
        const reply = await llm.current()!.generate(
          {
            mode: 'chat',
            system: 'Answer in one word.',
            prompt: 'What colour is the sky?',
            maxTokens: 8,
            temperature: 0,
          },
          { timeoutMs: 60_000 },
        );
        expect(reply.stats.generatedTokens).toBeGreaterThan(0);
        expect(reply.text.trim().length).toBeGreaterThan(0);
        console.info(`${model.id} imported, says:`, JSON.stringify(reply.text));
      },
      REAL_MODEL_TIMEOUT_MS,
    );
  });
}
