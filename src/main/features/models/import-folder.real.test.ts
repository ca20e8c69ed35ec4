// Importing the real embedding folders through the model manager, as a user with a USB stick
// would: the installed copy must embed exactly as the folder it came from, which needs the
// folder's sentence-transformers files (e5-small's "query: " prompt) to come along.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock';
import { findEmbeddingModel } from '../../assessment/evaluator-provider';
import { loadEmbedder } from '../../engines/embeddings/embedder';
import { realModel, realModelPath, skipWithoutRealModel } from '../../testing/real-models';
import { ModelService } from './model-service';

const TEXTS = ['I added an index to speed up the database query', 'A stack is last in, first out'];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

for (const id of ['all-minilm-l6-v2-q', 'e5-small-v2-q']) {
  const model = realModel(id);
  describe.skipIf(skipWithoutRealModel(model))(`importing the real ${id} folder`, () => {
    it('installs it as an embedding model that the engines find and that embeds as the original', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-import-real-'));
      dirs.push(dataDir);
      const models = new ModelService({ dataDir, clock: systemClock, env: {} });
      const source = realModelPath(model);
      const report = await models.importFrom(source, 'embeddings');
      expect(report.installed).toEqual([
        { id: `custom-embeddings-${id}`, kind: 'embeddings', source: 'custom' },
      ]);
      const installed = findEmbeddingModel(dataDir, {});
      expect(installed).toBe(path.join(dataDir, 'models', 'embeddings', `custom-embeddings-${id}`));
      for (const file of ['modules.json', '1_Pooling/config.json', 'sentence_bert_config.json'])
        expect(fs.existsSync(path.join(installed!, file)), file).toBe(true);

      const [original, copy] = await Promise.all([loadEmbedder(source), loadEmbedder(installed!)]);
      try {
        // Same weights used the same way: the same hash in the id, the same vectors.
        expect(copy.modelId.split('@')[1]).toBe(original.modelId.split('@')[1]);
        const [a, b] = await Promise.all([original.embed(TEXTS), copy.embed(TEXTS)]);
        expect(b.map((v) => Array.from(v))).toEqual(a.map((v) => Array.from(v)));
      } finally {
        await Promise.all([original.dispose(), copy.dispose()]);
      }
    }, 30_000);
  });
}
